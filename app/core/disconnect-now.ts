import type { CoreDeps } from './deps.js';
import { disassociateAndEnd } from './disassociate-and-end.js';
import { endSession } from './model/session-lifecycle.js';

/** An administrator turns the VPN off on purpose; a queued connect is dropped with it. */
export async function disconnectNow(deps: CoreDeps): Promise<{ endedSessionId: string | null }> {
  const [associations, open] = await Promise.all([
    deps.vpn.describeAssociations(),
    deps.store.getOpen(),
  ]);
  const removable = associations.filter(
    (a) => a.status !== 'disassociating' && a.status !== 'disassociated',
  );
  if (open?.queuedConnect) {
    await deps.store.close(endSession(open, 'admin', deps.clock.now()));
  }
  const ended = await disassociateAndEnd(
    deps,
    removable.map((a) => a.associationId),
    'admin',
  );
  return { endedSessionId: ended?.id ?? (open?.queuedConnect ? open.id : null) };
}
