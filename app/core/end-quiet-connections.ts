import type { CoreDeps } from './deps.js';
import type { LiveState } from './live-state.js';
import { quietConnectionEndedNotification } from './model/notices.js';
import {
  type QuietConnection,
  quietConnections,
  withQuietEnds,
} from './model/quiet-connections.js';
import { sessionsEqual } from './model/session-lifecycle.js';
import type { ClientConnection } from './model/vocabulary.js';
import { notifySafely } from './send-notices.js';
import { updateOpenSession } from './session-updates.js';

export interface QuietEnds {
  /** The live state as it is after the ends: those connections terminated, recorded if possible. */
  live: LiveState;
  /** Connections ended here, for moving no meaningful traffic for the quiet time. */
  ended: QuietConnection[];
  /** Connections AWS would not end this time: they stay, and the next sweep tries again. */
  failed: { connectionId: string; error: string }[];
  /** False when the ends could not be written to the open session (the store failed). */
  recorded: boolean;
}

/**
 * SPEC section 4, rule 11: ends every connection that moved no meaningful traffic for the
 * quiet time (core/model/quiet-connections.ts), records why on the open session, and tells
 * the administrators. The sweep runs it before its decision, because the idle alarm cannot
 * fire while a client is connected; the usual idle rule then counts from these ends.
 * Only judged with the open session read: without its checkpoints nothing is quiet.
 */
export async function endQuietConnections(deps: CoreDeps, live: LiveState): Promise<QuietEnds> {
  const now = deps.clock.now();
  const minutes = deps.policy.quietConnectionMinutes;
  const quiet = quietConnections(live.session, live.snapshot.connections, now, minutes);
  const result: QuietEnds = { live, ended: [], failed: [], recorded: true };
  if (quiet.length === 0 || !live.session) return result;

  for (const connection of quiet) {
    try {
      await deps.vpn.terminateConnection(connection.connectionId);
      result.ended.push(connection);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      result.failed.push({ connectionId: connection.connectionId, error: message });
    }
  }
  if (result.ended.length === 0) return result;

  const ids = result.ended.map((connection) => connection.connectionId);
  let session = live.session;
  try {
    const saved = await updateOpenSession(deps, session, (current) => {
      const next = withQuietEnds(current, ids, now, minutes);
      return sessionsEqual(next, current) ? null : next;
    });
    session = saved ?? withQuietEnds(session, ids, now, minutes);
  } catch {
    result.recorded = false;
    session = withQuietEnds(session, ids, now, minutes);
  }

  // After the ends, never before: every notice sent is true.
  await notifySafely(
    deps.notifier,
    result.ended.map((connection) =>
      quietConnectionEndedNotification({
        connectionId: connection.connectionId,
        user: connection.user,
        connectedAt:
          session.connections.find((c) => c.connectionId === connection.connectionId)
            ?.connectedAt ?? null,
        quietMinutes: minutes,
        idleTimeoutMinutes: deps.policy.idleTimeoutMinutes,
        session,
        now,
      }),
    ),
  );

  const connections = live.snapshot.connections.map(
    (connection): ClientConnection =>
      ids.includes(connection.connectionId)
        ? { ...connection, status: 'terminated', endedAt: now }
        : connection,
  );
  result.live = { ...live, session, snapshot: { ...live.snapshot, connections } };
  return result;
}
