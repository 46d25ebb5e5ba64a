import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import type { Notification } from '../../core/model/notices.js';
import { silentLogger } from '../../logging/logger.js';
import { createAwsNotifier } from './create-aws-notifier.js';

const sns = mockClient(SNSClient);
const ssm = mockClient(SSMClient);
const TOPIC = 'arn:aws:sns:ap-northeast-2:123456789012:vpn-portal-notices';
const message: Notification = {
  kind: 'auto-off',
  subject: 'VPN turned itself off',
  text: 'text',
  at: '2026-03-02T09:45:00.000Z',
  sessionId: null,
};

afterEach(() => {
  sns.reset();
  ssm.reset();
});

describe('createAwsNotifier', () => {
  it('is undefined when no channel is configured', () => {
    expect(
      createAwsNotifier(
        'ap-northeast-2',
        { topicArn: null, webhookParameterName: null },
        silentLogger,
      ),
    ).toBeUndefined();
  });

  it('publishes to SNS and logs, without throwing, a webhook whose parameter is missing', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
    ssm.on(GetParameterCommand).rejects(
      Object.assign(new Error('not found'), {
        name: 'ParameterNotFound',
        $fault: 'client',
        $metadata: { httpStatusCode: 400 },
      }),
    );
    const warnings: Record<string, unknown>[] = [];
    const logger = {
      ...silentLogger,
      warn: (_m: string, f?: Record<string, unknown>) => warnings.push(f ?? {}),
    };
    const notifier = createAwsNotifier(
      'ap-northeast-2',
      { topicArn: TOPIC, webhookParameterName: '/vpn-portal/chat-webhook-url' },
      logger,
    );

    await expect(notifier?.notify(message)).resolves.toBeUndefined();

    expect(sns.commandCalls(PublishCommand)).toHaveLength(1);
    expect(warnings).toEqual([
      { channel: 'webhook', kind: 'auto-off', error: expect.stringContaining('GetParameter') },
    ]);
  });
});
