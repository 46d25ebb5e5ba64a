import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { LambdaSettings } from '../app/config/lambda-environment.js';
import { AutoDisconnect } from './constructs/auto-disconnect.js';
import { CognitoAuth } from './constructs/cognito-auth.js';
import { PortalDashboard } from './constructs/dashboard.js';
import { IdleAlarm } from './constructs/idle-alarm.js';
import { PortalLoadBalancer } from './constructs/load-balancer.js';
import { Notifications } from './constructs/notifications.js';
import { OperationsAlarms } from './constructs/operations-alarms.js';
import { Portal } from './constructs/portal.js';
import type { PortalEntrance } from './constructs/portal-target.js';
import { SessionsTable } from './constructs/sessions-table.js';
import { SharedListener } from './constructs/shared-listener.js';
import { WarmUpSchedules } from './constructs/warm-up-schedules.js';
import { idleAlarmName, toEndpointSettings } from './endpoints-setting.js';
import { type InfraSettings, loadBalancerSettings } from './settings.js';

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
    const entrance = portalEntrance(this, settings);
    const portalHost = entrance.host;
    const auth = new CognitoAuth(this, 'Auth', {
      settings: settings.cognito,
      adminGroup: settings.adminGroup,
      portalHost,
    });

    // One idle alarm per endpoint (issue 18), the first with the single-endpoint version's
    // construct id and name, so an upgrade keeps it. Their names are chosen here, so the
    // functions' environment and the auto-disconnect role can name them while each alarm
    // depends on the function (its action).
    const idleAlarms = settings.endpoints.map(
      (endpoint, index) =>
        new IdleAlarm(this, index === 0 ? 'Idle' : `Idle-${endpoint.key}`, {
          alarmName: idleAlarmName(this.stackName, endpoint.key, index),
          endpointId: endpoint.endpointId,
          idleTimeoutMinutes: endpoint.idleTimeoutMinutes,
          metricNamespace: settings.metricNamespace,
        }),
    );
    // Both functions send notices through the same channels: the portal those of a start AWS
    // refused and of Disconnect now, auto-disconnect those of what it decides (README,
    // "Notifications"). The settings reach both environments through toLambdaEnvironment.
    const notifications = new Notifications(this, 'Notifications', settings.notifications);
    const common = {
      codeDir: props.lambdaCodeDir,
      settings: functionSettings(settings, {
        sessionsTable: sessions.table.tableName,
        idleAlarmNames: idleAlarms.map((alarm) => alarm.alarmName),
        albArn: entrance.albArn,
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
    const targetGroup = entrance.forwardAuthenticated(portal.function, auth);

    const autoDisconnect = new AutoDisconnect(this, 'AutoDisconnect', {
      ...common,
      idleAlarmArns: idleAlarms.map((alarm) => alarm.alarmArn),
    });
    idleAlarms.forEach((alarm, index) => {
      alarm.invoke(autoDisconnect.function, { uniquePermissionId: index > 0 });
    });
    notifications.grantNotify(autoDisconnect.function);
    const [firstAlarm] = idleAlarms;
    const [firstEndpoint] = settings.endpoints;
    if (!firstAlarm || !firstEndpoint) throw new Error('settings list no endpoint');
    // The health panel looks at the first endpoint (docs/decisions/014-health-checks.md).
    portal.checkHealthWith({
      eventsFunction: autoDisconnect.function,
      idleAlarmArn: firstAlarm.alarmArn,
      notifications,
    });
    const warmUps = settings.endpoints.map(({ key, warmUps: entries }) => ({ key, entries }));
    if (warmUps.some((endpoint) => endpoint.entries.length > 0)) {
      new WarmUpSchedules(this, 'WarmUp', {
        function: autoDisconnect.function,
        endpoints: warmUps,
        metricNamespace: settings.metricNamespace,
      });
    }

    const operations = new OperationsAlarms(this, 'Operations', {
      portal: portal.function,
      autoDisconnect: autoDisconnect.function,
      targetGroup,
      alarmEmail: settings.alarmEmail,
    });

    new PortalDashboard(this, 'Dashboard', {
      dashboardName: this.stackName,
      // The first endpoint's graphs; every other endpoint's idle alarm in the status widget.
      endpointId: firstEndpoint.endpointId,
      idleAlarm: firstAlarm,
      portal: portal.function,
      autoDisconnect: autoDisconnect.function,
      operationsAlarms: [...idleAlarms.slice(1).map((idle) => idle.alarm), ...operations.alarms],
    });

    new CfnOutput(this, 'PortalUrl', { value: `https://${portalHost}/` });
    if (entrance instanceof PortalLoadBalancer) {
      new CfnOutput(this, 'LoadBalancerDnsName', {
        value: entrance.alb.loadBalancerDnsName,
        description: 'Point the portal domain name here (CNAME or Route 53 alias)',
      });
    }
    new CfnOutput(this, 'UserPoolId', { value: auth.userPool.userPoolId });
    new CfnOutput(this, 'SessionsTableName', { value: sessions.table.tableName });
    // The first endpoint's alarm, under the single-endpoint version's output name.
    new CfnOutput(this, 'IdleAlarmName', { value: firstAlarm.alarmName });
    new CfnOutput(this, 'DashboardName', {
      value: this.stackName,
      description: 'CloudWatch, Dashboards: the VPN, its idle alarm and both functions',
    });
    new CfnOutput(this, 'OperationsTopicArn', { value: operations.topic.topicArn });
    new CfnOutput(this, 'NotificationsTopicArn', { value: notifications.topic.topicArn });
  }
}

/**
 * Where employees come in: a new ALB (the default), or a rule on the company's existing
 * HTTPS listener (`sharedListener`), which creates no load balancer at all.
 */
function portalEntrance(scope: Construct, settings: InfraSettings): PortalEntrance {
  const way = loadBalancerSettings(settings);
  if (way.mode === 'shared') return new SharedListener(scope, 'SharedListener', way);
  return new PortalLoadBalancer(scope, 'LoadBalancer', {
    vpcId: settings.vpcId,
    subnetIds: way.subnetIds,
    internetFacing: way.internetFacing,
    allowedCidrs: way.allowedCidrs,
    certificateArn: way.certificateArn,
    domainName: way.domainName,
    logRetentionDays: settings.logRetentionDays,
  });
}

/** The names the functions find the stack's resources by (deploy-time tokens in the stack). */
export type FunctionResources = Pick<
  LambdaSettings,
  'sessionsTable' | 'albArn' | 'cognito' | 'notifications'
> & {
  /** The idle alarms' names, one per endpoint in the settings' order. */
  idleAlarmNames: readonly string[];
};

/**
 * SPEC section 9: what both Lambdas read, from the operator's settings and the stack's
 * resources. The functions' constructs turn it into their environment with the app's own
 * `toLambdaEnvironment`, the inverse of the loaders the functions start with.
 */
export function functionSettings(
  settings: InfraSettings,
  resources: FunctionResources,
): LambdaSettings {
  const { idleAlarmNames, ...shared } = resources;
  return {
    // Issue 18: a list of one is written as today's variables, several as VPN_ENDPOINTS.
    endpoints: toEndpointSettings(settings.endpoints, idleAlarmNames),
    metricNamespace: settings.metricNamespace,
    adminGroup: settings.adminGroup,
    prices: settings.prices,
    openNext: settings.openNext,
    keepOnMaxHours: settings.keepOnMaxHours,
    warmUpHolidays: settings.warmUp.holidays,
    loadBalancer: loadBalancerSettings(settings).mode === 'shared' ? 'shared-listener' : 'own-alb',
    ...shared,
  };
}
