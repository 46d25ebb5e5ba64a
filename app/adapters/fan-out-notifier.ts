import type { Notification } from '../core/model/notices.js';
import type { Notifier } from '../ports/notifier.js';

export interface NotifierChannel {
  /** For the log line when this channel fails: `sns`, `webhook`, … */
  name: string;
  notifier: Notifier;
}

/**
 * Sends every message to every channel at once. Never throws: a channel's failure goes to
 * `onError` (a log line) and the other channels still get the message.
 */
export function createFanOutNotifier(
  channels: readonly NotifierChannel[],
  onError: (channel: string, error: unknown, message: Notification) => void,
): Notifier {
  return {
    async notify(message) {
      await Promise.all(
        channels.map(async ({ name, notifier }) => {
          try {
            await notifier.notify(message);
          } catch (error) {
            try {
              onError(name, error, message);
            } catch {
              // A broken logger must not turn a notice into a failed disconnect either.
            }
          }
        }),
      );
    },
  };
}
