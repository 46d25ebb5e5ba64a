import type { CoreDeps } from './deps.js';
import { disassociateAndEnd, type EndOutcome } from './disassociate-and-end.js';
import { endQuietConnections, type QuietEnds } from './end-quiet-connections.js';
import { type LiveState, readEndpoint, reconcile } from './live-state.js';
import { keptOnUntil, lastActivityAt, rememberedActivityUnder } from './model/deadlines.js';
import { notificationsAfterAutoDisconnect } from './model/notices.js';
import type { AutoDisconnectTrigger } from './model/triggers.js';
import type { Association, ClientConnection } from './model/vocabulary.js';
import { activeConnections, deriveVpnState } from './model/vpn-state.js';
import { notifySafely, recentFailedSession } from './send-notices.js';

export type AutoDisconnectDecision =
  | {
      action: 'disassociate';
      associationIds: string[];
      reason: string;
      /**
       * The idle alarm had something to act on (activity it saw end) and its window passed:
       * only then does a sweep that acts say the alarm missed. With no activity at all in
       * the look-back (an association made outside the portal and never used) the alarm had
       * no change to fire on.
       */
      alarmHadItsChance: boolean;
    }
  | { action: 'decline'; reason: string }
  | { action: 'nothing'; reason: string };

/**
 * SPEC section 4, rule 3: the alarm only wakes us; this decides on the live state.
 * Disassociate only when nobody is connected and nobody asked within the idle timeout.
 */
export function decideAutoDisconnect(input: {
  associations: readonly Association[];
  connections: readonly ClientConnection[];
  /** Latest activity the witnesses saw: connect requests (store, metric), remembered ends. */
  witnessedActivityAt: Date | null;
  now: Date;
  idleTimeoutMinutes: number;
  /**
   * The sweep waits this much longer than the idle timeout, so the alarm acts first when
   * it works and the sweep acts only when the alarm really missed (SPEC section 4, rule 12).
   */
  alarmWindowMinutes?: number;
  /** "Keep it on" (issue 16): an employee asked to keep the VPN on until then. */
  keptOnUntil?: Date | null;
}): AutoDisconnectDecision {
  const removable = input.associations.filter(
    (a) => a.status === 'associated' || a.status === 'association-failed',
  );
  if (removable.length === 0) {
    const starting = input.associations.some((a) => a.status === 'associating');
    return starting
      ? { action: 'decline', reason: 'The VPN is still starting.' }
      : { action: 'nothing', reason: 'No association to remove (already off or stopping).' };
  }
  const connected = activeConnections(input.connections).length;
  if (connected > 0) {
    return { action: 'decline', reason: `${connected} client(s) connected.` };
  }
  if (input.keptOnUntil && input.now.getTime() < input.keptOnUntil.getTime()) {
    return {
      action: 'decline',
      reason: `Kept on until ${input.keptOnUntil.toISOString()} ("Keep it on").`,
    };
  }
  const lastActivity = lastActivityAt(input.witnessedActivityAt, input.connections);
  const idleMs = input.idleTimeoutMinutes * 60_000;
  if (lastActivity && input.now.getTime() - lastActivity.getTime() < idleMs) {
    return {
      action: 'decline',
      reason: `Last activity at ${lastActivity.toISOString()} is within the ${input.idleTimeoutMinutes}-minute idle timeout.`,
    };
  }
  const windowMs = (input.alarmWindowMinutes ?? 0) * 60_000;
  if (lastActivity && input.now.getTime() - lastActivity.getTime() < idleMs + windowMs) {
    return {
      action: 'nothing',
      reason: `Idle since ${lastActivity.toISOString()}; leaving the idle alarm its ${input.alarmWindowMinutes}-minute window to act first.`,
    };
  }
  return {
    action: 'disassociate',
    associationIds: removable.map((a) => a.associationId),
    reason: lastActivity
      ? `Idle for at least ${input.idleTimeoutMinutes} minutes.`
      : `No activity at all in the last ${input.idleTimeoutMinutes} minutes or more.`,
    alarmHadItsChance: lastActivity !== null,
  };
}

/** A witness of activity the decision had to do without, this run. */
export type UnreadableWitness = 'sessions' | 'metrics';

export interface AutoDisconnectResult {
  decision: AutoDisconnectDecision;
  endedSessionId: string | null;
  alarmReset: boolean;
  /** After a disassociation: what became of the open session (see EndOutcome). */
  closing: EndOutcome['outcome'] | null;
  /** Witnesses that could not be read: the decision leaned on EC2 and what was readable. */
  unreadable: UnreadableWitness[];
  /** The sweep only: connections ended for moving no meaningful traffic, and those AWS kept. */
  quietEnds: Pick<QuietEnds, 'ended' | 'failed'>;
}

