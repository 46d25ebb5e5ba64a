import { associationHours, type Prices, sessionCostUsd } from './cost.js';
import type { Association, VpnSession } from './vocabulary.js';

/**
 * - `auto-off`: the idle alarm turned the VPN off (with the session's length and cost).
 * - `sweep-acted`: the safety-net sweep had to turn it off: the alarm missed it.
 * - `association-failed`: AWS could not associate a subnet.
 * - `start-failed`: AWS refused, throttled or failed an employee's start (request-notices.ts).
 * - `admin-off`: an administrator turned the VPN off with Disconnect now (request-notices.ts).
 * - `quiet-connection-ended`: the sweep ended a connection that moved no meaningful traffic
 *   for the quiet time (a forgotten client; SPEC section 4, rule 11).
 * - `test`: an administrator asked for one from the admin view's health panel (issue 17).
 */
export type NotificationKind =
  | 'auto-off'
  | 'sweep-acted'
  | 'association-failed'
  | 'start-failed'
  | 'admin-off'
  | 'quiet-connection-ended'
  | 'test';

export interface Notification {
  kind: NotificationKind;
  /** One line of plain ASCII, under 100 characters: fits an SNS e-mail subject. */
  subject: string;
  /** A few lines of plain text, for people. */
  text: string;
  /** When it happened (ISO 8601). */
  at: string;
  sessionId: string | null;
}

/** What the auto-disconnect path says after it acted (nothing when it only declined). */
export function notificationsAfterAutoDisconnect(input: {
  /**
   * The sweep acted where the idle alarm should have: it had activity to see end and its
   * window passed. Not so for an association made outside the portal and never used.
   */
  alarmMissed: boolean;
  /** The associations the decision removed, with the status they had when it decided. */
  removed: readonly Association[];
  endedSession: VpnSession | null;
  now: Date;
  prices: Prices;
  idleTimeoutMinutes: number;
}): Notification[] {
  const notifications: Notification[] = [];
  const failed = input.removed.filter((a) => a.status === 'association-failed');
  if (failed.length > 0) {
    notifications.push(associationFailedNotification(failed, input.endedSession, input.now));
  }
  // Only failed associations removed: the VPN never was on, so it did not "turn off".
  if (input.removed.some((a) => a.status === 'associated')) {
    notifications.push(
      input.alarmMissed ? sweepActedNotification(input) : autoOffNotification(input),
    );
  }
  return notifications;
}

function autoOffNotification(input: {
  endedSession: VpnSession | null;
  now: Date;
  prices: Prices;
  idleTimeoutMinutes: number;
}): Notification {
  const session = input.endedSession;
  const length = session ? ` after ${duration(session, input.now)}` : '';
  return {
    kind: 'auto-off',
    subject: `VPN turned itself off${length}`,
    text: autoOffText(input),
    at: input.now.toISOString(),
    sessionId: session?.id ?? null,
  };
}

function sweepActedNotification(input: {
  endedSession: VpnSession | null;
  now: Date;
  prices: Prices;
  idleTimeoutMinutes: number;
}): Notification {
  return {
    kind: 'sweep-acted',
    subject: 'Safety net turned the VPN off (the idle alarm missed it)',
    text: [
      'The idle alarm did not turn the VPN off in time, so the safety-net sweep did.',
      'Check the idle alarm, its Lambda action and the function’s errors.',
      autoOffText(input),
    ].join('\n'),
    at: input.now.toISOString(),
    sessionId: input.endedSession?.id ?? null,
  };
}

export function associationFailedNotification(
  failed: readonly Association[],
  session: VpnSession | null,
  now: Date,
): Notification {
  const subnets = failed.map((a) => a.subnetId).join(', ');
  const reasons = [...new Set(failed.map((a) => a.statusMessage ?? 'no reason given'))];
  return {
    kind: 'association-failed',
    subject: 'VPN could not be turned on: association failed',
    text: [
      `AWS could not associate ${subnets} with the Client VPN endpoint: ${reasons.join('; ')}.`,
      session ? `Session ${session.id}, started by ${starter(session)}.` : null,
      'Employees see an error with a retry button until it is fixed.',
    ]
      .filter((line) => line !== null)
      .join('\n'),
    at: now.toISOString(),
    sessionId: session?.id ?? null,
  };
}

/** After the portal ended a connection that had moved no meaningful traffic for the quiet time. */
export function quietConnectionEndedNotification(input: {
  connectionId: string;
  user: string;
  connectedAt: string | null;
  quietMinutes: number;
  idleTimeoutMinutes: number;
  session: VpnSession | null;
  now: Date;
}): Notification {
  // SNS subjects are plain ASCII: a user name outside it stays in the text only.
  const named = /^[\x20-\x7e]{1,40}$/.test(input.user) ? ` of ${input.user}` : '';
  return {
    kind: 'quiet-connection-ended',
    subject: `VPN connection${named} ended: no traffic for ${input.quietMinutes} min`,
    text: [
      `The VPN connection of ${input.user} (${input.connectionId}${input.connectedAt ? `, connected ${clockTime(input.connectedAt)}` : ''}) moved no traffic beyond keepalives for ${input.quietMinutes} minutes, so the portal ended it: a client left connected must not keep the VPN on.`,
      `The VPN turns itself off once nobody has been connected for ${input.idleTimeoutMinutes} minutes; ${input.user} can connect again in the VPN app at any time.`,
      input.session ? `Session ${input.session.id}, started by ${starter(input.session)}.` : null,
    ]
      .filter((line) => line !== null)
      .join('\n'),
    at: input.now.toISOString(),
    sessionId: input.session?.id ?? null,
  };
}

function autoOffText(input: {
  endedSession: VpnSession | null;
  now: Date;
  prices: Prices;
  idleTimeoutMinutes: number;
}): string {
  const lead = `Nobody used the VPN for ${input.idleTimeoutMinutes} minutes, so it was turned off and stopped costing money.`;
  const session = input.endedSession;
  if (!session) return lead;
  const subnetHours = associationHours(session, input.now);
  const people = session.users.filter((user) => user !== 'schedule').length;
  return [
    lead,
    `Session ${session.id}: started ${clockTime(session.startedAt)} by ${starter(session)}, on for ${duration(session, input.now)}, used by ${people} ${people === 1 ? 'person' : 'people'}.`,
    `Cost: $${sessionCostUsd(session, input.now, input.prices).toFixed(2)} (${subnetHours.toFixed(2)} subnet-hours).`,
  ].join('\n');
}

export function starter(session: VpnSession): string {
  if (session.startedBy === 'schedule') return 'the warm-up schedule';
  if (session.startedBy === 'external') return 'someone outside the portal';
  return session.startedBy;
}

export function duration(session: VpnSession, now: Date): string {
  const end = session.endedAt ? Date.parse(session.endedAt) : now.getTime();
  const minutes = Math.max(0, Math.round((end - Date.parse(session.startedAt)) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const rest = minutes % 60;
  const hours = `${Math.floor(minutes / 60)} h`;
  return rest === 0 ? hours : `${hours} ${String(rest).padStart(2, '0')} min`;
}

export function clockTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
