import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export interface OperationsAlarmsProps {
  portal: lambda.IFunction;
  autoDisconnect: lambda.IFunction;
  targetGroup: elbv2.ApplicationTargetGroup;
  alarmEmail?: string | undefined;
}

/**
 * What the operator hears about: auto-disconnect failing (the VPN may stay on and cost
 * money) and the portal failing employees (target 5xx or Lambda errors), on an encrypted
 * SNS topic with an optional e-mail subscription.
 */
export class OperationsAlarms extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, props: OperationsAlarmsProps) {
    super(scope, id);
    // A customer managed key: CloudWatch must be allowed to use it to publish (the AWS
    // managed SNS key cannot grant that).
    const key = new kms.Key(this, 'TopicKey', {
      description: 'VPN portal operations alarms topic',
      enableKeyRotation: true,
    });
    key.grant(
      new iam.ServicePrincipal('cloudwatch.amazonaws.com'),
      'kms:Decrypt',
      'kms:GenerateDataKey*',
    );
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: 'VPN portal operations',
      masterKey: key,
      enforceSSL: true,
    });
    if (props.alarmEmail) {
      this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    }

    const fiveMinutes = Duration.minutes(5);
    this.alarms = [
      props.autoDisconnect
        .metricErrors({ period: fiveMinutes, statistic: 'Sum' })
        .createAlarm(this, 'AutoDisconnectErrors', {
          alarmDescription:
            'The auto-disconnect Lambda failed: the VPN may stay associated and keep costing.',
          threshold: 1,
          evaluationPeriods: 1,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        }),
      props.portal
        .metricErrors({ period: fiveMinutes, statistic: 'Sum' })
        .createAlarm(this, 'PortalErrors', {
          alarmDescription: 'The portal Lambda failed (crashes or timeouts).',
          threshold: 3,
          evaluationPeriods: 1,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        }),
      props.targetGroup.metrics
        .httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, {
          period: fiveMinutes,
          statistic: 'Sum',
        })
        .createAlarm(this, 'Portal5xx', {
          alarmDescription: 'The portal answered employees with 5xx errors.',
          threshold: 5,
          evaluationPeriods: 1,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        }),
    ];
    const notify = new actions.SnsAction(this.topic);
    for (const alarm of this.alarms) {
      alarm.addAlarmAction(notify);
      alarm.addOkAction(notify);
    }
  }
}
