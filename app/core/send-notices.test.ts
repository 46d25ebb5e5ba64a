import { describe, expect, it } from 'vitest';
import { testNotifier } from '../testing/core-deps.js';
import type { Notification } from './model/notices.js';
import { notifySafely } from './send-notices.js';

const message: Notification = {
  kind: 'auto-off',
  subject: 'VPN turned itself off',
  text: 'text',
  at: '2025-01-06T09:45:00.000Z',
  sessionId: null,
};

describe('notifySafely', () => {
  it('never throws, whether the notifier fails or none is configured', async () => {
    const broken = testNotifier();
    broken.failWith(new Error('down'));

    await expect(notifySafely(broken, [message])).resolves.toBeUndefined();
    await expect(notifySafely(undefined, [message])).resolves.toBeUndefined();
  });

  it('sends every message, in order', async () => {
    const notifier = testNotifier();
    const second = { ...message, kind: 'sweep-acted' as const };

    await notifySafely(notifier, [message, second]);

    expect(notifier.sent).toEqual([message, second]);
  });
});
