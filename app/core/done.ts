import type { CoreDeps } from './deps.js';
import { disassociateAndEnd } from './disassociate-and-end.js';
import { readLiveState } from './live-state.js';
import { OthersUsingError } from './model/errors.js';
import type { LiveSnapshot, VpnSession } from './model/vocabulary.js';
import { activeConnections } from './model/vpn-state.js';

export type DoneOutcome = 'turned-off' | 'already-off';

/**
 * Everyone but `userId` who is connected now or tapped Connect within the idle time: a
 * count of distinct people (a person connected and asking counts once).
 */
export function othersUsing(
  userId: string,
  snapshot: Pick<LiveSnapshot, 'connections'>,
  session: VpnSession | null,
  now: Date,
  idleTimeoutMinutes: number,
): number {
  const others = new Set<string>();
  for (const connection of activeConnections(snapshot.connections)) {
    if (connection.user !== userId) others.add(connection.user);
  }
  const since = now.getTime() - idleTimeoutMinutes * 60_000;
  for (const request of session?.connectRequests ?? []) {
    if (request.by !== userId && Date.parse(request.at) > since) others.add(request.by);
  }
  return others.size;
}

/**
 * "I'm done, turn it off" (issue 16): the employee ends the session when nobody else uses
 * the VPN, by the administrator's own path (disassociate, then end the session as `done`).
 * With someone else connected or asking within the idle time it throws OthersUsingError
 * and changes nothing.
 */
export async function turnOffWhenDone(
  deps: CoreDeps,
  userId: string,
): Promise<{ outcome: DoneOutcome; endedSessionId: string | null }> {
  const live = await readLiveState(deps);
  const removable = live.snapshot.associations.filter(
    (a) => a.status !== 'disassociating' && a.status !== 'disassociated',
  );
  if (removable.length === 0) return { outcome: 'already-off', endedSessionId: null };
  const { idleTimeoutMinutes } = deps.policy;
  const count = othersUsing(
    userId,
    live.snapshot,
    live.session,
    deps.clock.now(),
    idleTimeoutMinutes,
  );
  if (count > 0) throw new OthersUsingError(count, idleTimeoutMinutes);
  const ended = await disassociateAndEnd(
    deps,
    removable.map((a) => a.associationId),
    'done',
  );
  return { outcome: 'turned-off', endedSessionId: ended.session?.id ?? null };
}
