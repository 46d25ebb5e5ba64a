import type { VpnSession } from './vocabulary.js';

export interface Prices {
  associationHourUsd: number;
  connectionHourUsd: number;
}

const HOUR_MS = 3_600_000;

function overlapMs(start: number, end: number, from: number, to: number): number {
  return Math.max(0, Math.min(end, to) - Math.max(start, from));
}

function sessionEnd(session: VpnSession, now: Date): number {
  return session.endedAt ? Date.parse(session.endedAt) : now.getTime();
}

/** Subnet-hours the session kept associated within [from, to). */
export function associationHours(session: VpnSession, now: Date, from = 0, to = now.getTime()) {
  if (session.queuedConnect) return 0;
  const ms = overlapMs(Date.parse(session.startedAt), sessionEnd(session, now), from, to);
  return (ms / HOUR_MS) * session.subnetCount;
}

/** Client connection hours seen in the session within [from, to). */
export function connectionHours(session: VpnSession, now: Date, from = 0, to = now.getTime()) {
  let ms = 0;
  for (const connection of session.connections) {
    const end = connection.endedAt ? Date.parse(connection.endedAt) : sessionEnd(session, now);
    ms += overlapMs(Date.parse(connection.connectedAt), end, from, to);
  }
  return ms / HOUR_MS;
}

export function sessionCostUsd(session: VpnSession, now: Date, prices: Prices): number {
  return roundUsd(
    associationHours(session, now) * prices.associationHourUsd +
      connectionHours(session, now) * prices.connectionHourUsd,
  );
}

export interface MonthReport {
  /** First day of the month (UTC), ISO 8601. */
  since: string;
  associationHours: number;
  connectionHours: number;
  costUsd: number;
  alwaysOnCostUsd: number;
  /** One entry per day so far: association hours and cost, for the chart. */
  days: { date: string; associationHours: number; costUsd: number }[];
}

/**
 * The month so far (UTC): what the sessions cost against keeping every subnet associated
 * around the clock since the first of the month.
 */
export function monthReport(
  sessions: readonly VpnSession[],
  now: Date,
  subnetCount: number,
  prices: Prices,
): MonthReport {
  const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const days: MonthReport['days'] = [];
  let totalAssociation = 0;
  let totalConnection = 0;
  for (let dayStart = monthStart; dayStart < now.getTime(); dayStart += 24 * HOUR_MS) {
    const dayEnd = Math.min(dayStart + 24 * HOUR_MS, now.getTime());
    let dayAssociation = 0;
    let dayConnection = 0;
    for (const session of sessions) {
      dayAssociation += associationHours(session, now, dayStart, dayEnd);
      dayConnection += connectionHours(session, now, dayStart, dayEnd);
    }
    totalAssociation += dayAssociation;
    totalConnection += dayConnection;
    days.push({
      date: new Date(dayStart).toISOString().slice(0, 10),
      associationHours: roundHours(dayAssociation),
      costUsd: roundUsd(
        dayAssociation * prices.associationHourUsd + dayConnection * prices.connectionHourUsd,
      ),
    });
  }
  const alwaysOnHours = ((now.getTime() - monthStart) / HOUR_MS) * subnetCount;
  return {
    since: new Date(monthStart).toISOString(),
    associationHours: roundHours(totalAssociation),
    connectionHours: roundHours(totalConnection),
    costUsd: roundUsd(
      totalAssociation * prices.associationHourUsd + totalConnection * prices.connectionHourUsd,
    ),
    // The same people would have connected just the same: only the association differs.
    alwaysOnCostUsd: roundUsd(
      alwaysOnHours * prices.associationHourUsd + totalConnection * prices.connectionHourUsd,
    ),
    days,
  };
}

function roundUsd(value: number): number {
  return Math.round(value * 100) / 100;
}

function roundHours(value: number): number {
  return Math.round(value * 100) / 100;
}
