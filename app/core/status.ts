import type { CoreDeps } from './deps.js';
import { needsReconcile, readLiveState, reconcile } from './live-state.js';
import {
  autoDisconnectAt,
  keptOnUntil,
  lastActivityAt,
  rememberedActivityUnder,
  typicalStartSeconds,
} from './model/deadlines.js';
import { quietEnds } from './model/quiet-connections.js';
import type { StatusView } from './model/status-view.js';
import type { VpnSession } from './model/vocabulary.js';
import { activeConnections, failureMessage } from './model/vpn-state.js';

export type { StatusView } from './model/status-view.js';

const HISTORY_FOR_TYPICAL_START = 20;

/** Recent sessions, for the typical time to ready; callers may cache it far longer. */
export function readHistory(deps: Pick<CoreDeps, 'store'>): Promise<VpnSession[]> {
  return deps.store.recent(HISTORY_FOR_TYPICAL_START);
}

export async function readStatus(
  deps: CoreDeps,
  history: () => Promise<VpnSession[]> = () => readHistory(deps),
): Promise<StatusView> {
  const [live, recent] = await Promise.all([readCurrentState(deps), history()]);
  const { snapshot, session, state } = live;
  const lastActivity = lastActivityAt(
    rememberedActivityUnder(deps.policy, session),
    snapshot.connections,
  );
  const on = state === 'ready' || state === 'starting';
  const held = on ? keptOnUntil(session, deps.clock.now()) : null;
  return {
    state,
    associations: snapshot.associations.map(({ subnetId, associationId, status }) => ({
      subnetId,
      associationId,
      status,
    })),
    activeConnections: activeConnections(snapshot.connections).length,
    lastActivityAt: lastActivity?.toISOString() ?? null,
    autoDisconnectAt: on
      ? (autoDisconnectAt({
          lastActivityAt: lastActivity,
          connections: snapshot.connections,
          idleTimeoutMinutes: deps.policy.idleTimeoutMinutes,
          keptOnUntil: held,
        })?.toISOString() ?? null)
      : null,
    ...(held ? { keptOnUntil: held.toISOString() } : {}),
    idleTimeoutMinutes: deps.policy.idleTimeoutMinutes,
    typicalStartSeconds: typicalStartSeconds(recent),
    startedAt: session && !session.queuedConnect ? session.startedAt : null,
    connectQueued: Boolean(session?.queuedConnect),
    failure: state === 'error' ? failureMessage(snapshot.associations, session) : null,
    quietEnds: quietEnds(session, snapshot.connections),
  };
}

/**
 * The status poll reads; it writes only when the read shows something to bring in line (a
 * queued connect once stopping ended, a connection to record), since polls are the
 * portal's only regular visitor while the VPN is on.
 */
async function readCurrentState(deps: CoreDeps) {
  const live = await readLiveState(deps);
  return needsReconcile(live, deps.policy, deps.clock.now()) ? reconcile(deps, live) : live;
}
