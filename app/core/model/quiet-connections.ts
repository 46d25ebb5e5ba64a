import type {
  ClientConnection,
  SessionConnection,
  TrafficCheckpoint,
  VpnSession,
} from './vocabulary.js';

/**
 * SPEC section 4, rule 11: a connection that moved no meaningful traffic for the quiet time
 * counts as idle. EC2 gives cumulative byte counters per connection (IngressBytes,
 * EgressBytes); the open session remembers them per connection at a checkpoint, and when it
 * last saw meaningful traffic.
 *
 * **What "meaningful" means.** Bytes moved (both ways together) above an allowance for
 * traffic nobody asked for:
 *
 * - OpenVPN keepalives: a ping every 10 s each way when nothing else is sent, about 100 B on
 *   the wire each (UDP/IP headers 28 B, opcode and peer id 4 B, packet id 8 B, auth tag 16 B,
 *   the 16-byte ping payload, padding): 2 × 6 × 100 = **1,200 B/min**.
 * - A put-away iPad's background chatter through a split tunnel: only traffic to the
 *   tunnel's routes, plus DNS when the endpoint pushes its DNS servers. Say ten lookups a
 *   minute at about 300 B each (query and answer with their headers) and a TCP keepalive or
 *   two of an app holding a connection to a VPC host: **4,800 B/min**.
 * - Both together, doubled for margin: **12,000 B/min** (200 B/s): 60,000 B over one 5-minute
 *   checkpoint, 180,000 B over the sweep's 15 minutes; ten times the keepalives alone.
 *
 * Anyone actually using the tunnel (a page load, a mail sync, a WorkSpaces stream) moves
 * more than 12 kB in a minute; local mode's `working` client moves 400 kB. A full tunnel
 * (0.0.0.0/0) carries all of the iPad's background traffic and may stay above the
 * allowance: the rule then errs toward keeping the person connected, and Client VPN's own
 * session timeout still applies.
 *
 * **Writes stay rare.** A checkpoint moves on only after CHECKPOINT_MINUTES, so a status
 * poll writes at most once per 5 minutes for it, and one that finds nothing new writes
 * nothing.
 *
 * **Evidence that cannot be read is never quiet.** Counters that are missing, not numbers,
 * or smaller than at the checkpoint (a reconnect under the same id, a garbled answer) count
 * as traffic: the quiet time starts again from that observation.
 */
export const KEEPALIVE_BYTES_PER_MINUTE = 1_200;
export const BACKGROUND_CHATTER_BYTES_PER_MINUTE = 4_800;
export const QUIET_ALLOWANCE_BYTES_PER_MINUTE =
  2 * (KEEPALIVE_BYTES_PER_MINUTE + BACKGROUND_CHATTER_BYTES_PER_MINUTE);

/** How old a checkpoint must be before an observation moves it on (and writes). */
export const CHECKPOINT_MINUTES = 5;

/**
 * The allowance stops growing after this many minutes' worth (the sweep's interval): over a
 * long gap between observations the counters cannot say when the bytes moved, so a gap
 * errs toward busy (keepalives alone pass the cap after 150 minutes).
 */
export const ALLOWANCE_CAP_MINUTES = 15;

/** The traffic the rule ignores over `intervalMs`. */
export function quietAllowanceBytes(intervalMs: number): number {
  const minutes = Math.min(Math.max(0, intervalMs) / 60_000, ALLOWANCE_CAP_MINUTES);
  return QUIET_ALLOWANCE_BYTES_PER_MINUTE * minutes;
}

type TrafficRecord = Pick<SessionConnection, 'checkpoint' | 'lastTrafficAt'>;
type Counters = Pick<TrafficCheckpoint, 'ingressBytes' | 'egressBytes'>;

/**
 * What the session remembers of one connection's traffic after seeing it `now`. Unchanged
 * (and so no write) unless the connection is new, its checkpoint is due, or the counters
 * came back after being absent.
 */
export function observeTraffic(
  known: TrafficRecord & Pick<SessionConnection, 'endedFor'>,
  seen: ClientConnection,
  now: Date,
): TrafficRecord {
  // Ended (by the portal too, even if a read from before still lists it active): as it was.
  if (seen.status !== 'active' || known.endedFor) return pick(known);
  const at = now.toISOString();
  const counters = countersOf(seen);
  const checkpoint = known.checkpoint;
  if (!checkpoint) {
    if (!counters) return known.lastTrafficAt ? pick(known) : { lastTrafficAt: at };
    // First sight: connecting is activity, and counters within the allowance since then say
    // nothing moved after it. Counters back after a gap: the quiet time starts again now.
    const sinceConnectMs = now.getTime() - seen.connectedAt.getTime();
    const quietSinceConnect =
      !known.lastTrafficAt &&
      counters.ingressBytes + counters.egressBytes <= quietAllowanceBytes(sinceConnectMs);
    return {
      checkpoint: { ...counters, at },
      lastTrafficAt: quietSinceConnect ? seen.connectedAt.toISOString() : at,
    };
  }
  const elapsedMs = now.getTime() - Date.parse(checkpoint.at);
  if (!(elapsedMs >= CHECKPOINT_MINUTES * 60_000)) return pick(known);
  if (!counters) return { lastTrafficAt: at };
  const moved = bytesMoved(checkpoint, counters);
  const busy = moved === null || moved > quietAllowanceBytes(elapsedMs);
  return {
    checkpoint: { ...counters, at },
    lastTrafficAt: busy ? at : (known.lastTrafficAt ?? at),
  };
}

