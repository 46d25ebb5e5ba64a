import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { idleAlarmDefinition } from '../../app/config/idle-alarm-definition.js';
import {
  firstEndpointOf,
  functionId,
  onlyResource,
  type SynthResult,
  synthPortal,
} from '../test-support.js';

let example: SynthResult;
let template: Template;
// The first synth (cdk-nag included) loads aws-cdk-lib: slower than vitest's 10 s hook default.
beforeAll(() => {
  example = synthPortal();
  template = example.template;
}, 60_000);

describe('idle alarm', () => {
  it('is built from idleAlarmDefinition() and invokes auto-disconnect', () => {
    const def = idleAlarmDefinition({ idleTimeoutMinutes: 30, metricNamespace: 'VpnPortal' });
    const dimensions = [{ Name: 'Endpoint', Value: firstEndpointOf(example.settings).endpointId }];
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'VpnPortal-idle',
      ComparisonOperator: 'LessThanThreshold',
      Threshold: 1,
      EvaluationPeriods: 6,
      DatapointsToAlarm: 6,
      TreatMissingData: 'breaching',
      AlarmActions: [{ 'Fn::GetAtt': [functionId(template, 'auto-disconnect.handler'), 'Arn'] }],
      Metrics: Match.arrayWith([
        Match.objectLike({ Expression: def.expression, ReturnData: true }),
        {
          Id: 'connects',
          ReturnData: false,
          MetricStat: {
            Metric: {
              Namespace: 'VpnPortal',
              MetricName: 'ConnectRequests',
              Dimensions: dimensions,
            },
            Period: 300,
            Stat: 'Sum',
          },
        },
        {
          Id: 'active',
          ReturnData: false,
          MetricStat: {
            Metric: {
              Namespace: 'AWS/ClientVPN',
              MetricName: 'ActiveConnectionsCount',
              Dimensions: dimensions,
            },
            Period: 300,
            Stat: 'Maximum',
          },
        },
      ]),
    });
    expect(def.expression).toBe('FILL(connects, 0) + FILL(active, 0)');
  });

  it('looks at N × 5 minutes where N × 5 is the idle timeout', () => {
    synthPortal({ idleTimeoutMinutes: 45 }).template.hasResourceProperties(
      'AWS::CloudWatch::Alarm',
      { AlarmName: 'VpnPortal-idle', EvaluationPeriods: 9, DatapointsToAlarm: 9 },
    );
  });

  it('lets only this alarm invoke auto-disconnect', () => {
    const alarmId = onlyResource(template, 'AWS::CloudWatch::Alarm', {
      AlarmName: 'VpnPortal-idle',
    })[0];
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Principal: 'lambda.alarms.cloudwatch.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [functionId(template, 'auto-disconnect.handler'), 'Arn'] },
      SourceArn: { 'Fn::GetAtt': [alarmId, 'Arn'] },
    });
  });

  it('has a 15-minute safety-net schedule invoking the same handler', () => {
    const [ruleId] = onlyResource(template, 'AWS::Events::Rule', {
      ScheduleExpression: 'rate(15 minutes)',
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [functionId(template, 'auto-disconnect.handler'), 'Arn'] },
        }),
      ],
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Principal: 'events.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': [ruleId, 'Arn'] },
    });
  });
});
