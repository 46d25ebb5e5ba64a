import { SNSClient } from '@aws-sdk/client-sns';
import { SSMClient } from '@aws-sdk/client-ssm';
import type { NotificationSettings } from '../../config/notification-settings.js';
import type { Logger } from '../../logging/logger.js';
import type { Notifier } from '../../ports/notifier.js';
import { createFanOutNotifier, type NotifierChannel } from '../fan-out-notifier.js';
import { SnsNotifier } from './sns-notifier.js';
import { createSsmSecret } from './ssm-secret.js';
import { WebhookNotifier } from './webhook-notifier.js';

/**
 * The notifier of an AWS entry, from `loadNotificationSettings(env)`: SNS when
 * NOTIFY_TOPIC_ARN is set, the chat webhook when CHAT_WEBHOOK_PARAMETER is set, both behind
 * the fan-out notifier (never throws; a failed channel is one `warn` log line). Undefined
 * when neither is set. Build it once at module scope, like the other clients.
 */
export function createAwsNotifier(
  region: string,
  settings: NotificationSettings,
  logger: Logger,
): Notifier | undefined {
  const config = {
    region,
    maxAttempts: 1, // awsCall retries (aws-call.ts)
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 3_000 },
  };
  const channels: NotifierChannel[] = [];
  if (settings.topicArn) {
    channels.push({
      name: 'sns',
      notifier: new SnsNotifier({ client: new SNSClient(config), topicArn: settings.topicArn }),
    });
  }
  if (settings.webhookParameterName) {
    const url = createSsmSecret({
      client: new SSMClient(config),
      name: settings.webhookParameterName,
    });
    channels.push({ name: 'webhook', notifier: new WebhookNotifier({ url }) });
  }
  if (channels.length === 0) return undefined;
  return createFanOutNotifier(channels, (channel, error, message) => {
    // The error's message only: a webhook's cause could carry its (secret) address.
    logger.warn('notification not sent', {
      channel,
      kind: message.kind,
      error: error instanceof Error ? error.message : String(error),
    });
  });
}