/**
 * Idempotent: a retried invocation finds the associations disassociating and does nothing.
 * Leans toward off: only EC2 is indispensable. With the sessions table or the metrics
 * unreadable it decides from EC2's connections and whatever witness it could read, and
 * keeps the session bookkeeping best-effort (the next reconcile catches up).
 */
export async function autoDisconnect(
  deps: CoreDeps,
  trigger: AutoDisconnectTrigger,
): Promise<AutoDisconnectResult> {
  const unreadable: UnreadableWitness[] = [];
  let live = await readForDecision(deps, unreadable);
  let quietEnds: AutoDisconnectResult['quietEnds'] = { ended: [], failed: [] };
  // The idle alarm cannot fire while a client is connected: a forgotten one is the sweep's
  // to end (SPEC section 4, rule 11). Never without the session's checkpoints.
  if (trigger === 'sweep' && !unreadable.includes('sessions')) {
    const ends = await endQuietConnections(deps, live);
    if (!ends.recorded) unreadable.push('sessions');
    live = ends.live;
    quietEnds = { ended: ends.ended, failed: ends.failed };
  }
  const now = deps.clock.now();
  // Far enough back to see any activity that would still keep the VPN on; the sweep also
  // looks back over its own interval, to tell an alarm miss since its last run.
  const { sweepWaitsForAlarmMinutes, sweepIntervalMinutes } = deps.policy;
  const waits = trigger === 'sweep' ? sweepWaitsForAlarmMinutes + sweepIntervalMinutes : 0;
  const lookBack = new Date(now.getTime() - (deps.policy.idleTimeoutMinutes + waits) * 60_000);
  const metricWitness = await deps.metrics
    .lastActivitySince(lookBack, now)
    .catch(() => unreadableAs(unreadable, 'metrics'));
  const storeWitness = rememberedActivityUnder(deps.policy, live.session);
  const decision = decideAutoDisconnect({
    associations: live.snapshot.associations,
    connections: live.snapshot.connections,
    witnessedActivityAt: latest(metricWitness, storeWitness),
    now,
    idleTimeoutMinutes: deps.policy.idleTimeoutMinutes,
    keptOnUntil: keptOnUntil(live.session, now),
    ...(trigger === 'sweep' ? { alarmWindowMinutes: deps.policy.sweepWaitsForAlarmMinutes } : {}),
  });
  const result = {
    decision,
    endedSessionId: null,
    alarmReset: false,
    closing: null,
    unreadable,
    quietEnds,
  };

  if (decision.action === 'decline') {
    // Back to OK so the alarm can fire again once the VPN really is idle.
    if (trigger === 'alarm') await deps.alarm.reset(`Auto-disconnect declined: ${decision.reason}`);
    return { ...result, alarmReset: trigger === 'alarm' };
  }
  if (decision.action === 'nothing') return result;

  const removed = live.snapshot.associations.filter((a) =>
    decision.associationIds.includes(a.associationId),
  );
  const closing = await disassociateAndEnd(deps, decision.associationIds, 'idle', {
    bookkeeping: 'best-effort',
  });
  if (closing.outcome === 'unrecorded' && !unreadable.includes('sessions')) {
    unreadable.push('sessions');
  }
  // Another closer ended the session and told of it: saying it again would be a second notice.
  if (deps.notifier && closing.outcome !== 'ended-by-another') {
    // After the disassociation, never before: a notice can neither block nor undo it.
    const failed = removed.some((a) => a.status === 'association-failed');
    const endedSession =
      closing.session ??
      (failed && closing.outcome !== 'unrecorded' ? await recentFailedSession(deps.store) : null);
    await notifySafely(
      deps.notifier,
      notificationsAfterAutoDisconnect({
        alarmMissed: trigger === 'sweep' && decision.alarmHadItsChance,
        removed,
        endedSession,
        now: deps.clock.now(),
        prices: deps.policy.prices,
        idleTimeoutMinutes: deps.policy.idleTimeoutMinutes,
      }),
    );
  }
  return { ...result, endedSessionId: closing.session?.id ?? null, closing: closing.outcome };
}

/**
 * The live state for the decision: EC2 must answer (nothing is decided without it); the
 * open session and the reconcile are best-effort, and their failure is noted in `unreadable`.
 */
async function readForDecision(
  deps: CoreDeps,
  unreadable: UnreadableWitness[],
): Promise<LiveState> {
  const [snapshot, session] = await Promise.all([
    readEndpoint(deps),
    deps.store.getOpen().catch(() => unreadableAs(unreadable, 'sessions')),
  ]);
  const live = { snapshot, session, state: deriveVpnState(snapshot.associations, session) };
  if (unreadable.includes('sessions')) return live;
  try {
    return await reconcile(deps, live);
  } catch {
    unreadable.push('sessions');
    return live;
  }
}

function unreadableAs(unreadable: UnreadableWitness[], witness: UnreadableWitness): null {
  unreadable.push(witness);
  return null;
}

function latest(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a.getTime() >= b.getTime() ? a : b;
}
