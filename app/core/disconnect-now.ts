import type { CoreDeps } from './deps.js';
import { disassociateAndEnd } from './disassociate-and-end.js';
import { endSession } from './model/session-lifecycle.js';
import { closeOpenSession } from './session-updates.js';

/** An administrator turns the VPN off on purpose; a queued connect is dropped with it. */
export async function disconnectNow(deps: CoreDeps): Promise<{ endedSessionId: string | null }> {
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
  return { endedSessionId: ended.session?.id ?? droppedQueue?.id ?? null };
}
