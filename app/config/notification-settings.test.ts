import { describe, expect, it } from 'vitest';
import { loadNotificationSettings } from './notification-settings.js';

describe('loadNotificationSettings', () => {
  it('turns both channels off when nothing is set', () => {
    expect(loadNotificationSettings({ NOTIFY_TOPIC_ARN: ' ' })).toEqual({
      topicArn: null,
      webhookParameterName: null,
    });
  });

  it('reads the topic ARN and the webhook parameter name', () => {
    expect(
      loadNotificationSettings({
        NOTIFY_TOPIC_ARN: 'arn:aws:sns:ap-northeast-2:123456789012:vpn-portal-notices',
        CHAT_WEBHOOK_PARAMETER: '/vpn-portal/chat-webhook-url',
      }),
    ).toEqual({
      topicArn: 'arn:aws:sns:ap-northeast-2:123456789012:vpn-portal-notices',
      webhookParameterName: '/vpn-portal/chat-webhook-url',
    });
  });

  it('names the variable when a value is malformed', () => {
    expect(() => loadNotificationSettings({ NOTIFY_TOPIC_ARN: 'vpn-portal-notices' })).toThrow(
      /Setting NOTIFY_TOPIC_ARN must be an SNS topic ARN/,
    );
    expect(() =>
      loadNotificationSettings({ CHAT_WEBHOOK_PARAMETER: 'https://hooks.slack.com/x y' }),
    ).toThrow(/CHAT_WEBHOOK_PARAMETER/);
  });
});
