import { describe, expect, it, vi } from 'vitest';
import type { Notification } from '../core/model/notices.js';
import { createFanOutNotifier } from './fan-out-notifier.js';
import { RecordingNotifier } from './local/recording-notifier.js';

const NOW = new Date('2025-01-06T09:45:00Z');

describe('createFanOutNotifier', () => {
  const message: Notification = {
    kind: 'auto-off',
    subject: 'VPN turned itself off',
    text: 'text',
    at: NOW.toISOString(),
    sessionId: null,
  };

  it('delivers to the working channels when another one fails, and reports the failure', async () => {
    const broken = new RecordingNotifier();
    broken.failWith(new Error('webhook answered 500'));
    const working = new RecordingNotifier();
    const onError = vi.fn();
    const fanOut = createFanOutNotifier(
      [
        { name: 'webhook', notifier: broken },
        { name: 'sns', notifier: working },
      ],
      onError,
    );

    await expect(fanOut.notify(message)).resolves.toBeUndefined();

    expect(working.sent).toEqual([message]);
    expect(onError).toHaveBeenCalledWith('webhook', new Error('webhook answered 500'), message);
  });

  it('never throws, even when the error callback does', async () => {
    const broken = new RecordingNotifier();
    broken.failWith(new Error('down'));
    const fanOut = createFanOutNotifier([{ name: 'sns', notifier: broken }], () => {
      throw new Error('logger broke');
    });

    await expect(fanOut.notify(message)).resolves.toBeUndefined();
  });
});
