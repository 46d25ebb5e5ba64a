import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { autoDisconnect } from '../../core/auto-disconnect.js';
import { connect } from '../../core/connect.js';
import { refreshLiveState } from '../../core/live-state.js';
import { createFanOutNotifier, type Notification } from '../../core/notifications.js';
import { ASSOCIATE_MS, TEST_SUBNETS, testCoreDeps } from '../../testing/core-deps.js';
import { RecordingNotifier } from '../local/recording-notifier.js';
import { WebhookError, WebhookNotifier } from './webhook-notifier.js';

const SECRET_PATH = '/services/T000/B000/s3cr3t';

const message: Notification = {
  kind: 'sweep-acted',
  subject: 'Safety net turned the VPN off',
  text: 'The idle alarm did not turn the VPN off in time.',
  at: '2026-03-02T09:45:00.000Z',
  sessionId: null,
};

interface Received {
  method: string | undefined;
  url: string | undefined;
  contentType: string | undefined;
  body: unknown;
}

let server: Server | null = null;

afterEach(async () => {
  vi.useRealTimers();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

/** A chat service on 127.0.0.1 that answers every POST with `status`. */
async function chatService(status: number): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  server = createServer(async (request: IncomingMessage, response) => {
    let text = '';
    for await (const chunk of request) text += String(chunk);
    received.push({
      method: request.method,
      url: request.url,
      contentType: request.headers['content-type'],
      body: JSON.parse(text),
    });
    response.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'no');
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${SECRET_PATH}`, received };
}

describe('WebhookNotifier', () => {
  it('posts Slack-compatible JSON to the URL it is given', async () => {
    const { url, received } = await chatService(200);
    const readUrl = vi.fn(async () => url);
    const webhook = new WebhookNotifier({ url: readUrl });

    await webhook.notify(message);
    await webhook.notify(message);

    expect(received[0]).toEqual({
      method: 'POST',
      url: SECRET_PATH,
      contentType: 'application/json',
      body: { text: `${message.subject}\n${message.text}` },
    });
    expect(received).toHaveLength(2);
    expect(readUrl).toHaveBeenCalledTimes(2); // the SSM reader behind it caches (ssm-secret.ts)
  });

  it('fails on an error answer without putting the secret URL in the message', async () => {
    const { url } = await chatService(500);
    const webhook = new WebhookNotifier({ url: async () => url });

    const error = await webhook.notify(message).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(WebhookError);
    expect((error as Error).message).toBe('Chat webhook answered HTTP 500.');
    expect((error as Error).message).not.toContain('s3cr3t');
  });

  it('fails when nothing listens at the URL', async () => {
    const { url } = await chatService(200);
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    server = null;

    await expect(new WebhookNotifier({ url: async () => url }).notify(message)).rejects.toThrow(
      'Chat webhook could not be reached.',
    );
  });

  it('gives up after the timeout when the service never answers', async () => {
    vi.useFakeTimers();
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new Error('aborted')));
      });
    const webhook = new WebhookNotifier({
      url: async () => 'https://chat.example/hook',
      timeoutMs: 2_000,
      fetch: hanging,
    });

    const outcome = webhook.notify(message).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(2_000);

    expect(await outcome).toMatchObject({ message: 'Chat webhook no answer within 2000 ms.' });
  });
});

describe('a failing webhook beside a working channel', () => {
  it('never blocks the disconnect, and the other channel still gets the notice', async () => {
    const { url } = await chatService(503);
    const other = new RecordingNotifier();
    const failures: string[] = [];
    const notifier = createFanOutNotifier(
      [
        { name: 'webhook', notifier: new WebhookNotifier({ url: async () => url }) },
        { name: 'sns', notifier: other },
      ],
      (channel, error) => failures.push(`${channel}: ${(error as Error).message}`),
    );
    const deps = { ...testCoreDeps(), notifier };
    await connect(deps, 'mina');
    deps.clock.advance(ASSOCIATE_MS);
    await refreshLiveState(deps);
    deps.advanceMinutes(31);

    const result = await autoDisconnect(deps, 'alarm');

    expect(result.decision.action).toBe('disassociate');
    expect((await deps.simulator.describeAssociations()).map((a) => a.status)).toEqual(
      TEST_SUBNETS.map(() => 'disassociating'),
    );
    expect(other.sent.map((n) => n.kind)).toEqual(['auto-off']);
    expect(failures).toEqual(['webhook: Chat webhook answered HTTP 503.']);
  });
});
