import { describe, expect, it } from 'vitest';
import { healthEnvironment, loadHealthSettings } from './health-settings.js';

const ARN =
  'arn:aws:lambda:ap-northeast-2:123456789012:function:VpnPortal-AutoDisconnectHandler1A2B3C';

describe('loadHealthSettings', () => {
  it('reads the events function’s ARN, and none when unset', () => {
    expect(loadHealthSettings({ EVENTS_FUNCTION_ARN: ARN })).toEqual({ eventsFunctionArn: ARN });
    expect(loadHealthSettings({})).toEqual({ eventsFunctionArn: null });
  });

  it('stops at start with the variable’s name when it is not a function ARN', () => {
    expect(() =>
      loadHealthSettings({ EVENTS_FUNCTION_ARN: 'arn:aws:sns:ap-northeast-2:123456789012:topic' }),
    ).toThrow(/^Setting EVENTS_FUNCTION_ARN must be a Lambda function ARN/);
  });

  it('writes back what it reads', () => {
    for (const settings of [{ eventsFunctionArn: ARN }, { eventsFunctionArn: null }]) {
      expect(loadHealthSettings(healthEnvironment(settings))).toEqual(settings);
    }
  });
});
