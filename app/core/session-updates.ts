import type { CoreDeps } from './deps.js';
import { SessionConflictError } from './model/errors.js';
import type { VpnSession } from './model/vocabulary.js';

/**
 * Every round of conflicting writers has exactly one winner, so N writers at once are done
 * within N rounds: this covers a crowd well beyond twenty simultaneous taps.
 */
const ATTEMPTS = 50;

/**
 * Read-modify-write of the open session that never loses a concurrent change: on a
 * conflict it reads again and re-applies `change`. Twenty employees tapping Connect at once
 * all end up in the session's users. Answers the saved session, or null when the session
 * is no longer open (or `change` answers null: nothing to do).
 */
export function updateOpenSession(
  deps: Pick<CoreDeps, 'store'>,
  first: VpnSession,
  change: (current: VpnSession) => VpnSession | null,
): Promise<VpnSession | null> {
  return writeOpenSession(deps, first, change, (session) => deps.store.save(session));
}

/**
 * Ends the open session with what `end` makes of the newest copy; on a conflict reads it
 * again and re-applies `end`, so a connect queued meanwhile is seen, never overwritten.
 * Answers the ended session, or null when this caller did not end it: the session ended
 * otherwise (another closer won) or `end` declined the newer copy.
 */
export function closeOpenSession(
  deps: Pick<CoreDeps, 'store'>,
  first: VpnSession,
  end: (current: VpnSession) => VpnSession | null,
): Promise<VpnSession | null> {
  return writeOpenSession(deps, first, end, (session) => deps.store.close(session));
}

async function writeOpenSession(
  deps: Pick<CoreDeps, 'store'>,
  first: VpnSession,
  change: (current: VpnSession) => VpnSession | null,
  write: (session: VpnSession) => Promise<void>,
): Promise<VpnSession | null> {
  let current: VpnSession | null = first;
  for (let attempt = 1; ; attempt += 1) {
    if (!current || current.id !== first.id) return null;
    const changed = change(current);
    if (!changed) return null;
    try {
      await write(changed);
      return { ...changed, revision: changed.revision + 1 };
    } catch (error) {
      if (!(error instanceof SessionConflictError) || attempt >= ATTEMPTS) throw error;
      current = await deps.store.getOpen();
    }
  }
}
