import type { CoreDeps } from './deps.js';
import { endSession } from './model/session-lifecycle.js';
import type { EndReason, VpnSession } from './model/vocabulary.js';
import { closeOpenSession } from './session-updates.js';

/**
 * - `ended`: this caller ended the open session.
 * - `kept-for-queue`: a connect was queued on it; it stays open and starts again.
 * - `ended-by-another`: another closer (the alarm beside the sweep, an administrator) won.
 * - `no-session`: nothing was open.
 */
export type EndOutcome =
  | { outcome: 'ended'; session: VpnSession }
  | { outcome: 'kept-for-queue' | 'ended-by-another' | 'no-session'; session: null }
  /** `best-effort` only: the associations are gone, the sessions table could not be written. */
  | { outcome: 'unrecorded'; session: null };

/**
 * Removes the given associations, then ends the open session with `reason`. Disassociating
 * first means a tap from now on sees `stopping` and queues; the close is conditional, so it
 * never overwrites that queue, and of two closers exactly one ends the session.
 */
export async function disassociateAndEnd(
  deps: CoreDeps,
  associationIds: readonly string[],
  reason: EndReason,
  options: { bookkeeping: 'required' | 'best-effort' } = { bookkeeping: 'required' },
): Promise<EndOutcome> {
  await Promise.all(associationIds.map((id) => deps.vpn.disassociate(id)));
  if (options.bookkeeping === 'required') return endOpenSession(deps, reason);
  return endOpenSession(deps, reason).catch(
    (): EndOutcome => ({ outcome: 'unrecorded', session: null }),
  );
}

async function endOpenSession(deps: CoreDeps, reason: EndReason): Promise<EndOutcome> {
  const open = await deps.store.getOpen();
  if (!open) return { outcome: 'no-session', session: null };
  let queued = false;
  const ended = await closeOpenSession(deps, open, (current) => {
    queued = current.queuedConnect !== null;
    return queued ? null : endSession(current, reason, deps.clock.now());
  });
  if (ended) return { outcome: 'ended', session: ended };
  return { outcome: queued ? 'kept-for-queue' : 'ended-by-another', session: null };
}
