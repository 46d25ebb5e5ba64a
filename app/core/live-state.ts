import type { CoreDeps } from './deps.js';
import { SessionConflictError } from './model/errors.js';
import { routesToRestore } from './model/routes.js';
import {
  associationToken,
  endSession,
  newSession,
  observeSession,
  START_GRACE_MS,
  sessionsEqual,
} from './model/session-lifecycle.js';
import type { LiveSnapshot, VpnSession, VpnState } from './model/vocabulary.js';
import { deriveVpnState } from './model/vpn-state.js';
import { updateOpenSession } from './session-updates.js';

export interface LiveState {
  snapshot: LiveSnapshot;
  session: VpnSession | null;
  state: VpnState;
}

export async function readSnapshot(deps: CoreDeps, withRoutes: boolean): Promise<LiveSnapshot> {
  const [associations, connections, routes] = await Promise.all([
    deps.vpn.describeAssociations(),
    deps.vpn.describeConnections(),
    withRoutes ? deps.vpn.describeRoutes() : Promise.resolve([]),
  ]);
  return { associations, connections, routes };
}

/** Starts one association per configured subnet for `session`; repeats are harmless. */
export async function associateAll(deps: CoreDeps, session: VpnSession): Promise<void> {
  await Promise.all(
    deps.policy.subnetIds.map((subnetId) =>
      deps.vpn.associate(subnetId, associationToken(session.id, subnetId)),
    ),
  );
}

/**
 * Reads the endpoint and brings the world in line with it: carries out a connect queued
 * while stopping, restores routes, folds what it saw into the open session, and closes a
 * session that someone ended outside the portal. Every step is idempotent, so a polled
 * status page and the safety-net sweep can both run it.
 */
export async function refreshLiveState(deps: CoreDeps): Promise<LiveState> {
  const now = deps.clock.now();
  const [snapshot, stored] = await Promise.all([
    readSnapshot(deps, deps.policy.extraRoutes.length > 0),
    deps.store.getOpen(),
  ]);
  let session = stored;
  let state = deriveVpnState(snapshot.associations, session);

  if (session?.queuedConnect && state === 'off') {
    // Whoever clears the queue carries it out; a concurrent refresh that lost finds it clear.
    const starting = await updateOpenSession(deps, session, (current) =>
      current.queuedConnect
        ? { ...current, startedAt: now.toISOString(), queuedConnect: null }
        : null,
    );
    if (starting) {
      await associateAll(deps, starting);
      return refreshAfterChange(deps, starting);
    }
    session = await deps.store.getOpen();
  }

  if (session && isStalledStart(session, state, now)) {
    // The request that opened this session never got its associations made (its Lambda
    // timed out or crashed): repeat them with the same idempotency tokens.
    await associateAll(deps, session);
    return refreshAfterChange(deps, session);
  }

  if (!session && (state === 'starting' || state === 'ready')) {
    session = (
      await deps.store.open(
        newSession({ startedBy: 'external', now, subnetCount: snapshot.associations.length }),
      )
    ).session;
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

/** How long the opener of a session has to make its associations before a refresh does. */
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

async function refreshAfterChange(deps: CoreDeps, session: VpnSession): Promise<LiveState> {
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
  const failed = snapshot.associations.find((a) => a.status === 'association-failed');
  const age = now.getTime() - Date.parse(session.startedAt);

  if (failed && state === 'error') {
    await deps.store.close(endSession(observed, 'failed', now, failed.statusMessage ?? null));
    return null;
  }
  if (state === 'off' && !session.queuedConnect && !session.failure && age > START_GRACE_MS) {
    await deps.store.close(endSession(observed, 'external', now));
    return null;
  }
  if (sessionsEqual(observed, session)) return observed;
  // Observing is repeated on every refresh: when a concurrent write wins, the next one folds
  // the same facts into the newer copy.
  try {
    await deps.store.save(observed);
    return { ...observed, revision: observed.revision + 1 };
  } catch (error) {
    if (error instanceof SessionConflictError) return observed;
    throw error;
  }
}
