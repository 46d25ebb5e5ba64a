import type { CoreDeps } from './deps.js';
import { disassociateAndEnd } from './disassociate-and-end.js';
import { reconcile } from './live-state.js';
import { lastActivityAt } from './model/deadlines.js';
import { notificationsAfterAutoDisconnect } from './model/notices.js';
import type { AutoDisconnectTrigger } from './model/triggers.js';
import type { Association, ClientConnection } from './model/vocabulary.js';
import { activeConnections } from './model/vpn-state.js';
import { notifySafely, recentFailedSession } from './send-notices.js';

export type AutoDisconnectDecision =
  | { action: 'disassociate'; associationIds: string[]; reason: string }
  | { action: 'decline'; reason: string }
  | { action: 'nothing'; reason: string };

/**
 * SPEC section 4, rule 3: the alarm only wakes us; this decides on the live state.
 * Disassociate only when nobody is connected and nobody asked within the idle timeout.
 */
export function decideAutoDisconnect(input: {
  associations: readonly Association[];
  connections: readonly ClientConnection[];
  lastConnectRequestAt: Date | null;
  now: Date;
  idleTimeoutMinutes: number;
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
  const lastActivity = lastActivityAt(input.lastConnectRequestAt, input.connections);
  const idleMs = input.idleTimeoutMinutes * 60_000;
  if (lastActivity && input.now.getTime() - lastActivity.getTime() < idleMs) {
    return {
      action: 'decline',
      reason: `Last activity at ${lastActivity.toISOString()} is within the ${input.idleTimeoutMinutes}-minute idle timeout.`,
    };
  }
  return {
    action: 'disassociate',
    associationIds: removable.map((a) => a.associationId),
    reason: `Idle for at least ${input.idleTimeoutMinutes} minutes.`,
  };
}

export interface AutoDisconnectResult {
  decision: AutoDisconnectDecision;
  endedSessionId: string | null;
  alarmReset: boolean;
}

/** Idempotent: a retried invocation finds the associations disassociating and does nothing. */
export async function autoDisconnect(
  deps: CoreDeps,
  trigger: AutoDisconnectTrigger,
): Promise<AutoDisconnectResult> {
  const live = await reconcile(deps);
  const now = deps.clock.now();
  const lookBack = new Date(now.getTime() - deps.policy.idleTimeoutMinutes * 60_000);
  const metricWitness = await deps.metrics.lastConnectRequestSince(lookBack, now);
  const storeWitness = live.session ? new Date(live.session.lastConnectRequestAt) : null;
  const decision = decideAutoDisconnect({
    associations: live.snapshot.associations,
    connections: live.snapshot.connections,
    lastConnectRequestAt: latest(metricWitness, storeWitness),
    now,
    idleTimeoutMinutes: deps.policy.idleTimeoutMinutes,
  });

  if (decision.action === 'decline') {
    // Back to OK so the alarm can fire again once the VPN really is idle.
    if (trigger === 'alarm') await deps.alarm.reset(`Auto-disconnect declined: ${decision.reason}`);
    return { decision, endedSessionId: null, alarmReset: trigger === 'alarm' };
  }
  if (decision.action === 'nothing') {
    return { decision, endedSessionId: null, alarmReset: false };
  }
  const removed = live.snapshot.associations.filter((a) =>
    decision.associationIds.includes(a.associationId),
  );
  const ended = await disassociateAndEnd(deps, decision.associationIds, 'idle');
  if (deps.notifier) {
    // After the disassociation, never before: a notice can neither block nor undo it.
    const failed = removed.some((a) => a.status === 'association-failed');
    const endedSession = ended ?? (failed ? await recentFailedSession(deps.store) : null);
    await notifySafely(
      deps.notifier,
      notificationsAfterAutoDisconnect({
        trigger,
        removed,
        endedSession,
        now: deps.clock.now(),
        prices: deps.policy.prices,
        idleTimeoutMinutes: deps.policy.idleTimeoutMinutes,
      }),
    );
  }
  return { decision, endedSessionId: ended?.id ?? null, alarmReset: false };
}

function latest(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a.getTime() >= b.getTime() ? a : b;
}
