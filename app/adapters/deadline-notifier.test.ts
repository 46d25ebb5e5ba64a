import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Notification } from '../core/model/notices.js';
import { withDeadline } from './deadline-notifier.js';

const message: Notification = {
  kind: 'start-failed',
  subject: 'VPN start for mina refused by AWS',
  text: 'text',
  at: '2026-03-02T09:00:00.000Z',
  sessionId: null,
};

afterEach(() => {
  vi.useRealTimers();
});

describe('withDeadline', () => {
  it('passes the message on and returns as soon as the channels are done', async () => {
    const sent: Notification[] = [];
    const late = vi.fn();
    const notifier = withDeadline({ notify: async (m) => void sent.push(m) }, 3_000, late);

    await notifier.notify(message);

    expect(sent).toEqual([message]);
    expect(late).not.toHaveBeenCalled();
  });

  it('stops waiting for a channel that hangs, and says so once', async () => {
    vi.useFakeTimers();
    const late = vi.fn();
    const notifier = withDeadline({ notify: () => new Promise(() => {}) }, 3_000, late);

    const notified = notifier.notify(message);
    await vi.advanceTimersByTimeAsync(3_000);

    await expect(notified).resolves.toBeUndefined();
    expect(late).toHaveBeenCalledExactlyOnceWith(message);
  });

  it('never throws, whether the channel or the late-callback fails', async () => {
    vi.useFakeTimers();
    const failing = withDeadline(
      {
        notify: async () => {
          throw new Error('down');
        },
      },
      3_000,
      () => {},
    );
    await expect(failing.notify(message)).resolves.toBeUndefined();

    const hanging = withDeadline({ notify: () => new Promise(() => {}) }, 10, () => {
      throw new Error('logger broke');
    });
    const notified = hanging.notify(message);
    await vi.advanceTimersByTimeAsync(10);
    await expect(notified).resolves.toBeUndefined();
  });
});
