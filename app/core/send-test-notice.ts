import type { Clock } from '../ports/clock.js';
import type { Notifier } from '../ports/notifier.js';
import type { Notification } from './model/notices.js';
import { type NoticeRequester, testNotification } from './model/test-notice.js';
import { notifySafely } from './send-notices.js';

export interface TestNoticeResult {
  /** False when no channel is configured: nothing was sent. */
  sent: boolean;
  notice: Notification;
}

/**
 * Sends a test notice through the same notifier every other notice takes, so it proves the
 * path real notices travel. The notifier never throws (a channel's failure is a log line), so
 * `sent` means handed to every channel; the health checks say whether each one is reachable.
 */
export async function sendTestNotice(
  deps: { notifier?: Notifier | undefined; clock: Clock },
  requester: NoticeRequester,
): Promise<TestNoticeResult> {
  const notice = testNotification(requester, deps.clock.now());
  if (!deps.notifier) return { sent: false, notice };
  await notifySafely(deps.notifier, [notice]);
  return { sent: true, notice };
}
