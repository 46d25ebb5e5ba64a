import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { Notification } from '../../core/model/notices.js';
import type { Notifier } from '../../ports/notifier.js';
import { type AwsCallOptions, awsCall } from './aws-call.js';

export interface SnsNotifierOptions {
  client: SNSClient;
  topicArn: string;
  call?: AwsCallOptions;
}

/**
 * Publish's `Subject` (used for e-mail subscriptions) must be ASCII, start with a letter,
 * number or punctuation mark, hold no line breaks or control characters and be under 100
 * characters (Amazon SNS API Reference, Publish:
 * https://docs.aws.amazon.com/sns/latest/api/API_Publish.html).
 */
export const SNS_SUBJECT_MAX_LENGTH = 99;

/**
 * Publishes each notification to the topic (e-mail subscribers get subject and text). The
 * `kind` travels as a message attribute so subscriptions can filter on it. Needs
 * `sns:Publish` on the topic (and `kms:Decrypt`/`kms:GenerateDataKey*` if the topic is
 * encrypted with a customer managed key).
 */
export class SnsNotifier implements Notifier {
  constructor(private readonly options: SnsNotifierOptions) {}

  async notify(message: Notification): Promise<void> {
    await awsCall(
      'Publish',
      (abortSignal) =>
        this.options.client.send(
          new PublishCommand({
            TopicArn: this.options.topicArn,
            Subject: snsSubject(message.subject),
            Message: message.text,
            MessageAttributes: { kind: { DataType: 'String', StringValue: message.kind } },
          }),
          { abortSignal },
        ),
      this.options.call ?? {},
    );
  }
}

export function snsSubject(subject: string): string {
  const ascii = subject
    .replace(/[^\x20-\x7e]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const text = ascii === '' ? 'VPN notice' : ascii;
  return text.length <= SNS_SUBJECT_MAX_LENGTH
    ? text
    : `${text.slice(0, SNS_SUBJECT_MAX_LENGTH - 3)}...`;
}
