import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { AutoDisconnect } from './constructs/auto-disconnect.js';
import { CognitoAuth } from './constructs/cognito-auth.js';
import { IdleAlarm } from './constructs/idle-alarm.js';
import { PortalLoadBalancer } from './constructs/load-balancer.js';
import { Notifications } from './constructs/notifications.js';
import { OperationsAlarms } from './constructs/operations-alarms.js';
import { Portal } from './constructs/portal.js';
import { SessionsTable } from './constructs/sessions-table.js';
import { WarmUpSchedules } from './constructs/warm-up-schedules.js';
import type { InfraSettings } from './settings.js';

export interface VpnPortalStackProps extends StackProps {
  settings: InfraSettings;
  /** Directory with `portal.mjs` and `auto-disconnect.mjs` (`dist/lambda` after the build). */
  lambdaCodeDir: string;
}

/** Everything the portal needs in one stack, next to an existing Client VPN endpoint. */
export class VpnPortalStack extends Stack {
  constructor(scope: Construct, id: string, props: VpnPortalStackProps) {
    super(scope, id, props);
    const { settings } = props;

    const sessions = new SessionsTable(this, 'Sessions');
    const loadBalancer = new PortalLoadBalancer(this, 'LoadBalancer', {
      vpcId: settings.vpcId,
      subnetIds: settings.albSubnetIds,
      internetFacing: settings.internetFacing,
      allowedCidrs: settings.allowedCidrs,
      certificateArn: settings.certificateArn,
      logRetentionDays: settings.logRetentionDays,
    });
    const portalHost = settings.domainName ?? loadBalancer.alb.loadBalancerDnsName;
    const auth = new CognitoAuth(this, 'Auth', {
      settings: settings.cognito,
      adminGroup: settings.adminGroup,
      portalHost,
    });

    // The idle alarm's name is chosen here so the auto-disconnect role can name its ARN
    // while the alarm itself depends on the function (its action).
    const idleAlarmName = `${this.stackName}-idle`;
    const environment = lambdaEnvironment(settings, {
      SESSIONS_TABLE: sessions.table.tableName,
      IDLE_ALARM_NAME: idleAlarmName,
      ALB_ARN: loadBalancer.alb.loadBalancerArn,
      COGNITO_USER_POOL_ID: auth.userPool.userPoolId,
      COGNITO_CLIENT_ID: auth.client.userPoolClientId,
      COGNITO_DOMAIN: auth.hostedUiHost,
    });
    const common = {
      codeDir: props.lambdaCodeDir,
      environment,
      logRetentionDays: settings.logRetentionDays,
      endpointId: settings.endpointId,
      subnetIds: settings.targetSubnetIds,
      table: sessions.table,
    };

    const portal = new Portal(this, 'Portal', {
      ...common,
      metricNamespace: settings.metricNamespace,
    });
    const targetGroup = loadBalancer.forwardAuthenticated(portal.function, auth);

    const idleAlarm = new IdleAlarm(this, 'Idle', {
      alarmName: idleAlarmName,
      endpointId: settings.endpointId,
      idleTimeoutMinutes: settings.idleTimeoutMinutes,
      metricNamespace: settings.metricNamespace,
    });
    // Notifications go out from the auto-disconnect function only: the SNS and SSM clients
    // would take the portal bundle over its 1 MB budget (README, "Notifications").
    const notifications = new Notifications(this, 'Notifications', settings.notifications);
    const autoDisconnect = new AutoDisconnect(this, 'AutoDisconnect', {
      ...common,
      environment: { ...environment, ...notifications.environment },
      idleAlarmArn: idleAlarm.alarmArn,
    });
    idleAlarm.invoke(autoDisconnect.function);
    notifications.grantNotify(autoDisconnect.function);
    if (settings.warmUp.entries.length > 0) {
      new WarmUpSchedules(this, 'WarmUp', {
        function: autoDisconnect.function,
        entries: settings.warmUp.entries,
        metricNamespace: settings.metricNamespace,
      });
    }

    const operations = new OperationsAlarms(this, 'Operations', {
      portal: portal.function,
      autoDisconnect: autoDisconnect.function,
      targetGroup,
      alarmEmail: settings.alarmEmail,
    });

    new CfnOutput(this, 'PortalUrl', { value: `https://${portalHost}/` });
    new CfnOutput(this, 'LoadBalancerDnsName', {
      value: loadBalancer.alb.loadBalancerDnsName,
      description: 'Point the portal domain name here (CNAME or Route 53 alias)',
    });
    new CfnOutput(this, 'UserPoolId', { value: auth.userPool.userPoolId });
    new CfnOutput(this, 'SessionsTableName', { value: sessions.table.tableName });
    new CfnOutput(this, 'IdleAlarmName', { value: idleAlarmName });
    new CfnOutput(this, 'OperationsTopicArn', { value: operations.topic.topicArn });
    new CfnOutput(this, 'NotificationsTopicArn', { value: notifications.topic.topicArn });
  }
}

/**
 * SPEC section 9: the environment both Lambdas read with app/config/settings.ts, plus the
 * warm-up schedule (app/config/warm-up-settings.ts).
 */
export function lambdaEnvironment(
  settings: InfraSettings,
  resources: Record<
    | 'SESSIONS_TABLE'
    | 'IDLE_ALARM_NAME'
    | 'ALB_ARN'
    | 'COGNITO_USER_POOL_ID'
    | 'COGNITO_CLIENT_ID'
    | 'COGNITO_DOMAIN',
    string
  >,
): Record<string, string> {
  return {
    VPN_ENDPOINT_ID: settings.endpointId,
    VPN_SUBNET_IDS: settings.targetSubnetIds.join(','),
    VPN_EXTRA_ROUTES: JSON.stringify(settings.extraRoutes),
    IDLE_TIMEOUT_MINUTES: String(settings.idleTimeoutMinutes),
    METRIC_NAMESPACE: settings.metricNamespace,
    ADMIN_GROUP: settings.adminGroup,
    PRICE_ASSOCIATION_HOUR_USD: String(settings.prices.associationHourUsd),
    PRICE_CONNECTION_HOUR_USD: String(settings.prices.connectionHourUsd),
    // Both functions read the schedule: the portal for the pages, auto-disconnect for holidays.
    ...(settings.warmUp.entries.length > 0
      ? { WARM_UP_SCHEDULE: JSON.stringify(settings.warmUp.entries) }
      : {}),
    ...(settings.warmUp.holidays.length > 0
      ? { WARM_UP_HOLIDAYS: settings.warmUp.holidays.join(',') }
      : {}),
    ...resources,
  };
}
