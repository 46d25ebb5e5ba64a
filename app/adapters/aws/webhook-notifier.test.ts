import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Notification } from '../../core/model/notices.js';
import {
  CHAT_SECRET_PATH,
  type ChatService,
  startChatService,
} from '../../testing/chat-service.js';
import { WebhookError, WebhookNotifier } from './webhook-notifier.js';

const SECRET_PATH = CHAT_SECRET_PATH;

const message: Notification = {
  kind: 'sweep-acted',
  subject: 'Safety net turned the VPN off',
  text: 'The idle alarm did not turn the VPN off in time.',
  at: '2026-03-02T09:45:00.000Z',
  sessionId: null,
};

let service: ChatService | null = null;

afterEach(async () => {
  vi.useRealTimers();
  await service?.close();
  service = null;
});

/** A chat service on 127.0.0.1 that answers every POST with `status`. */
async function chatService(status: number): Promise<ChatService> {
  service = await startChatService(status);
  return service;
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
    await service?.close();
    service = null;

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
