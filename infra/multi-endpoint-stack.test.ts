import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEndpoints } from '../app/config/endpoint-settings.js';
import { toEndpointSettings } from './endpoints-setting.js';
import {
  functionId,
  onlyResource,
  type SynthResult,
  synthPortal,
  twoEndpoints,
} from './test-support.js';

interface Statement {
  Sid?: string;
  Action: string | string[];
  Resource: unknown;
}

const SEOUL = 'cvpn-endpoint-0a1b2c3d4e5f67890';
const STAGING = 'cvpn-endpoint-0f1e2d3c4b5a69876';
const HANDLERS = ['portal.handler', 'auto-disconnect.handler'];

let two: SynthResult;
let template: Template;
// The first synth (cdk-nag included) loads aws-cdk-lib: slower than vitest's 10 s hook default.
beforeAll(() => {
  two = synthPortal(twoEndpoints);
  template = two.template;
}, 60_000);

/** An ARN as CloudFormation builds it in this stack's region and the deploying account. */
const arn = (service: string, resource: string) => ({
  'Fn::Join': [
    '',
    [`arn:aws:${service}:ap-northeast-2:`, { Ref: 'AWS::AccountId' }, `:${resource}`],
  ],
});

function statement(handler: string, sid: string): Statement {
  const [, fn] = onlyResource(template, 'AWS::Lambda::Function', { Handler: handler });
  const roleId = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  const [, policy] = onlyResource(template, 'AWS::IAM::Policy', { Roles: [{ Ref: roleId }] });
  const found = (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement.find(
    (candidate) => candidate.Sid === sid,
  );
  if (!found) throw new Error(`${handler} has no statement ${sid}`);
  return found;
}

const variablesOf = (handler: string) =>
  (
    onlyResource(template, 'AWS::Lambda::Function', { Handler: handler })[1].Properties
      .Environment as { Variables: Record<string, unknown> }
  ).Variables;

describe('a stack with two endpoints (issue 18)', () => {
  it.each([
    ['VpnPortal-idle', SEOUL, 6],
    ['VpnPortal-idle-staging', STAGING, 3],
  ])(
    'has the alarm %s on its endpoint’s metrics and idle timeout, invoking auto-disconnect',
    (name, endpointId, periods) => {
      const autoDisconnect = {
        'Fn::GetAtt': [functionId(template, 'auto-disconnect.handler'), 'Arn'],
      };
      const [alarmId, alarm] = onlyResource(template, 'AWS::CloudWatch::Alarm', {
        AlarmName: name,
      });
      expect(alarm.Properties).toMatchObject({
        EvaluationPeriods: periods,
        DatapointsToAlarm: periods,
        AlarmActions: [autoDisconnect],
      });
      const dimensions = (alarm.Properties.Metrics as { MetricStat?: { Metric: unknown } }[])
        .flatMap((metric) => (metric.MetricStat ? [metric.MetricStat.Metric] : []))
        .map((metric) => (metric as { Dimensions: unknown }).Dimensions);
      expect(dimensions).toEqual([
        [{ Name: 'Endpoint', Value: endpointId }],
        [{ Name: 'Endpoint', Value: endpointId }],
      ]);
      // Its own permission, scoped to this alarm's ARN.
      const [, permission] = onlyResource(template, 'AWS::Lambda::Permission', {
        Principal: 'lambda.alarms.cloudwatch.amazonaws.com',
        SourceArn: { 'Fn::GetAtt': [alarmId, 'Arn'] },
      });
      expect(permission.Properties).toMatchObject({
        Action: 'lambda:InvokeFunction',
        FunctionName: autoDisconnect,
      });
    },
  );

  it('lets no other alarm invoke a function', () => {
    const alarmPermissions = template.findResources('AWS::Lambda::Permission', {
      Properties: { Principal: 'lambda.alarms.cloudwatch.amazonaws.com' },
    });
    expect(Object.keys(alarmPermissions)).toHaveLength(2);
  });

  it('lets both functions change exactly the configured endpoints and subnets', () => {
    const endpoints = [SEOUL, STAGING].map((id) => arn('ec2', `client-vpn-endpoint/${id}`));
    const subnets = [
      'subnet-0a1b2c3d4e5f60001',
      'subnet-0a1b2c3d4e5f60002',
      'subnet-0a1b2c3d4e5f62001',
    ].map((id) => arn('ec2', `subnet/${id}`));
    for (const handler of HANDLERS) {
      expect(statement(handler, 'ChangeThisEndpointOnly').Resource).toEqual([
        ...endpoints,
        ...subnets,
      ]);
    }
    expect(
      statement('auto-disconnect.handler', 'EndConnectionsOfThisEndpointOnly').Resource,
    ).toEqual(endpoints);
    expect(statement('portal.handler', 'ExportThisEndpointsConfigurationOnly').Resource).toEqual(
      endpoints,
    );
  });

  it('lets auto-disconnect reset each endpoint’s idle alarm and no other', () => {
    expect(statement('auto-disconnect.handler', 'ResetTheIdleAlarmOnly')).toMatchObject({
      Action: 'cloudwatch:SetAlarmState',
      Resource: [
        arn('cloudwatch', 'alarm:VpnPortal-idle'),
        arn('cloudwatch', 'alarm:VpnPortal-idle-staging'),
      ],
    });
  });

  it('schedules each endpoint’s warm-ups for that endpoint', () => {
    const schedules = Object.values(template.findResources('AWS::Scheduler::Schedule')).map(
      (schedule) => ({
        name: schedule.Properties.Name,
        cron: schedule.Properties.ScheduleExpression,
        timeZone: schedule.Properties.ScheduleExpressionTimezone,
        input: JSON.parse(schedule.Properties.Target.Input),
      }),
    );
    const input = (scheduleName: string, endpoint: string) => ({
      source: 'vpn-portal.warm-up',
      scheduleName,
      scheduledFor: '<aws.scheduler.scheduled-time>',
      endpoint,
    });
    expect(schedules).toEqual([
      {
        name: 'warm-up-1',
        cron: 'cron(40 8 ? * MON,TUE,WED,THU,FRI *)',
        timeZone: 'Asia/Seoul',
        input: input('warm-up-1', 'seoul'),
      },
      {
        name: 'staging-warm-up-1',
        cron: 'cron(30 9 ? * MON *)',
        timeZone: 'Asia/Seoul',
        input: input('staging-warm-up-1', 'staging'),
      },
      {
        name: 'staging-warm-up-2',
        cron: 'cron(0 13 ? * FRI *)',
        timeZone: 'Europe/Berlin',
        input: input('staging-warm-up-2', 'staging'),
      },
    ]);
  });

  it.each(HANDLERS)(
    'gives %s VPN_ENDPOINTS, which it reads back as the configured list',
    (handler) => {
      const variables = variablesOf(handler);
      for (const single of [
        'VPN_ENDPOINT_ID',
        'VPN_SUBNET_IDS',
        'IDLE_ALARM_NAME',
        'WARM_UP_SCHEDULE',
      ]) {
        expect(variables).not.toHaveProperty(single);
      }
      expect(variables.WARM_UP_HOLIDAYS).toBe('2026-01-01,2026-02-16');
      const read = loadEndpoints({ VPN_ENDPOINTS: String(variables.VPN_ENDPOINTS) }, () => {
        throw new Error('expected VPN_ENDPOINTS to be read');
      });
      expect(read).toEqual(
        toEndpointSettings(two.settings.endpoints, ['VpnPortal-idle', 'VpnPortal-idle-staging']),
      );
    },
  );
});
