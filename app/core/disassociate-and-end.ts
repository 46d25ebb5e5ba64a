import type { CoreDeps } from './deps.js';
import { endSession } from './model/session-lifecycle.js';
import type { EndReason, VpnSession } from './model/vocabulary.js';

/**
 * Removes the given associations and ends the open session with `reason`; answers the ended
 * session (for its length and cost), or null when none was open.
 */
export async function disassociateAndEnd(
  deps: CoreDeps,
  associationIds: readonly string[],
  reason: EndReason,
): Promise<VpnSession | null> {
  await Promise.all(associationIds.map((id) => deps.vpn.disassociate(id)));
  const open = await deps.store.getOpen();
  if (!open || open.queuedConnect) return null;
  const ended = endSession(open, reason, deps.clock.now());
  await deps.store.close(ended);
  return ended;
}
