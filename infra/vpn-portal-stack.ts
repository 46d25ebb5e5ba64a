import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { SINGLE_ENDPOINT_KEY, SINGLE_ENDPOINT_NAMES } from '../app/config/endpoint-settings.js';
import type { LambdaSettings } from '../app/config/lambda-environment.js';
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
    // Both functions send notices through the same channels: the portal those of a start AWS
    // refused and of Disconnect now, auto-disconnect those of what it decides (README,
    // "Notifications"). The settings reach both environments through toLambdaEnvironment.
    const notifications = new Notifications(this, 'Notifications', settings.notifications);
    const common = {
      codeDir: props.lambdaCodeDir,
      settings: functionSettings(settings, {
        sessionsTable: sessions.table.tableName,
        idleAlarmName,
        albArn: loadBalancer.alb.loadBalancerArn,
        cognito: {
          userPoolId: auth.userPool.userPoolId,
          clientId: auth.client.userPoolClientId,
          domain: auth.hostedUiHost,
        },
        notifications: notifications.settings,
      }),
      logRetentionDays: settings.logRetentionDays,
      table: sessions.table,
    };

    const portal = new Portal(this, 'Portal', common);
    notifications.grantNotify(portal.function);
    const targetGroup = loadBalancer.forwardAuthenticated(portal.function, auth);

    const idleAlarm = new IdleAlarm(this, 'Idle', {
      alarmName: idleAlarmName,
      endpointId: settings.endpointId,
      idleTimeoutMinutes: settings.idleTimeoutMinutes,
      metricNamespace: settings.metricNamespace,
    });
    const autoDisconnect = new AutoDisconnect(this, 'AutoDisconnect', {
      ...common,
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

/** The names the functions find the stack's resources by (deploy-time tokens in the stack). */
export type FunctionResources = Pick<
  LambdaSettings,
  'sessionsTable' | 'albArn' | 'cognito' | 'notifications'
> & { idleAlarmName: string };

/**
 * SPEC section 9: what both Lambdas read, from the operator's settings and the stack's
 * resources. The functions' constructs turn it into their environment with the app's own
 * `toLambdaEnvironment`, the inverse of the loaders the functions start with.
 */
export function functionSettings(
  settings: InfraSettings,
  resources: FunctionResources,
): LambdaSettings {
  const { idleAlarmName, ...shared } = resources;
  return {
    // Today's stack manages one endpoint: a list of one, written as today's variables.
    endpoints: [
      {
        key: SINGLE_ENDPOINT_KEY,
        endpointId: settings.endpointId,
        names: { ...SINGLE_ENDPOINT_NAMES },
        subnetIds: settings.targetSubnetIds,
        extraRoutes: settings.extraRoutes,
        idleTimeoutMinutes: settings.idleTimeoutMinutes,
        quietConnectionMinutes: settings.quietConnectionMinutes,
        idleAlarmName,
        warmUps: settings.warmUp.entries,
        groups: null,
      },
    ],
    metricNamespace: settings.metricNamespace,
    adminGroup: settings.adminGroup,
    prices: settings.prices,
    openNext: settings.openNext,
    keepOnMaxHours: settings.keepOnMaxHours,
    warmUpHolidays: settings.warmUp.holidays,
    ...shared,
  };
}
