import type { Notification } from '../../core/model/notices.js';
import type { Notifier } from '../../ports/notifier.js';

/**
 * Keeps every notification in memory: the notifier of local mode (the simulator page can
 * list them) and of tests. `failWith` makes it fail like an unreachable webhook would.
 */
export class RecordingNotifier implements Notifier {
  private readonly messages: Notification[] = [];
  private failure: Error | null = null;

  async notify(message: Notification): Promise<void> {
    if (this.failure) throw this.failure;
    this.messages.push({ ...message });
  }

  /** Everything sent so far, oldest first. */
  get sent(): Notification[] {
    return this.messages.map((message) => ({ ...message }));
  }

  /** From now on every notify rejects with `error` (null: works again). */
  failWith(error: Error | null): void {
    this.failure = error;
  }

  clear(): void {
    this.messages.length = 0;
  }
}
