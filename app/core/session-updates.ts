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
export async function updateOpenSession(
  deps: Pick<CoreDeps, 'store'>,
  first: VpnSession,
  change: (current: VpnSession) => VpnSession | null,
): Promise<VpnSession | null> {
  let current: VpnSession | null = first;
  for (let attempt = 1; ; attempt += 1) {
    if (!current || current.id !== first.id) return null;
    const changed = change(current);
    if (!changed) return null;
    try {
      await deps.store.save(changed);
      return { ...changed, revision: changed.revision + 1 };
    } catch (error) {
      if (!(error instanceof SessionConflictError) || attempt >= ATTEMPTS) throw error;
      current = await deps.store.getOpen();
    }
  }
}
