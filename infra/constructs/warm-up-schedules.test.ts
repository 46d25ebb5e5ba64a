import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadWarmUpSettings } from '../../app/config/warm-up-settings.js';
import { firstEndpointOf, onlyResource, type SynthResult, synthPortal } from '../test-support.js';

interface Statement {
  Sid?: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

let example: SynthResult;
let template: Template;
// The first synth (cdk-nag included) loads aws-cdk-lib: slower than vitest's 10 s hook default.
beforeAll(() => {
  example = synthPortal();
  template = example.template;
}, 60_000);

const functionOf = (t: Template, handler: string) =>
  onlyResource(t, 'AWS::Lambda::Function', { Handler: handler });

const variablesOf = (t: Template, handler: string) =>
  (functionOf(t, handler)[1].Properties.Environment as { Variables: Record<string, unknown> })
    .Variables;

/** The statements of the role of the function with this handler. */
function statementsOf(t: Template, handler: string): Statement[] {
  const [, fn] = functionOf(t, handler);
  const roleId = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  const [, policy] = onlyResource(t, 'AWS::IAM::Policy', { Roles: [{ Ref: roleId }] });
  return (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement;
}

/** The schedule group has no properties (CloudFormation names it), so onlyResource cannot match. */
function scheduleGroupId(t: Template): string {
  const ids = Object.keys(t.findResources('AWS::Scheduler::ScheduleGroup'));
  expect(ids).toHaveLength(1);
  return ids[0] ?? '';
}

const actionsOf = (t: Template, handler: string) =>
  statementsOf(t, handler).flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));

describe('warm-up schedules', () => {
  it('creates one schedule per entry, in its time zone, invoking auto-disconnect on time', () => {
    const autoDisconnectId = functionOf(template, 'auto-disconnect.handler')[0];
    const groupId = scheduleGroupId(template);
    const [, schedule] = onlyResource(template, 'AWS::Scheduler::Schedule');
    expect(schedule.Properties).toMatchObject({
      Name: 'warm-up-1',
      GroupName: { Ref: groupId },
      ScheduleExpression: 'cron(40 8 ? * MON,TUE,WED,THU,FRI *)',
      ScheduleExpressionTimezone: 'Asia/Seoul',
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: 'ENABLED',
      Target: {
        Arn: { 'Fn::GetAtt': [autoDisconnectId, 'Arn'] },
        RoleArn: { 'Fn::GetAtt': [expect.stringMatching(/^WarmUpRole/), 'Arn'] },
        RetryPolicy: { MaximumEventAgeInSeconds: 3600, MaximumRetryAttempts: 3 },
      },
    });
    expect(JSON.parse(String((schedule.Properties.Target as { Input: string }).Input))).toEqual({
      source: 'vpn-portal.warm-up',
      scheduleName: 'warm-up-1',
      scheduledFor: '<aws.scheduler.scheduled-time>',
      // Issue 18: the endpoint it turns on, the single endpoint's key here.
      endpoint: 'vpn',
    });
  });

  it('keeps every retry within an hour of the warm-up', () => {
    const several = synthPortal({
      warmUp: {
        entries: [
          { days: ['mon', 'wed'], time: '08:30', timeZone: 'Europe/Berlin' },
          { days: ['sat', 'sun'], time: '10:00', timeZone: 'America/New_York' },
        ],
        holidays: [],
      },
    }).template;
    const schedules = Object.values(several.findResources('AWS::Scheduler::Schedule'));
    expect(schedules.map((s) => s.Properties.ScheduleExpression)).toEqual([
      'cron(30 8 ? * MON,WED *)',
      'cron(0 10 ? * SAT,SUN *)',
    ]);
    expect(schedules.map((s) => s.Properties.ScheduleExpressionTimezone)).toEqual([
      'Europe/Berlin',
      'America/New_York',
    ]);
    for (const s of schedules) {
      expect(s.Properties.Target.RetryPolicy.MaximumEventAgeInSeconds).toBeLessThanOrEqual(3600);
      expect(s.Properties.FlexibleTimeWindow).toEqual({ Mode: 'OFF' });
    }
  });

  it('gives Scheduler a role trusted only for this account and group, invoking only the function', () => {
    const groupId = scheduleGroupId(template);
    const [roleId, role] = onlyResource(template, 'AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.objectLike({
        Statement: [Match.objectLike({ Principal: { Service: 'scheduler.amazonaws.com' } })],
      }),
    });
    expect(role.Properties.AssumeRolePolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'sts:AssumeRole',
          Principal: { Service: 'scheduler.amazonaws.com' },
          Condition: {
            StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
            ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [groupId, 'Arn'] } },
          },
        },
      ],
    });
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    const [, policy] = onlyResource(template, 'AWS::IAM::Policy', { Roles: [{ Ref: roleId }] });
    expect(policy.Properties.PolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'InvokeTheAutoDisconnectFunctionOnly',
          Effect: 'Allow',
          Action: 'lambda:InvokeFunction',
          Resource: {
            'Fn::GetAtt': [functionOf(template, 'auto-disconnect.handler')[0], 'Arn'],
          },
        },
      ],
    });
  });

  it('hands both functions the schedule and holidays the app reads back unchanged', () => {
    for (const handler of ['portal.handler', 'auto-disconnect.handler']) {
      const variables = variablesOf(template, handler);
      const loaded = loadWarmUpSettings({
        WARM_UP_SCHEDULE: String(variables.WARM_UP_SCHEDULE),
        WARM_UP_HOLIDAYS: String(variables.WARM_UP_HOLIDAYS),
      });
      expect(loaded.schedule).toEqual({
        entries: firstEndpointOf(example.settings).warmUps,
        holidays: example.settings.warmUp.holidays,
      });
    }
  });

  it('creates no schedule, role or variable when no warm-up is configured', () => {
    const none = synthPortal({ warmUp: undefined }).template;
    none.resourceCountIs('AWS::Scheduler::Schedule', 0);
    none.resourceCountIs('AWS::Scheduler::ScheduleGroup', 0);
    for (const handler of ['portal.handler', 'auto-disconnect.handler']) {
      expect(variablesOf(none, handler)).not.toHaveProperty('WARM_UP_SCHEDULE');
      expect(variablesOf(none, handler)).not.toHaveProperty('WARM_UP_HOLIDAYS');
    }
  });
});

