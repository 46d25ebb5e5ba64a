import type { EndpointSettings } from '../../config/endpoint-settings.js';
import type { Settings } from '../../config/settings.js';
import { type Logger, silentLogger } from '../../logging/logger.js';
import type { ActivityMetrics } from '../../ports/activity-metrics.js';
import type { ClientVpn } from '../../ports/client-vpn.js';
import type { IdleAlarm } from '../../ports/idle-alarm.js';
import type { SessionStore } from '../../ports/session-store.js';
import type { StatusSnapshotStore } from '../../ports/status-snapshots.js';
import type { VpnClientSetup } from '../../ports/vpn-client-setup.js';
import type { AwsCallOptions } from './aws-call.js';
import { type AwsClients, createAwsClients } from './aws-clients.js';
import { CloudWatchActivityMetrics } from './cloudwatch-activity-metrics.js';
import { CloudWatchIdleAlarm } from './cloudwatch-idle-alarm.js';
import { storageScope } from './dynamodb-item-keys.js';
import { DynamoDbSessionStore } from './dynamodb-session-store.js';
import { DynamoDbStatusSnapshots } from './dynamodb-status-snapshots.js';
import { EC2ClientVpn } from './ec2-client-vpn.js';
import { EC2VpnClientSetup } from './ec2-vpn-client-setup.js';

export interface AwsAdapters {
  vpn: ClientVpn;
  metrics: ActivityMetrics;
  alarm: IdleAlarm;
  store: SessionStore;
  /** The endpoint's configuration file and authentication (the portal's setup page). */
  vpnSetup: VpnClientSetup;
  /** The portal's fleet-wide status snapshot, in the sessions table (issue 15). */
  snapshots: StatusSnapshotStore;
}

export interface AwsAdapterOptions {
  clients?: AwsClients;
  call?: AwsCallOptions;
  /** Where what could not be read goes (a malformed session item, say). */
  logger?: Logger;
}

/**
 * One endpoint's AWS-backed ports (issue 18: one set per endpoint, sharing the SDK clients),
 * wired once per entry from the settings.
 */
export function createAwsAdapters(
  settings: Settings,
  endpoint: EndpointSettings,
  options: AwsAdapterOptions = {},
): AwsAdapters {
  const { clients = createAwsClients(settings), call = {}, logger = silentLogger } = options;
  const { endpointId } = endpoint;
  const scope = storageScope(settings.endpoints, endpoint);
  return {
    vpn: new EC2ClientVpn({ client: clients.ec2, endpointId, call }),
    vpnSetup: new EC2VpnClientSetup({
      client: clients.ec2,
      endpointId,
      call,
    }),
    metrics: new CloudWatchActivityMetrics({
      client: clients.cloudWatch,
      namespace: settings.metricNamespace,
      endpointId,
      call,
    }),
    alarm: new CloudWatchIdleAlarm({
      client: clients.cloudWatch,
      alarmName: endpoint.idleAlarmName,
      call,
    }),
    store: new DynamoDbSessionStore({
      client: clients.dynamoDb,
      tableName: settings.sessionsTable,
      scope,
      call,
      onMalformed: (error) =>
        logger.warn('malformed session item skipped', {
          endpoint: endpoint.key,
          error: error.message,
        }),
    }),
    snapshots: new DynamoDbStatusSnapshots({
      client: clients.dynamoDb,
      tableName: settings.sessionsTable,
      scope,
      call,
    }),
  };
}
