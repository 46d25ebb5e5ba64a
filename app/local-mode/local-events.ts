import { randomUUID } from 'node:crypto';
import type { AlarmState } from '../adapters/local/local-idle-alarm.js';
import type { IdleAlarmDefinition } from '../config/idle-alarm-definition.js';

/** The account local mode pretends to be, as in the local ALB ARN. */
const LOCAL_ACCOUNT_ID = '000000000000';

/** CloudWatch writes alarm timestamps as `2025-01-06T09:30:00.000+0000`. */
function cloudWatchTime(at: Date): string {
  return at.toISOString().replace('Z', '+0000');
}

/**
 * What CloudWatch sends a Lambda alarm action (CloudWatch user guide, "Lambda alarm
 * actions"), filled from the same definition the stack deploys.
 */
export function cloudWatchAlarmEvent(input: {
  alarmName: string;
  region: string;
  endpointId: string;
  definition: IdleAlarmDefinition;
  state: AlarmState;
  previousState: AlarmState;
}): Record<string, unknown> {
  const { definition } = input;
  const dimensions = { [definition.dimensionName]: input.endpointId };
  const metricStat = (namespace: string, name: string, stat: string): Record<string, unknown> => ({
    metric: { namespace, name, dimensions },
    period: definition.periodSeconds,
    stat,
  });
  return {
    source: 'aws.cloudwatch',
    alarmArn: `arn:aws:cloudwatch:${input.region}:${LOCAL_ACCOUNT_ID}:alarm:${input.alarmName}`,
    accountId: LOCAL_ACCOUNT_ID,
    time: cloudWatchTime(input.state.since),
    region: input.region,
    alarmData: {
      alarmName: input.alarmName,
      state: {
        value: input.state.value,
        reason: input.state.reason,
        timestamp: cloudWatchTime(input.state.since),
      },
      previousState: {
        value: input.previousState.value,
        reason: input.previousState.reason,
        timestamp: cloudWatchTime(input.previousState.since),
      },
      configuration: {
        description: 'VPN idle: no connect request and no active connection (local mode).',
        metrics: [
          { id: 'idle', expression: definition.expression, label: 'Activity', returnData: true },
          {
            id: 'connects',
            metricStat: metricStat(
              definition.connectRequests.namespace,
              definition.connectRequests.metricName,
              definition.connectRequests.statistic,
            ),
            returnData: false,
          },
          {
            id: 'active',
            metricStat: metricStat(
              definition.activeConnections.namespace,
              definition.activeConnections.metricName,
              definition.activeConnections.statistic,
            ),
            returnData: false,
          },
        ],
      },
    },
  };
}

/** What EventBridge sends for a schedule rule (`rate(15 minutes)`). */
export function scheduledEvent(input: {
  region: string;
  ruleName: string;
  at: Date;
}): Record<string, unknown> {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: LOCAL_ACCOUNT_ID,
    time: `${input.at.toISOString().slice(0, 19)}Z`,
    region: input.region,
    resources: [`arn:aws:events:${input.region}:${LOCAL_ACCOUNT_ID}:rule/${input.ruleName}`],
    detail: {},
  };
}