describe('notifications', () => {
  let notifying: Template;
  beforeAll(() => {
    notifying = synthPortal({
      notifications: {
        email: 'vpn-admins@example.com',
        chatWebhookParameter: '/vpn-portal/chat-webhook-url',
        chatWebhookKmsKeyArn:
          'arn:aws:kms:ap-northeast-2:123456789012:key/0a1b2c3d-4e5f-6789-0abc-def012345678',
      },
    }).template;
  }, 60_000);

  const notificationsTopic = (t: Template) =>
    onlyResource(t, 'AWS::SNS::Topic', { DisplayName: 'VPN portal notifications' });

  it('go to an encrypted topic of their own, with the e-mail subscribed when set', () => {
    const [topicId, topic] = notificationsTopic(notifying);
    expect(JSON.stringify(topic.Properties.KmsMasterKeyId)).toContain('alias/aws/sns');
    notifying.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'vpn-admins@example.com',
      TopicArn: { Ref: topicId },
    });
    notifying.hasResourceProperties('AWS::SNS::TopicPolicy', {
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
  });

  it.each(['portal.handler', 'auto-disconnect.handler'])(
    'are published by %s through the same topic and webhook parameter',
    (handler) => {
      // The portal tells of a start AWS refused and of Disconnect now (issue 14, item 5).
      const [topicId] = notificationsTopic(notifying);
      const variables = variablesOf(notifying, handler);
      expect(variables.NOTIFY_TOPIC_ARN).toEqual({ Ref: topicId });
      expect(variables.CHAT_WEBHOOK_PARAMETER).toBe('/vpn-portal/chat-webhook-url');
      const publish = statementsOf(notifying, handler).find(
        (s) => s.Sid === 'PublishNotifications',
      );
      expect(publish).toEqual({
        Sid: 'PublishNotifications',
        Effect: 'Allow',
        Action: 'sns:Publish',
        Resource: { Ref: topicId },
      });
    },
  );

  it("leave publishing to the function's role: the topic policy only refuses plain HTTP", () => {
    // The role's sns:Publish (above) is enough within the account; the topic policy neither
    // opens the topic to anyone else nor blocks the SDK, which always uses HTTPS.
    const [topicId] = notificationsTopic(notifying);
    const [, policy] = onlyResource(notifying, 'AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topicId }],
    });
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
      ],
    });
    // CloudWatch could not publish here anyway (the AWS managed key aws/sns), so no alarm may.
    for (const alarm of Object.values(notifying.findResources('AWS::CloudWatch::Alarm'))) {
      expect(JSON.stringify(alarm.Properties)).not.toContain(topicId);
    }
  });

  it.each(['portal.handler', 'auto-disconnect.handler'])(
    'let %s read the webhook parameter by its ARN, and decrypt only through SSM with its key',
    (handler) => {
      const statements = statementsOf(notifying, handler);
      expect(statements.find((s) => s.Sid === 'ReadTheChatWebhookParameter')).toEqual({
        Sid: 'ReadTheChatWebhookParameter',
        Effect: 'Allow',
        Action: 'ssm:GetParameter',
        Resource: {
          'Fn::Join': [
            '',
            [
              'arn:aws:ssm:ap-northeast-2:',
              { Ref: 'AWS::AccountId' },
              ':parameter/vpn-portal/chat-webhook-url',
            ],
          ],
        },
      });
      expect(statements.find((s) => s.Sid === 'DecryptTheChatWebhookParameter')).toEqual({
        Sid: 'DecryptTheChatWebhookParameter',
        Effect: 'Allow',
        Action: 'kms:Decrypt',
        Resource:
          'arn:aws:kms:ap-northeast-2:123456789012:key/0a1b2c3d-4e5f-6789-0abc-def012345678',
        Condition: { StringEquals: { 'kms:ViaService': 'ssm.ap-northeast-2.amazonaws.com' } },
      });
    },
  );

  it('grant no SSM or KMS access when no webhook is configured', () => {
    for (const handler of ['portal.handler', 'auto-disconnect.handler']) {
      const actions = actionsOf(template, handler);
      expect(actions).toContain('sns:Publish');
      expect(actions).not.toContain('ssm:GetParameter');
      expect(actions).not.toContain('kms:Decrypt');
      expect(variablesOf(template, handler)).not.toHaveProperty('CHAT_WEBHOOK_PARAMETER');
    }
    template.resourceCountIs('AWS::SNS::Subscription', 1); // the operations alarm e-mail only
  });
});
