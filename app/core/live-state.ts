import type { CoreDeps } from './deps.js';
import type { VpnPolicy } from './model/policy.js';
import { routesToRestore } from './model/routes.js';
import {
  endSession,
  newSession,
  observeSession,
  START_GRACE_MS,
  sessionsEqual,
} from './model/session-lifecycle.js';
import type { LiveSnapshot, VpnSession, VpnState } from './model/vocabulary.js';
import { deriveVpnState } from './model/vpn-state.js';
import { closeOpenSession, updateOpenSession } from './session-updates.js';
import { startAssociations } from './start-associations.js';

export interface LiveState {
  snapshot: LiveSnapshot;
  session: VpnSession | null;
  state: VpnState;
}

async function readSnapshot(deps: CoreDeps, withRoutes: boolean): Promise<LiveSnapshot> {
  const [associations, connections, routes] = await Promise.all([
    deps.vpn.describeAssociations(),
    deps.vpn.describeConnections(),
    withRoutes ? deps.vpn.describeRoutes() : Promise.resolve([]),
  ]);
  return { associations, connections, routes };
}

/** What EC2 shows of the endpoint (routes only when routes are configured). */
export function readEndpoint(deps: CoreDeps): Promise<LiveSnapshot> {
  return readSnapshot(deps, deps.policy.extraRoutes.length > 0);
}

/** Reads the endpoint and the open session, and changes nothing. */
export async function readLiveState(deps: CoreDeps): Promise<LiveState> {
  const [snapshot, session] = await Promise.all([readEndpoint(deps), deps.store.getOpen()]);
  return { snapshot, session, state: deriveVpnState(snapshot.associations, session) };
}

/**
 * Whether what was read asks for a reconcile: a queued connect to carry out, a start to
 * finish, a session to open, record, or close, a route to restore. A status read that
 * answers false has nothing to write.
 */
export function needsReconcile(live: LiveState, policy: VpnPolicy, now: Date): boolean {
  const { snapshot, session, state } = live;
  if (!session) return state === 'starting' || state === 'ready';
  if (session.queuedConnect && state === 'off') return true;
  if (isStalledStart(session, state, now)) return true;
  if (sessionEnds(session, snapshot, state, now)) return true;
  if (!sessionsEqual(observeSession(session, snapshot, state, now), session)) return true;
  return state === 'ready' && routesToRestore(policy.extraRoutes, snapshot).length > 0;
}

/**
 * Brings the stored world in line with the endpoint (`live`, or a fresh read): carries out
 * a connect queued while stopping, finishes a start whose opener died, folds what it saw
 * into the open session, closes a session that ended outside the portal, restores routes.
 * Every step is idempotent, so the status poll, the sweep and the alarm may all run it.
 */
export async function reconcile(deps: CoreDeps, live?: LiveState): Promise<LiveState> {
  const now = deps.clock.now();
  const { snapshot, session: stored } = live ?? (await readLiveState(deps));
  let session = stored;
  let state = deriveVpnState(snapshot.associations, session);

  if (session?.queuedConnect && state === 'off') {
    // Whoever clears the queue carries it out; a concurrent reconcile that lost finds it clear.
    let queuedBy = session.queuedConnect.by;
    const starting = await updateOpenSession(deps, session, (current) => {
      if (!current.queuedConnect) return null;
      queuedBy = current.queuedConnect.by;
      return { ...current, startedAt: now.toISOString(), queuedConnect: null };
    });
    if (starting) {
      // The one that cleared the queue alone starts it, so it alone tells of a failure.
      await startAssociations(deps, starting, { userId: queuedBy });
      return readAfterChange(deps, starting);
    }
    session = await deps.store.getOpen();
  }

  if (session && isStalledStart(session, state, now)) {
    // The request that opened this session never got its associations made (its Lambda
    // timed out or crashed, or AWS throttled it): repeat them with the same idempotency tokens.
    await startAssociations(deps, session, {
      userId: session.startedBy,
      tells: 'first-failure',
    });
    return readAfterChange(deps, session);
  }

  if (!session && (state === 'starting' || state === 'ready')) {
    session = (await deps.store.open(adoptedSession(deps.policy, snapshot, now))).session;
  }

  if (session) session = await keepSessionInStep(deps, session, snapshot, state, now);
  state = deriveVpnState(snapshot.associations, session);

  const missing = state === 'ready' ? routesToRestore(deps.policy.extraRoutes, snapshot) : [];
  await Promise.all(
    missing.map((route, index) =>
      deps.vpn.createRoute(
        route,
        `${session?.id ?? 'route'}-r${index}-${now.getTime().toString(36)}`,
      ),
    ),
  );
  return { snapshot, session, state };
}

