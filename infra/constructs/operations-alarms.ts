import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { alarmArnFromName } from './alarm-arn.js';

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
 *
 * CloudWatch publishes as the service principal `cloudwatch.amazonaws.com`, so the topic's
 * policy must allow it: the policy `enforceSSL` writes replaces SNS's default policy and
 * holds only its deny-non-TLS statement. Both the topic policy and the key policy allow
 * CloudWatch only for this account and these alarms, named here so their ARNs are known at
 * synth (the key policy cannot wait for the alarms, which wait for the topic, which waits
 * for the key).
 */
export class OperationsAlarms extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[];
  /** The ARNs the topic and key policies allow CloudWatch to publish for. */
  readonly alarmArns: string[];

  constructor(scope: Construct, id: string, props: OperationsAlarmsProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const names = {
      autoDisconnectErrors: `${stack.stackName}-auto-disconnect-errors`,
      portalErrors: `${stack.stackName}-portal-errors`,
      portal5xx: `${stack.stackName}-portal-5xx`,
    };
    this.alarmArns = Object.values(names).map((name) => alarmArnFromName(this, name));
    const fromTheseAlarms = {
      StringEquals: { 'aws:SourceAccount': stack.account },
      ArnLike: { 'aws:SourceArn': this.alarmArns },
    };

    // A customer managed key: CloudWatch must be allowed to use it to publish (the AWS
    // managed SNS key cannot grant that). Scoped like the topic policy: SNS's key management
    // guide conditions a service's use of the key on the source resource's ARN
    // (https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services).
    const key = new kms.Key(this, 'TopicKey', {
      description: 'VPN portal operations alarms topic',
      enableKeyRotation: true,
    });
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'OperationsAlarmsMayEncryptForTheTopic',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: fromTheseAlarms,
      }),
    );
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: 'VPN portal operations',
      masterKey: key,
      enforceSSL: true,
    });
    this.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'OperationsAlarmsMayPublish',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: fromTheseAlarms,
      }),
    );
    if (props.alarmEmail) {
      this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    }

    const fiveMinutes = Duration.minutes(5);
    this.alarms = [
      props.autoDisconnect
        .metricErrors({ period: fiveMinutes, statistic: 'Sum' })
        .createAlarm(this, 'AutoDisconnectErrors', {
          alarmName: names.autoDisconnectErrors,
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
          alarmName: names.portalErrors,
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
          alarmName: names.portal5xx,
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
