import { observeTraffic } from './quiet-connections.js';
import type {
  ClientConnection,
  EndReason,
  LiveSnapshot,
  SessionConnection,
  StartedBy,
  VpnSession,
  VpnState,
} from './vocabulary.js';
import { activeConnections } from './vpn-state.js';

/** A session that has not associated yet and was not ended within this grace is stale. */
export const START_GRACE_MS = 5 * 60_000;

export function newSessionId(now: Date, random: string = globalThis.crypto.randomUUID()): string {
  const compact = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${compact}-${random.replace(/-/g, '').slice(0, 8)}`;
}

export function newSession(options: {
  startedBy: StartedBy;
  now: Date;
  subnetCount: number;
  queued?: boolean;
  id?: string;
}): VpnSession {
  const at = options.now.toISOString();
  const users = options.startedBy === 'external' ? [] : [options.startedBy];
  return {
    id: options.id ?? newSessionId(options.now),
    startedBy: options.startedBy,
    startedAt: at,
    readyAt: null,
    endedAt: null,
    endReason: null,
    users,
    peakConnections: 0,
    connections: [],
    subnetCount: options.subnetCount,
    lastConnectRequestAt: options.startedBy === 'external' ? null : at,
    ...(options.startedBy === 'external' || options.startedBy === 'schedule'
      ? {}
      : { connectRequests: [{ by: options.startedBy, at }] }),
    queuedConnect: options.queued ? { by: options.startedBy, at } : null,
    failure: null,
    revision: 0,
  };
}

/**
 * AWS's idempotency token for one subnet of one start of a session: a retry of that start
 * can never double up, and a new start (a connect queued while stopping, carried out on the
 * same session) never replays an old token. EC2 answers a replayed token with the original
 * result and does nothing, even after that association is gone (SPEC section 4, rule 14).
 * At most 25 + 1 + 9 + 1 + 24 characters, within the 64 AWS allows.
 */
export function associationToken(
  session: Pick<VpnSession, 'id' | 'startedAt'>,
  subnetId: string,
): string {
  const start = Date.parse(session.startedAt).toString(36);
  return `${session.id}:${start}:${subnetId}`.slice(0, 64);
}

/** A connect request counts as activity and its user as someone who used the session. */
export function withConnectRequest(session: VpnSession, userId: string, now: Date): VpnSession {
  return {
    ...session,
    lastConnectRequestAt: now.toISOString(),
    users: addUnique(session.users, [userId]),
    connectRequests: [...(session.connectRequests ?? []), { by: userId, at: now.toISOString() }],
  };
}

/** Folds what the endpoint shows now into the session: ready time, users, peak, connections. */
export function observeSession(
  session: VpnSession,
  snapshot: LiveSnapshot,
  state: VpnState,
  now: Date,
): VpnSession {
  const startedAt = Date.parse(session.startedAt);
  const relevant = snapshot.connections.filter(
    (connection) => (connection.endedAt?.getTime() ?? now.getTime()) >= startedAt,
  );
  return {
    ...session,
    readyAt: session.readyAt ?? (state === 'ready' ? now.toISOString() : null),
    users: addUnique(
      session.users,
      relevant.map((connection) => connection.user),
    ),
    peakConnections: Math.max(session.peakConnections, activeConnections(relevant).length),
    connections: mergeConnections(session.connections, relevant, now),
  };
}

export function endSession(
  session: VpnSession,
  reason: EndReason,
  now: Date,
  failure: string | null = session.failure,
): VpnSession {
  return {
    ...session,
    endedAt: now.toISOString(),
    endReason: reason,
    queuedConnect: null,
    failure,
  };
}

export function sessionsEqual(a: VpnSession, b: VpnSession): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function addUnique(list: readonly string[], more: readonly string[]): string[] {
  const result = [...list];
  for (const item of more) if (item && !result.includes(item)) result.push(item);
  return result;
}

/**
 * What the session knew, updated by what EC2 lists now. A connection recorded as active
 * that EC2 no longer lists has ended; it is noted as ending now, the moment it was found
 * gone, so its end still counts as activity once EC2 has forgotten it. Each active
 * connection's traffic checkpoint moves on as quiet-connections.ts says (rarely).
 */
function mergeConnections(
  known: readonly SessionConnection[],
  seen: readonly ClientConnection[],
  now: Date,
): SessionConnection[] {
  const listed = new Set(seen.map((connection) => connection.connectionId));
  const byId = new Map(
    known.map((connection) => [
      connection.connectionId,
      connection.endedAt === null && !listed.has(connection.connectionId)
        ? { ...connection, endedAt: now.toISOString() }
        : connection,
    ]),
  );
  for (const connection of seen) {
    const before = byId.get(connection.connectionId);
    // An end the portal recorded stays until EC2 gives one (`terminating` has none yet), and a
    // read from before the portal ended the connection (still `active`) cannot undo it.
    const kept =
      connection.status === 'active' && !before?.endedFor ? null : (before?.endedAt ?? null);
    byId.set(connection.connectionId, {
      connectionId: connection.connectionId,
      user: connection.user,
      connectedAt: connection.connectedAt.toISOString(),
      endedAt: connection.endedAt?.toISOString() ?? kept,
      ...observeTraffic(before ?? {}, connection, now),
      ...(before?.endedFor ? { endedFor: before.endedFor, quietMinutes: before.quietMinutes } : {}),
    });
  }
  return [...byId.values()];
}