/** How long the opener of a session has to make its associations before a reconcile does. */
export const STALLED_START_MS = 15_000;

function isStalledStart(session: VpnSession, state: VpnState, now: Date): boolean {
  const age = now.getTime() - Date.parse(session.startedAt);
  return (
    state === 'off' &&
    !session.queuedConnect &&
    !session.failure &&
    age >= STALLED_START_MS &&
    age <= START_GRACE_MS
  );
}

/** The open session is over: its association failed, or the VPN went off outside the portal. */
function sessionEnds(
  session: VpnSession,
  snapshot: LiveSnapshot,
  state: VpnState,
  now: Date,
): boolean {
  const failed = snapshot.associations.some((a) => a.status === 'association-failed');
  const age = now.getTime() - Date.parse(session.startedAt);
  return (
    (failed && state === 'error') ||
    (state === 'off' && !session.queuedConnect && !session.failure && age > START_GRACE_MS)
  );
}

/**
 * A session for associations the portal did not make (the console, the CLI, a lost record).
 * Being found is not activity: the decision judges it by the metrics' history (SPEC section
 * 4, rule 10). With that rule switched off (the bench only) it counts as a connect request.
 */
function adoptedSession(policy: VpnPolicy, snapshot: LiveSnapshot, now: Date): VpnSession {
  const adopted = newSession({
    startedBy: 'external',
    now,
    subnetCount: snapshot.associations.length,
  });
  return policy.rulesOff?.includes('adopted-by-evidence')
    ? { ...adopted, lastConnectRequestAt: now.toISOString() }
    : adopted;
}

async function readAfterChange(deps: CoreDeps, session: VpnSession): Promise<LiveState> {
  const snapshot = await readSnapshot(deps, false);
  return { snapshot, session, state: deriveVpnState(snapshot.associations, session) };
}

async function keepSessionInStep(
  deps: CoreDeps,
  session: VpnSession,
  snapshot: LiveSnapshot,
  state: VpnState,
  now: Date,
): Promise<VpnSession | null> {
  const observed = observeSession(session, snapshot, state, now);
  if (sessionEnds(session, snapshot, state, now)) {
    const failed = snapshot.associations.find((a) => a.status === 'association-failed');
    const reason = failed && state === 'error' ? 'failed' : 'external';
    const message = reason === 'failed' ? (failed?.statusMessage ?? null) : undefined;
    // Re-checked on the newest copy: a connect queued meanwhile keeps the session open.
    const ended = await closeOpenSession(deps, session, (current) =>
      sessionEnds(current, snapshot, state, now)
        ? endSession(observeSession(current, snapshot, state, now), reason, now, message)
        : null,
    );
    return ended ? null : deps.store.getOpen();
  }
  if (sessionsEqual(observed, session)) return observed;
  // A concurrent write (a tap recording itself, another reconcile) may win the save: fold
  // the same facts into the newer copy rather than lose them until the next poll.
  const saved = await updateOpenSession(deps, session, (current) => {
    const folded = observeSession(current, snapshot, state, now);
    return sessionsEqual(folded, current) ? null : folded;
  });
  return saved ?? observed;
}
