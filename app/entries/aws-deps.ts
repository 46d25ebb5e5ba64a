import { createAwsClients } from '../adapters/aws/aws-clients.js';
import { CloudWatchActivityMetrics } from '../adapters/aws/cloudwatch-activity-metrics.js';
import { CloudWatchIdleAlarm } from '../adapters/aws/cloudwatch-idle-alarm.js';
import { DynamoDbSessionStore } from '../adapters/aws/dynamodb-session-store.js';
import { EC2ClientVpn } from '../adapters/aws/ec2-client-vpn.js';
import type { Settings } from '../config/settings.js';
import type { CoreDeps } from '../core/deps.js';
import { systemClock } from '../ports/clock.js';

/** The core's ports against real AWS, built once per process so warm Lambdas reuse them. */
export function createAwsCoreDeps(settings: Settings): CoreDeps {
  const clients = createAwsClients(settings);
  return {
    vpn: new EC2ClientVpn({ client: clients.ec2, endpointId: settings.endpointId }),
    store: new DynamoDbSessionStore({
      client: clients.dynamoDb,
      tableName: settings.sessionsTable,
    }),
    metrics: new CloudWatchActivityMetrics({
      client: clients.cloudWatch,
      namespace: settings.metricNamespace,
      endpointId: settings.endpointId,
    }),
    alarm: new CloudWatchIdleAlarm({
      client: clients.cloudWatch,
      alarmName: settings.idleAlarmName,
    }),
    clock: systemClock,
    policy: {
      subnetIds: settings.subnetIds,
      extraRoutes: settings.extraRoutes,
      idleTimeoutMinutes: settings.idleTimeoutMinutes,
      prices: settings.prices,
    },
  };
}