/**
 * Since when the connection has been quiet, judged on its record and what EC2 shows `now`
 * (the bytes since the checkpoint included); null while it is busy, ended, or the evidence
 * is missing or unreadable.
 */
export function quietSince(
  record: SessionConnection,
  seen: ClientConnection,
  now: Date,
): Date | null {
  if (seen.status !== 'active' || record.endedFor || !record.checkpoint || !record.lastTrafficAt) {
    return null;
  }
  const counters = countersOf(seen);
  if (!counters) return null;
  const moved = bytesMoved(record.checkpoint, counters);
  const sinceCheckpointMs = now.getTime() - Date.parse(record.checkpoint.at);
  if (moved === null || moved > quietAllowanceBytes(sinceCheckpointMs)) return null;
  const since = Date.parse(record.lastTrafficAt);
  return Number.isFinite(since) ? new Date(since) : null;
}

export interface QuietConnection {
  connectionId: string;
  user: string;
  quietSince: Date;
}

/** Active connections quiet for at least `quietMinutes`; none when the rule is off (0). */
export function quietConnections(
  session: VpnSession | null,
  connections: readonly ClientConnection[],
  now: Date,
  quietMinutes: number,
): QuietConnection[] {
  if (!session || quietMinutes <= 0) return [];
  const quiet: QuietConnection[] = [];
  for (const seen of connections) {
    const record = session.connections.find((c) => c.connectionId === seen.connectionId);
    const since = record ? quietSince(record, seen, now) : null;
    if (since && now.getTime() - since.getTime() >= quietMinutes * 60_000) {
      quiet.push({ connectionId: seen.connectionId, user: seen.user, quietSince: since });
    }
  }
  return quiet;
}

/** The session with these connections recorded as ended by the portal, for no traffic. */
export function withQuietEnds(
  session: VpnSession,
  connectionIds: readonly string[],
  now: Date,
  quietMinutes: number,
): VpnSession {
  return {
    ...session,
    connections: session.connections.map((connection) =>
      connectionIds.includes(connection.connectionId) && !connection.endedFor
        ? {
            ...connection,
            endedAt: connection.endedAt ?? now.toISOString(),
            endedFor: 'no-traffic',
            quietMinutes,
          }
        : connection,
    ),
  };
}

/** A connection the portal ended for moving no meaningful traffic, as the pages show it. */
export interface QuietEnd {
  user: string;
  endedAt: string;
  quietMinutes: number;
}

/**
 * The open session's connections the portal ended for no traffic, latest first, leaving out
 * anyone connected again: their new connection is what matters to them now.
 */
export function quietEnds(
  session: VpnSession | null,
  connections: readonly ClientConnection[],
): QuietEnd[] {
  if (!session) return [];
  // User names compare without case, as directories do (the VPN keeps the case typed).
  const name = (user: string) => user.trim().toLowerCase();
  const connected = new Set(
    connections.filter((c) => c.status === 'active').map((c) => name(c.user)),
  );
  return session.connections
    .filter(
      (c) => c.endedFor === 'no-traffic' && c.endedAt !== null && !connected.has(name(c.user)),
    )
    .map((c) => ({ user: c.user, endedAt: c.endedAt ?? '', quietMinutes: c.quietMinutes ?? 0 }))
    .sort((a, b) => Date.parse(b.endedAt) - Date.parse(a.endedAt));
}

/** Counters that are whole, non-negative numbers; null when either is missing or garbled. */
function countersOf(seen: ClientConnection): Counters | null {
  const { ingressBytes, egressBytes } = seen;
  if (!isCount(ingressBytes) || !isCount(egressBytes)) return null;
  return { ingressBytes, egressBytes };
}

function isCount(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Bytes since the checkpoint, both ways; null when a counter went backwards. */
function bytesMoved(checkpoint: Counters, now: Counters): number | null {
  const ingress = now.ingressBytes - checkpoint.ingressBytes;
  const egress = now.egressBytes - checkpoint.egressBytes;
  return ingress < 0 || egress < 0 ? null : ingress + egress;
}

/** Only the traffic fields, in the order the session stores them. */
function pick(known: TrafficRecord): TrafficRecord {
  return {
    ...(known.checkpoint ? { checkpoint: known.checkpoint } : {}),
    ...(known.lastTrafficAt ? { lastTrafficAt: known.lastTrafficAt } : {}),
  };
}
