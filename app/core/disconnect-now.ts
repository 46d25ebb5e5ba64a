import type { CoreDeps } from './deps.js';
import { disassociateAndEnd } from './disassociate-and-end.js';
import { adminOffNotification } from './model/request-notices.js';
import { endSession } from './model/session-lifecycle.js';
import { notifySafely } from './send-notices.js';
import { closeOpenSession } from './session-updates.js';

/**
 * An administrator (`admin`, named as sessions name people) turns the VPN off on purpose;
 * a queued connect is dropped with it. One `admin-off` notice says who, how long the session
 * lasted and what it cost, sent after the disassociation so it can never block it; none when
 * nothing changed, or when another closer (the idle alarm) ended the session and told of it.
 */
export async function disconnectNow(
  deps: CoreDeps,
  admin: string,
): Promise<{ endedSessionId: string | null }> {
  const [associations, open] = await Promise.all([
    deps.vpn.describeAssociations(),
    deps.store.getOpen(),
  ]);
  const removable = associations.filter(
    (a) => a.status !== 'disassociating' && a.status !== 'disassociated',
  );
  // Turning it off on purpose drops a connect queued while it was stopping.
  const droppedQueue = open?.queuedConnect
    ? await closeOpenSession(deps, open, (current) =>
        endSession(current, 'admin', deps.clock.now()),
      )
    : null;
  const ended = await disassociateAndEnd(
    deps,
    removable.map((a) => a.associationId),
    'admin',
  );
  const endedSession = ended.session ?? droppedQueue;
  const changed = endedSession !== null || (ended.outcome === 'no-session' && removable.length > 0);
  if (changed) {
    await notifySafely(deps.notifier, [
      adminOffNotification({
        admin,
        ended: endedSession,
        droppedQueue: droppedQueue ? (open?.queuedConnect ?? null) : null,
        removed: removable.length,
        now: deps.clock.now(),
        prices: deps.policy.prices,
      }),
    ]);
  }
  return { endedSessionId: endedSession?.id ?? null };
}
