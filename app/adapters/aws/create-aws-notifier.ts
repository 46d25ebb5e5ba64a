import { SNSClient } from '@aws-sdk/client-sns';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import type { NotificationSettings } from '../../config/notification-settings.js';
import type { Logger } from '../../logging/logger.js';
import type { Notifier } from '../../ports/notifier.js';
import { withDeadline } from '../deadline-notifier.js';
import { createFanOutNotifier, type NotifierChannel } from '../fan-out-notifier.js';
import type { AwsCredentials } from './signed-post.js';
import { SnsNotifier } from './sns-notifier.js';
import { signedGetParameter } from './ssm-get-parameter.js';
import { createSsmSecret } from './ssm-secret.js';
import { WebhookNotifier } from './webhook-notifier.js';

export interface AwsNotifierOptions {
  /** SSM's endpoint: `awsServiceEndpoint(env, 'ssm', region)` (config/aws-endpoint.ts). */
  ssmEndpoint: string;
  /**
   * At most this long per notice, all channels together: the portal answers a person, and
   * a slow channel must not make that answer late (or cut it off at the Lambda timeout).
   */
  deadlineMs?: number;
  /** Injected by tests; the SDK's default provider chain otherwise. */
  credentials?: () => Promise<AwsCredentials>;
}

/**
 * The notifier of both AWS functions, from `loadNotificationSettings(env)`: SNS when
 * NOTIFY_TOPIC_ARN is set, the chat webhook when CHAT_WEBHOOK_PARAMETER is set, both behind
 * the fan-out notifier (never throws; a failed channel is one `warn` log line). Undefined
 * when neither is set. Build it once at module scope, like the other clients.
 */
export function createAwsNotifier(
  region: string,
  settings: NotificationSettings,
  logger: Logger,
  options: AwsNotifierOptions,
): Notifier | undefined {
  const channels: NotifierChannel[] = [];
  if (settings.topicArn) {
    const client = new SNSClient({
      region,
      maxAttempts: 1, // awsCall retries (aws-call.ts)
      requestHandler: { connectionTimeout: 1_000, requestTimeout: 3_000 },
    });
    channels.push({
      name: 'sns',
      notifier: new SnsNotifier({ client, topicArn: settings.topicArn }),
    });
  }
  if (settings.webhookParameterName) {
    const getParameter = signedGetParameter({
      region,
      endpoint: options.ssmEndpoint,
      credentials: options.credentials ?? defaultProvider(),
    });
    const url = createSsmSecret({ getParameter, name: settings.webhookParameterName });
    channels.push({ name: 'webhook', notifier: new WebhookNotifier({ url }) });
  }
  if (channels.length === 0) return undefined;
  const notifier = createFanOutNotifier(channels, (channel, error, message) => {
    // The error's message only: a webhook's cause could carry its (secret) address.
    logger.warn('notification not sent', {
      channel,
      kind: message.kind,
      error: error instanceof Error ? error.message : String(error),
    });
  });
  if (options.deadlineMs === undefined) return notifier;
  const deadlineMs = options.deadlineMs;
  return withDeadline(notifier, deadlineMs, (message) => {
    // It may still arrive: the channels were only not waited for any longer.
    logger.warn('notification not confirmed', {
      kind: message.kind,
      error: `no channel finished within ${deadlineMs} ms; the answer did not wait`,
    });
  });
}
