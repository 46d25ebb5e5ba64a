import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { LambdaAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import {
  type IdleAlarmDefinition,
  idleAlarmDefinition,
} from '../../app/config/idle-alarm-definition.js';
import { alarmArnFromName } from './alarm-arn.js';

export interface IdleAlarmProps {
  alarmName: string;
  endpointId: string;
  idleTimeoutMinutes: number;
  metricNamespace: string;
}

const COMPARISON: Record<IdleAlarmDefinition['comparisonOperator'], cloudwatch.ComparisonOperator> =
  { LessThanThreshold: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD };
const MISSING: Record<IdleAlarmDefinition['treatMissingData'], cloudwatch.TreatMissingData> = {
  breaching: cloudwatch.TreatMissingData.BREACHING,
};

/**
 * The idle alarm (SPEC section 4, rules 1–2), built from `idleAlarmDefinition()`, the
 * module local mode's evaluator reads too: activity is connect requests plus active
 * connections, no data counts as idle, and N × 5 minutes of idleness wakes auto-disconnect.
 */
export class IdleAlarm extends Construct {
  readonly alarm: cloudwatch.Alarm;
  /**
   * The chosen name, a plain string: the functions' environment names the alarm with it
   * (`alarm.alarmName` would be a reference to the alarm, which depends on the function).
   */
  readonly alarmName: string;
  readonly definition: IdleAlarmDefinition;
  /** Known at synth (built from the chosen name), so a role can name it without a cycle. */
  readonly alarmArn: string;

  constructor(scope: Construct, id: string, props: IdleAlarmProps) {
    super(scope, id);
    const def = idleAlarmDefinition(props);
    this.definition = def;
    this.alarmName = props.alarmName;
    const period = Duration.seconds(def.periodSeconds);
    const dimensionsMap = { [def.dimensionName]: props.endpointId };

    const activity = new cloudwatch.MathExpression({
      expression: def.expression,
      period,
      label: 'Connect requests + active connections',
      usingMetrics: {
        connects: new cloudwatch.Metric({ ...def.connectRequests, dimensionsMap, period }),
        active: new cloudwatch.Metric({ ...def.activeConnections, dimensionsMap, period }),
      },
    });

    this.alarm = activity.createAlarm(this, 'Alarm', {
      alarmName: props.alarmName,
      alarmDescription:
        `Nobody connected or asked to connect for ${props.idleTimeoutMinutes} minutes: ` +
        'invokes the auto-disconnect Lambda, which re-checks and removes the subnet associations.',
      threshold: def.threshold,
      comparisonOperator: COMPARISON[def.comparisonOperator],
      evaluationPeriods: def.evaluationPeriods,
      datapointsToAlarm: def.datapointsToAlarm,
      treatMissingData: MISSING[def.treatMissingData],
    });

    this.alarmArn = alarmArnFromName(this, props.alarmName);
  }

  /**
   * CloudWatch invokes the function directly; the permission is limited to this alarm's ARN.
   * The function's permission is named after the alarm's construct id ("Alarm", the same in
   * every IdleAlarm), so a second alarm on the same function needs `uniquePermissionId`. The
   * first leaves it off to keep the single-endpoint version's permission, logical id and all.
   */
  invoke(fn: lambda.IFunction, options: { uniquePermissionId: boolean }): void {
    this.alarm.addAlarmAction(
      new LambdaAction(fn, { useUniquePermissionId: options.uniquePermissionId }),
    );
  }
}
