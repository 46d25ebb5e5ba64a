import type { CoreDeps } from './deps.js';
import { needsReconcile, readLiveState, reconcile } from './live-state.js';
import {
  autoDisconnectAt,
  keptOnUntil,
  lastActivityAt,
  rememberedActivityUnder,
  typicalStartSeconds,
} from './model/deadlines.js';
import { type QuietEnd, quietEnds } from './model/quiet-connections.js';
import type { AssociationStatus, VpnSession, VpnState } from './model/vocabulary.js';
import { activeConnections, failureMessage } from './model/vpn-state.js';

/** What the employee's page shows (SPEC sections 5 and 6), before HTTP adds its envelope. */
export interface StatusView {
  state: VpnState;
  associations: { subnetId: string; associationId: string; status: AssociationStatus }[];
  activeConnections: number;
  lastActivityAt: string | null;
  /** null while anyone is connected (the VPN stays on) or while the VPN is off. */
  autoDisconnectAt: string | null;
  idleTimeoutMinutes: number;
  typicalStartSeconds: number;
  /** When the current association started (for the elapsed time while `starting`). */
  startedAt: string | null;
  /** True when a connect is waiting for the VPN to finish stopping. */
  connectQueued: boolean;
  /** Plain words for what failed, in state `error`. */
  failure: string | null;
  /**
   * Connections of the open session the portal ended for no traffic, latest first, without
   * anyone connected again. Names people: the HTTP layer shows each person only their own.
   */
  quietEnds: QuietEnd[];
  /** "Keep it on" (issue 16): the VPN stays on until then; absent or null without a hold. */
  keptOnUntil?: string | null;
}

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
