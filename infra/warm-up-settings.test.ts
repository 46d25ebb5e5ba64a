import { describe, expect, it } from 'vitest';
import { parseInfraSettings } from './settings.js';
import { exampleSettings } from './test-support.js';

const entry = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], time: '08:40', timeZone: 'Asia/Seoul' };
const withSetting = (overrides: Record<string, unknown>) => ({ ...exampleSettings, ...overrides });
const errorFor = (raw: unknown) => {
  try {
    parseInfraSettings(raw);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the settings to be rejected');
};

describe('warm-up and notification settings', () => {
  it('default to no warm-up and notifications on the topic alone', () => {
    const settings = parseInfraSettings(
      withSetting({ warmUp: undefined, notifications: undefined }),
    );
    expect(settings.warmUp).toEqual({ holidays: [] });
    expect(settings.endpoints[0]?.warmUps).toEqual([]);
    expect(settings.notifications).toEqual({});
  });

  it('read days as the app does: trimmed, any case', () => {
    const settings = parseInfraSettings(
      withSetting({ warmUp: { entries: [{ ...entry, days: [' Mon', 'FRI'] }], holidays: [] } }),
    );
    expect(settings.endpoints[0]?.warmUps[0]?.days).toEqual(['mon', 'fri']);
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'time',
      { warmUp: { entries: [{ ...entry, time: '8:40' }], holidays: [] } },
      'vpnPortal.warmUp.entries[0].time must be a 24-hour time like 08:40',
    ],
    [
      'time zone',
      { warmUp: { entries: [{ ...entry, timeZone: 'Korea/Seoul' }], holidays: [] } },
      'vpnPortal.warmUp.entries[0].timeZone must be an IANA time zone',
    ],
    [
      'day',
      { warmUp: { entries: [{ ...entry, days: ['monday'] }], holidays: [] } },
      'vpnPortal.warmUp.entries[0].days[0] must be one of mon, tue',
    ],
    [
      'no day',
      { warmUp: { entries: [{ ...entry, days: [] }], holidays: [] } },
      'vpnPortal.warmUp.entries[0].days must list at least one day',
    ],
    [
      'holiday',
      { warmUp: { entries: [entry], holidays: ['25.12.2026'] } },
      'vpnPortal.warmUp.holidays[0] must be a date like 2025-12-25',
    ],
    [
      'too many entries',
      { warmUp: { entries: Array.from({ length: 21 }, () => entry), holidays: [] } },
      'vpnPortal.warmUp.entries must have at most 20 entries',
    ],
    [
      'too long for the Lambda environment',
      {
        warmUp: {
          entries: [entry],
          holidays: Array.from({ length: 250 }, (_, day) =>
            new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10),
          ),
        },
      },
      'vpnPortal.warmUp must be shorter',
    ],
    [
      'notification e-mail',
      { notifications: { email: 'admins' } },
      'vpnPortal.notifications.email must be an e-mail address',
    ],
    [
      'webhook parameter name',
      { notifications: { chatWebhookParameter: 'https://hooks.slack.com/services/T000/B000/XXX' } },
      'vpnPortal.notifications.chatWebhookParameter must be an SSM parameter name',
    ],
    [
      'reserved parameter name',
      { notifications: { chatWebhookParameter: '/aws/vpn-portal/webhook' } },
      'vpnPortal.notifications.chatWebhookParameter must not start with "aws" or "ssm"',
    ],
    [
      'key without a parameter',
      {
        notifications: {
          chatWebhookKmsKeyArn: 'arn:aws:kms:ap-northeast-2:123456789012:key/0a1b2c3d',
        },
      },
      'vpnPortal.notifications.chatWebhookKmsKeyArn is only used with',
    ],
    [
      'key ARN',
      {
        notifications: {
          chatWebhookParameter: '/vpn-portal/chat-webhook-url',
          chatWebhookKmsKeyArn: 'alias/my-key',
        },
      },
      'vpnPortal.notifications.chatWebhookKmsKeyArn must be a KMS key ARN',
    ],
  ])('names the wrong setting: %s', (_name, overrides, message) => {
    expect(errorFor(withSetting(overrides))).toContain(`Setting ${message}`);
  });
});
