import type { Settings } from '../../config/settings.js';
import type { ActivityMetrics } from '../../ports/activity-metrics.js';
import type { ClientVpn } from '../../ports/client-vpn.js';
import type { IdleAlarm } from '../../ports/idle-alarm.js';
import type { SessionStore } from '../../ports/session-store.js';
import type { AwsCallOptions } from './aws-call.js';
import { type AwsClients, createAwsClients } from './aws-clients.js';
import { CloudWatchActivityMetrics } from './cloudwatch-activity-metrics.js';
import { CloudWatchIdleAlarm } from './cloudwatch-idle-alarm.js';
import { DynamoDbSessionStore } from './dynamodb-session-store.js';
import { EC2ClientVpn } from './ec2-client-vpn.js';

export interface AwsAdapters {
  vpn: ClientVpn;
  metrics: ActivityMetrics;
  alarm: IdleAlarm;
  store: SessionStore;
}

/** The four AWS-backed ports, wired once per entry from the settings. */
export function createAwsAdapters(
  settings: Settings,
  clients: AwsClients = createAwsClients(settings),
  call: AwsCallOptions = {},
): AwsAdapters {
  return {
    vpn: new EC2ClientVpn({ client: clients.ec2, endpointId: settings.endpointId, call }),
    metrics: new CloudWatchActivityMetrics({
      client: clients.cloudWatch,
      namespace: settings.metricNamespace,
      endpointId: settings.endpointId,
      call,
    }),
    alarm: new CloudWatchIdleAlarm({
      client: clients.cloudWatch,
      alarmName: settings.idleAlarmName,
      call,
    }),
    store: new DynamoDbSessionStore({
      client: clients.dynamoDb,
      tableName: settings.sessionsTable,
      call,
    }),
  };
}
