import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import type { Notification } from '../../core/model/notices.js';
import { silentLogger } from '../../logging/logger.js';
import { createAwsNotifier } from './create-aws-notifier.js';

const sns = mockClient(SNSClient);
const TOPIC = 'arn:aws:sns:ap-northeast-2:123456789012:vpn-portal-notices';
const credentials = async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' });
const message: Notification = {
  kind: 'auto-off',
  subject: 'VPN turned itself off',
  text: 'text',
  at: '2026-03-02T09:45:00.000Z',
  sessionId: null,
};

let ssm: Server | undefined;

afterEach(async () => {
  sns.reset();
  const server = ssm;
  ssm = undefined;
  if (!server) return;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** SSM's endpoint, answering every GetParameter with `ParameterNotFound`, or never. */
async function fakeSsm(answer: 'not-found' | 'never'): Promise<string> {
  ssm = createServer((_request, response) => {
    if (answer === 'never') return;
    response.writeHead(400, {
      'content-type': 'application/x-amz-json-1.1',
      'x-amzn-errortype':
        'ParameterNotFound:http://internal.amazon.com/coral/com.amazon.coral.service/',
    });
    response.end('{"__type":"ParameterNotFound"}');
  });
  await new Promise<void>((resolve) => ssm?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(ssm.address() as AddressInfo).port}`;
}

function recordingLogger() {
  const warnings: [string, Record<string, unknown>][] = [];
  const logger = {
    ...silentLogger,
    warn: (m: string, f?: Record<string, unknown>) => warnings.push([m, f ?? {}]),
  };
  return { logger, warnings };
}

describe('createAwsNotifier', () => {
  it('is undefined when no channel is configured', () => {
    expect(
      createAwsNotifier(
        'ap-northeast-2',
        { topicArn: null, webhookParameterName: null },
        silentLogger,
        { ssmEndpoint: 'https://ssm.ap-northeast-2.amazonaws.com' },
      ),
    ).toBeUndefined();
  });

  it('publishes to SNS and logs, without throwing, a webhook whose parameter is missing', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
    const { logger, warnings } = recordingLogger();
    const notifier = createAwsNotifier(
      'ap-northeast-2',
      { topicArn: TOPIC, webhookParameterName: '/vpn-portal/chat-webhook-url' },
      logger,
      { ssmEndpoint: await fakeSsm('not-found'), credentials },
    );

    await expect(notifier?.notify(message)).resolves.toBeUndefined();

    expect(sns.commandCalls(PublishCommand)).toHaveLength(1);
    expect(warnings).toEqual([
      [
        'notification not sent',
        {
          channel: 'webhook',
          kind: 'auto-off',
          error: expect.stringContaining('ParameterNotFound'),
        },
      ],
    ]);
  });

  it('stops waiting at its deadline, so a hanging channel cannot hold up an answer', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
    const { logger, warnings } = recordingLogger();
    const notifier = createAwsNotifier(
      'ap-northeast-2',
      { topicArn: TOPIC, webhookParameterName: '/vpn-portal/chat-webhook-url' },
      logger,
      { ssmEndpoint: await fakeSsm('never'), credentials, deadlineMs: 200 },
    );
    const started = Date.now();

    await notifier?.notify(message);

    expect(Date.now() - started).toBeLessThan(2_000);
    expect(sns.commandCalls(PublishCommand)).toHaveLength(1);
    expect(warnings).toEqual([
      [
        'notification not confirmed',
        { kind: 'auto-off', error: expect.stringContaining('200 ms') },
      ],
    ]);
  });
});
