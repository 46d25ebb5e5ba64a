import { associationHours, type Prices, sessionCostUsd } from './cost.js';
import { clockTime, duration, type Notification, starter } from './notices.js';
import type { QueuedConnect, VpnSession } from './vocabulary.js';

/**
 * The notices a person's request causes in the portal (issue 14, item 5): a start AWS did
 * not carry out, and an administrator's Disconnect now. Each says only what happened and
 * what the portal answered, so the notice and the page never tell different stories.
 */

/** The name a warm-up starts sessions under (vocabulary: `startedBy`). */
const WARM_UP_STARTER = 'schedule';

/** How AWS failed the start, by the portal's error codes (`aws_rejected`, …). */
export type StartFailure = 'rejected' | 'unavailable' | 'throttled' | 'other';

const FAILED_HOW: Record<StartFailure, { subject: string; lead: string; answered: string }> = {
  rejected: {
    subject: 'refused by AWS',
    lead: 'AWS refused the request',
    answered: 'sees an error with a retry button and was asked to tell an administrator',
  },
  unavailable: {
    subject: 'failed, AWS could not be reached',
    lead: 'AWS could not be reached or failed the request',
    answered: 'sees an error with a retry button and was asked to try again in a moment',
  },
  throttled: {
    subject: 'throttled by AWS',
    lead: 'AWS throttled the request',
    answered: 'was asked to try again in a moment',
  },
  other: {
    subject: 'failed',
    lead: 'The portal could not make the request',
    answered: 'sees an error with a retry button',
  },
};

export function startFailedNotification(input: {
  /** Who tapped Connect (or whose queued Connect was being carried out). */
  user: string;
  failure: StartFailure;
  /** AWS's own words, as the portal recorded them. */
  message: string;
  subnetIds: readonly string[];
  session: VpnSession;
  /** The reference id the employee's page shows with the error (the request id). */
  reference: string | null;
  now: Date;
}): Notification {
  const how = FAILED_HOW[input.failure];
  const byWarmUp = input.user === WARM_UP_STARTER;
  const who = byWarmUp ? 'the warm-up schedule' : input.user;
  // Nobody waits on a warm-up's answer: the page shows the kept failure to whoever comes.
  const answered = byWarmUp
    ? input.failure === 'throttled'
      ? null
      : 'The employee page shows an error with a retry button.'
    : `${input.user} ${how.answered}.`;
  return {
    kind: 'start-failed',
    subject: byWarmUp ? `VPN warm-up ${how.subject}` : `VPN start for ${input.user} ${how.subject}`,
    text: [
      `${how.lead} of ${who} to turn the VPN on (${input.subnetIds.join(', ')}): ${input.message}`,
      answered,
      `Session ${input.session.id}${input.reference ? `, reference ${input.reference}` : ''}.`,
    ]
      .filter((line) => line !== null)
      .join('\n'),
    at: input.now.toISOString(),
    sessionId: input.session.id,
  };
}

/**
 * Disconnect now changed something: it removed associations, ended a session or dropped a
 * queued start. Length and cost are the admin view's own (cost.ts), from the session it ended.
 */
export function adminOffNotification(input: {
  /** The administrator, as the sessions name people (e-mail). */
  admin: string;
  /** The session this Disconnect now ended; null when another closer won or none was open. */
  ended: VpnSession | null;
  /** A start queued behind a stop that this Disconnect now dropped. */
  droppedQueue: QueuedConnect | null;
  /** How many associations it asked AWS to remove. */
  removed: number;
  now: Date;
  prices: Prices;
}): Notification {
  const { admin, ended, droppedQueue, removed, now } = input;
  const lines = [
    removed > 0
      ? `${admin} turned the VPN off with Disconnect now.`
      : `${admin} used Disconnect now while no subnet was associated (the VPN was off or already turning off).`,
  ];
  if (ended) {
    const people = ended.users.filter((user) => user !== 'schedule').length;
    lines.push(
      `Session ${ended.id}: started ${clockTime(ended.startedAt)} by ${starter(ended)}, lasted ${duration(ended, now)}${ended.readyAt ? '' : ' and never got ready'}, used by ${people} ${people === 1 ? 'person' : 'people'}.`,
      `Cost: $${sessionCostUsd(ended, now, input.prices).toFixed(2)} (${associationHours(ended, now).toFixed(2)} subnet-hours).`,
    );
  } else if (removed > 0) {
    lines.push(
      `The portal had no open session on record for the ${removed} association(s) it removed, so it cannot say how long they ran or what they cost.`,
    );
  }
  if (droppedQueue) {
    lines.push(
      `It dropped the start ${droppedQueue.by} had asked for at ${clockTime(droppedQueue.at)}, so the VPN stays off.`,
    );
  }
  return {
    kind: 'admin-off',
    subject: adminOffSubject(input),
    text: lines.join('\n'),
    at: now.toISOString(),
    sessionId: ended?.id ?? null,
  };
}

function adminOffSubject(input: {
  admin: string;
  ended: VpnSession | null;
  droppedQueue: QueuedConnect | null;
  removed: number;
  now: Date;
}): string {
  if (input.removed > 0) {
    const after = input.ended ? ` after ${duration(input.ended, input.now)}` : '';
    return `VPN turned off by ${input.admin}${after}`;
  }
  if (input.droppedQueue) return `VPN kept off by ${input.admin}: a queued start was dropped`;
  return `VPN session closed by ${input.admin}`;
}
