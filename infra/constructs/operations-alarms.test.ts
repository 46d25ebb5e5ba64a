import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { functionId, onlyResource, synthPortal } from '../test-support.js';

let template: Template;
// The first synth (cdk-nag included) loads aws-cdk-lib: slower than vitest's 10 s hook default.
beforeAll(() => {
  template = synthPortal().template;
}, 60_000);

/** An alarm ARN as CloudFormation builds it in the example's region and the deploying account. */
const alarmArn = (name: string) => ({
  'Fn::Join': [
    '',
    ['arn:aws:cloudwatch:ap-northeast-2:', { Ref: 'AWS::AccountId' }, `:alarm:${name}`],
  ],
});
const OPERATIONS_ALARMS = [
  'VpnPortal-auto-disconnect-errors',
  'VpnPortal-portal-errors',
  'VpnPortal-portal-5xx',
];

/**
 * CloudWatch publishes as its service principal, on behalf of an alarm: the documented topic
 * policy names `cloudwatch.amazonaws.com` and the alarms with `ArnLike` on `aws:SourceArn`
 * (https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-use-cases.html#sns-allow-cloudwatch-alarm-to-publish-to-topic-in-another-account,
 * https://repost.aws/knowledge-center/cloudwatch-receive-sns-for-alarm-trigger), and
 * `aws:SourceAccount` the account (same page, "Allow any AWS resource to publish to a topic").
 */
const fromTheOperationsAlarms = {
  StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
  ArnLike: { 'aws:SourceArn': OPERATIONS_ALARMS.map(alarmArn) },
};

/** The operations topic; the notifications topic (issue 9) is another one. */
const operationsTopic = () =>
  onlyResource(template, 'AWS::SNS::Topic', { DisplayName: 'VPN portal operations' });

describe('operations alarms', () => {
  it('publish to an encrypted topic that refuses plain HTTP', () => {
    const [topicId, topic] = operationsTopic();
    expect(topic.Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [expect.any(String), 'Arn'] });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topicId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({ Principal: { Service: 'cloudwatch.amazonaws.com' } }),
        ]),
      },
    });
  });

  it('are allowed to publish to the topic, for this account and these alarms only', () => {
    const [topicId] = operationsTopic();
    const [, policy] = onlyResource(template, 'AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topicId }],
    });
    // Without the Allow the alarms fail with "not authorized to perform: SNS:Publish": the
    // deny-non-TLS statement replaces SNS's default policy and allows nothing.
    expect(policy.Properties.PolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AllowPublishThroughSSLOnly',
          Effect: 'Deny',
          Principal: '*',
          Action: 'sns:Publish',
          Resource: { Ref: topicId },
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
        {
          Sid: 'OperationsAlarmsMayPublish',
          Effect: 'Allow',
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Action: 'sns:Publish',
          Resource: { Ref: topicId },
          Condition: fromTheOperationsAlarms,
        },
      ],
    });
  });

  it("may use the topic's key, for this account and these alarms only", () => {
    // SNS documents the key policy a service needs to publish to an encrypted topic, scoped by
    // the source ARN (https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services).
    const [, topic] = operationsTopic();
    const keyId = (topic.Properties.KmsMasterKeyId as { 'Fn::GetAtt': [string, string] })[
      'Fn::GetAtt'
    ][0];
    const key = template.findResources('AWS::KMS::Key')[keyId];
    const statements = key?.Properties.KeyPolicy.Statement as { Principal: unknown }[];
    expect(statements.filter((s) => JSON.stringify(s.Principal).includes('cloudwatch'))).toEqual([
      {
        Sid: 'OperationsAlarmsMayEncryptForTheTopic',
        Effect: 'Allow',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        Resource: '*',
        Condition: fromTheOperationsAlarms,
      },
    ]);
  });

  it('are named after the stack, so the policies can name them before they exist', () => {
    const [topicId] = operationsTopic();
    const alarms = Object.values(
      template.findResources('AWS::CloudWatch::Alarm', {
        Properties: { AlarmActions: [{ Ref: topicId }] },
      }),
    );
    expect(alarms.map((alarm) => alarm.Properties.AlarmName).sort()).toEqual(
      [...OPERATIONS_ALARMS].sort(),
    );
    for (const alarm of alarms) expect(alarm.Properties.OKActions).toEqual([{ Ref: topicId }]);
  });

  it('e-mail the operator when an address is set, and no one otherwise', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'vpn-ops@example.com',
    });
    synthPortal({ alarmEmail: undefined }).template.resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it.each([
    ['auto-disconnect.handler', 'Errors', 1],
    ['portal.handler', 'Errors', 3],
  ])('watch %s %s', (handler, metricName, threshold) => {
    const [topicId] = operationsTopic();
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Lambda',
      MetricName: metricName,
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: functionId(template, handler) } }],
      Threshold: threshold,
      AlarmActions: [{ Ref: topicId }],
      TreatMissingData: 'notBreaching',
    });
  });

  it("watch the portal's 5xx answers behind the ALB", () => {
    const [topicId] = operationsTopic();
    const targetGroupId = onlyResource(template, 'AWS::ElasticLoadBalancingV2::TargetGroup')[0];
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/ApplicationELB',
      MetricName: 'HTTPCode_Target_5XX_Count',
      Dimensions: Match.arrayWith([
        { Name: 'TargetGroup', Value: { 'Fn::GetAtt': [targetGroupId, 'TargetGroupFullName'] } },
      ]),
      AlarmActions: [{ Ref: topicId }],
    });
  });
});
