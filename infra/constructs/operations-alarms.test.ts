import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { functionId, onlyResource, synthPortal } from '../test-support.js';

let template: Template;
// The first synth (cdk-nag included) loads aws-cdk-lib: slower than vitest's 10 s hook default.
beforeAll(() => {
  template = synthPortal().template;
}, 60_000);

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
