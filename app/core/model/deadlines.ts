import type { VpnPolicy } from './policy.js';
import type { ClientConnection, VpnSession } from './vocabulary.js';
import { activeConnections } from './vpn-state.js';

export const DEFAULT_TYPICAL_START_SECONDS = 300;

/**
 * Latest of (SPEC section 5): the activity the session remembers (`remembered`, see
 * rememberedActivityAt) and the last end of a connection EC2 lists now.
 */
export function lastActivityAt(
  remembered: Date | null,
  connections: readonly ClientConnection[],
): Date | null {
  let latest = remembered?.getTime() ?? Number.NEGATIVE_INFINITY;
  for (const connection of connections) {
    const end = connection.endedAt?.getTime();
    if (end !== undefined && end > latest) latest = end;
  }
  return Number.isFinite(latest) ? new Date(latest) : null;
}

/**
 * The latest activity the session itself recorded: its last connect request and the last
 * connection end it saw. EC2 lists an ended connection for 60 minutes only; with a longer
 * idle timeout this is what keeps the promised auto-off time from jumping back (SPEC
 * section 4, rule 9).
 */
export function rememberedActivityAt(
  session: VpnSession | null,
  rules: { rememberedEnds: boolean } = { rememberedEnds: true },
): Date | null {
  if (!session) return null;
  let latest =
    session.lastConnectRequestAt === null
      ? Number.NEGATIVE_INFINITY
      : Date.parse(session.lastConnectRequestAt);
  for (const connection of rules.rememberedEnds ? session.connections : []) {
    const end = connection.endedAt === null ? Number.NaN : Date.parse(connection.endedAt);
    if (end > latest) latest = end;
  }
  return Number.isFinite(latest) ? new Date(latest) : null;
}

/**
 * When the VPN turns itself off: null while anyone is connected (it stays on) or when
 * there has been no activity to count from; otherwise last activity plus the idle timeout.
 */
export function autoDisconnectAt(options: {
  lastActivityAt: Date | null;
  connections: readonly ClientConnection[];
  idleTimeoutMinutes: number;
  /** "Keep it on" (issue 16): not before this, whatever the activity says. */
  keptOnUntil?: Date | null;
}): Date | null {
  if (activeConnections(options.connections).length > 0) return null;
  const idleEnd = options.lastActivityAt
    ? options.lastActivityAt.getTime() + options.idleTimeoutMinutes * 60_000
    : null;
  const held = options.keptOnUntil?.getTime() ?? null;
  if (idleEnd === null) return held === null ? null : new Date(held);
  return new Date(held === null ? idleEnd : Math.max(idleEnd, held));
}

/** Until when the session's "Keep it on" holds the VPN on (issue 16); null when it does not. */
export function keptOnUntil(session: VpnSession | null, now: Date): Date | null {
  const until = session?.keepOn ? Date.parse(session.keepOn.until) : Number.NaN;
  return until > now.getTime() ? new Date(until) : null;
}

/** Median seconds from start to ready over recent sessions; 300 s until there is history. */
export function typicalStartSeconds(sessions: readonly VpnSession[]): number {
  const durations = sessions
    .filter((session) => session.readyAt !== null)
    .map((session) => (Date.parse(session.readyAt ?? '') - Date.parse(session.startedAt)) / 1000)
    .filter((seconds) => Number.isFinite(seconds) && seconds >= 0)
    .sort((a, b) => a - b);
  if (durations.length === 0) return DEFAULT_TYPICAL_START_SECONDS;
  const middle = Math.floor(durations.length / 2);
  const median =
    durations.length % 2 === 1
      ? (durations[middle] ?? 0)
      : ((durations[middle - 1] ?? 0) + (durations[middle] ?? 0)) / 2;
  return Math.round(median);
}

/** The remembered activity under `policy` (its rule switches; see AutoOffRule). */
export function rememberedActivityUnder(
  policy: Pick<VpnPolicy, 'rulesOff'>,
  session: VpnSession | null,
): Date | null {
  return rememberedActivityAt(session, {
    rememberedEnds: !policy.rulesOff?.includes('remembered-ends'),
  });
}
