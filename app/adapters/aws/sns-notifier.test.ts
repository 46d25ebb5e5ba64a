import { PublishCommand, SNSClient, SNSServiceException } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Notification } from '../../core/model/notices.js';
import { SNS_SUBJECT_MAX_LENGTH, SnsNotifier, snsSubject } from './sns-notifier.js';

/*
 * https://docs.aws.amazon.com/sns/latest/api/API_Publish.html: the response holds
 * `MessageId` (and `SequenceNumber` for FIFO topics only); `Subject` must be ASCII, without
 * line breaks, under 100 characters. An IAM denial is `AuthorizationError`, HTTP 403.
 */

const TOPIC = 'arn:aws:sns:ap-northeast-2:123456789012:vpn-portal-notices';
const client = new SNSClient({
  region: 'ap-northeast-2',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
});
const sns = mockClient(client);
const notifier = new SnsNotifier({
  client,
  topicArn: TOPIC,
  call: { sleep: vi.fn(async (_ms: number) => {}) },
});

const message: Notification = {
  kind: 'auto-off',
  subject: 'VPN turned itself off after 1 h 05 min',
  text: 'Nobody used the VPN for 30 minutes.\nCost: $0.22 (2.17 subnet-hours).',
  at: '2025-01-06T09:45:00.000Z',
  sessionId: '20250106T084000Z-abcd1234',
};

beforeEach(() => {
  sns.reset();
});

describe('SnsNotifier', () => {
  it('publishes subject, text and kind to the topic', async () => {
    sns.on(PublishCommand).resolves({ MessageId: '567910cd-659e-55d4-8ccb-5aaf14679dc0' });

    await notifier.notify(message);

    expect(sns.commandCalls(PublishCommand)[0]?.args[0].input).toEqual({
      TopicArn: TOPIC,
      Subject: 'VPN turned itself off after 1 h 05 min',
      Message: message.text,
      MessageAttributes: { kind: { DataType: 'String', StringValue: 'auto-off' } },
    });
  });

  it('reports a denied publish as AwsCallError("rejected")', async () => {
    sns.on(PublishCommand).rejects(
      new SNSServiceException({
        name: 'AuthorizationError',
        $fault: 'client',
        $metadata: { httpStatusCode: 403 },
        message: 'User is not authorized to perform: SNS:Publish',
      }),
    );

    await expect(notifier.notify(message)).rejects.toMatchObject({
      code: 'aws_rejected',
      operation: 'Publish',
    });
  });
});

describe('snsSubject', () => {
  it('keeps a subject SNS accepts as it is', () => {
    expect(snsSubject('VPN could not be turned on')).toBe('VPN could not be turned on');
  });

  it('replaces line breaks and non-ASCII, and cuts to fewer than 100 characters', () => {
    expect(snsSubject('Ready\nnow — 준비')).toBe('Ready now');
    const long = snsSubject('x'.repeat(300));
    expect(long).toHaveLength(SNS_SUBJECT_MAX_LENGTH);
    expect(long.endsWith('...')).toBe(true);
    expect(snsSubject('  ')).toBe('VPN notice');
  });
});
