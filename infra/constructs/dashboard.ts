import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import type { IdleAlarm } from './idle-alarm.js';

export interface PortalDashboardProps {
  dashboardName: string;
  endpointId: string;
  /** Its definition names the metrics the alarm watches; the dashboard graphs the same ones. */
  idleAlarm: IdleAlarm;
  /** Both functions log to a log group of their own (BundledFunction), read by the queries. */
  portal: lambda.Function;
  autoDisconnect: lambda.Function;
  /** The operations alarms, shown beside the idle alarm. */
  operationsAlarms: cloudwatch.IAlarm[];
}

/**
 * The log lines that turn the VPN on or off (app/http/routes, app/events): a start (Connect
 * or a warm-up), the idle rule's disassociation, Disconnect now and "Done".
 */
export const TURNED_ON_OR_OFF_QUERY = [
  'fields @timestamp, message, outcome, action, trigger, userId, scheduleName, reason',
  'filter (message in ["connect", "warm-up"] and outcome = "started")' +
    ' or (message = "auto-disconnect" and action = "disassociate")' +
    ' or message = "disconnect by administrator"' +
    ' or (message = "done" and outcome = "turned-off")',
  'sort @timestamp desc',
  'limit 100',
];

const FIVE_MINUTES = Duration.minutes(5);
const HALF = 12;
const QUARTER = 6;
const ROW = 6;

/**
 * One CloudWatch dashboard (issue 17) for the operator: whether the VPN is on, who uses it,
 * whether the idle alarm is armed, and whether the functions fail or slow down.
 *
 * AWS publishes no metric for a subnet association (AWS/ClientVPN has connection, traffic,
 * authentication and CRL metrics only). Rather than draw a state it cannot measure, the
 * dashboard lists the changes the functions themselves made, from their own log lines, and
 * shows the idle alarm, whose ALARM state is what turns an idle VPN off.
 */
export class PortalDashboard extends Construct {
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: PortalDashboardProps) {
    super(scope, id);
    const { definition, alarm } = props.idleAlarm;
    const dimensionsMap = { [definition.dimensionName]: props.endpointId };
    const functions = [
      { name: 'portal', fn: props.portal },
      { name: 'auto-disconnect', fn: props.autoDisconnect },
    ];

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: props.dashboardName,
      defaultInterval: Duration.days(1),
    });
    this.dashboard.addWidgets(
      new cloudwatch.TextWidget({
        width: 2 * HALF,
        height: 2,
        markdown: [
          `## VPN On Demand: endpoint \`${props.endpointId}\``,
          'Each target subnet is billed per hour while associated. AWS publishes no metric for ' +
            'the association, so **VPN turned on and off** lists the changes from the functions’ ' +
            'own log lines; the admin view’s sessions give their length and cost.',
        ].join('\n\n'),
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.LogQueryWidget({
        title: 'VPN turned on and off (the functions’ log lines, newest first)',
        logGroupNames: functions.map(({ fn }) => fn.logGroup.logGroupName),
        queryLines: TURNED_ON_OR_OFF_QUERY,
        view: cloudwatch.LogQueryVisualizationType.TABLE,
        width: HALF,
        height: ROW,
      }),
      new cloudwatch.AlarmStatusWidget({
        title: 'Alarms (idle: ALARM turns the VPN off)',
        alarms: [alarm, ...props.operationsAlarms],
        width: QUARTER,
        height: ROW,
      }),
      new cloudwatch.AlarmWidget({
        title: 'Activity the idle alarm watches',
        alarm,
        leftYAxis: { min: 0 },
        width: QUARTER,
        height: ROW,
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Active connections',
        left: [
          new cloudwatch.Metric({
            ...definition.activeConnections,
            dimensionsMap,
            period: FIVE_MINUTES,
            label: 'Active connections (max)',
          }),
        ],
        leftYAxis: { min: 0 },
        width: HALF,
        height: ROW,
      }),
      new cloudwatch.GraphWidget({
        title: 'Connect requests (taps on Connect and warm-ups)',
        left: [
          new cloudwatch.Metric({
            ...definition.connectRequests,
            dimensionsMap,
            period: FIVE_MINUTES,
            label: 'Connect requests',
          }),
        ],
        leftYAxis: { min: 0 },
        width: HALF,
        height: ROW,
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Function errors',
        left: functions.map(({ name, fn }) =>
          fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum', label: `${name} errors` }),
        ),
        leftYAxis: { min: 0 },
        width: HALF,
        height: ROW,
      }),
      new cloudwatch.GraphWidget({
        title: 'Function duration (ms)',
        left: functions.flatMap(({ name, fn }) =>
          ['p50', 'Maximum'].map((statistic) =>
            fn.metricDuration({ period: FIVE_MINUTES, statistic, label: `${name} ${statistic}` }),
          ),
        ),
        leftYAxis: { min: 0 },
        width: HALF,
        height: ROW,
      }),
    );
  }
}
