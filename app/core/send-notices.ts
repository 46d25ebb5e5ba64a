import type { Notifier } from '../ports/notifier.js';
import type { SessionStore } from '../ports/session-store.js';
import type { Notification } from './model/notices.js';
import type { VpnSession } from './model/vocabulary.js';

/** Sends `messages` one by one if a notifier is configured; never throws. */
export async function notifySafely(
  notifier: Notifier | undefined,
  messages: readonly Notification[],
): Promise<void> {
  if (!notifier) return;
  for (const message of messages) {
    try {
      await notifier.notify(message);
    } catch {
      // The fan-out notifier logs; any other notifier is held to the same promise here.
    }
  }
}

/** The latest session if it ended because its association failed (for a notice about it). */
export async function recentFailedSession(store: SessionStore): Promise<VpnSession | null> {
  const [latest] = await store.recent(1);
  return latest?.endReason === 'failed' ? latest : null;
}
