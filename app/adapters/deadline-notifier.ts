import type { Notification } from '../core/model/notices.js';
import type { Notifier } from '../ports/notifier.js';

/**
 * Waits for `inner` at most `deadlineMs` per message, then calls `onLate` and returns: a
 * notice never holds up the answer to the person whose request caused it. Never throws
 * (`inner` is the fan-out notifier, which does not either; anything else is caught here).
 */
export function withDeadline(
  inner: Notifier,
  deadlineMs: number,
  onLate: (message: Notification) => void,
): Notifier {
  return {
    async notify(message) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), deadlineMs);
      });
      try {
        const sent = inner.notify(message).then(
          () => 'done' as const,
          () => 'done' as const,
        );
        if ((await Promise.race([sent, late])) === 'late') {
          try {
            onLate(message);
          } catch {
            // A broken logger must not turn a notice into a failed request.
          }
        }
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
