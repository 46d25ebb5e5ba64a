import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  exampleSettings,
  onlyResource,
  type SynthResult,
  synthPortal,
  twoEndpoints,
} from './test-support.js';

/**
 * What the single-endpoint stack synthesized before issue 18 (see the fixture's comment): an
 * upgrade must neither replace the idle alarm or its permission nor change what the
 * functions read.
 */
const before = JSON.parse(
  readFileSync(new URL('./fixtures/single-endpoint-before-issue-18.json', import.meta.url), 'utf8'),
) as {
  idleAlarmLogicalId: string;
  idleAlarmPermissionLogicalId: string;
  environment: Record<string, Record<string, unknown>>;
};

const ALARM_PRINCIPAL = 'lambda.alarms.cloudwatch.amazonaws.com';

let single: SynthResult;
// The first synth (cdk-nag included) loads aws-cdk-lib: slower than vitest's 10 s hook default.
beforeAll(() => {
  single = synthPortal();
}, 60_000);

function idleAlarmIds(result: SynthResult) {
  const [alarmId] = onlyResource(result.template, 'AWS::CloudWatch::Alarm', {
    AlarmName: 'VpnPortal-idle',
  });
  const [permissionId] = onlyResource(result.template, 'AWS::Lambda::Permission', {
    Principal: ALARM_PRINCIPAL,
    SourceArn: { 'Fn::GetAtt': [alarmId, 'Arn'] },
  });
  return { alarmId, permissionId };
}

describe('upgrading a single-endpoint stack (issue 18)', () => {
  it('keeps the idle alarm and its permission under the same logical ids', () => {
    expect(idleAlarmIds(single)).toEqual({
      alarmId: before.idleAlarmLogicalId,
      permissionId: before.idleAlarmPermissionLogicalId,
    });
  });

  it.each(['portal.handler', 'auto-disconnect.handler'])(
    'gives %s the very same environment, byte for byte',
    (handler) => {
      const [, fn] = onlyResource(single.template, 'AWS::Lambda::Function', { Handler: handler });
      const { Variables } = fn.Properties.Environment as { Variables: Record<string, unknown> };
      expect(JSON.stringify(Variables)).toBe(JSON.stringify(before.environment[handler]));
    },
  );

  it('keeps the first listed endpoint’s alarm when the same endpoint moves into endpoints', () => {
    const [seoul] = twoEndpoints.endpoints ?? [];
    expect(seoul?.endpointId).toBe(exampleSettings.endpointId);
    const listed = synthPortal(twoEndpoints);
    expect(idleAlarmIds(listed)).toEqual({
      alarmId: before.idleAlarmLogicalId,
      permissionId: before.idleAlarmPermissionLogicalId,
    });
  }, 60_000);
});
