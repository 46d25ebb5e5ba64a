import type { CoreDeps } from './deps.js';
import { SessionConflictError } from './model/errors.js';
import { associationFailedNotification } from './model/notices.js';
import {
  endSession,
  newSession,
  START_GRACE_MS,
  withConnectRequest,
} from './model/session-lifecycle.js';
import type { VpnSession } from './model/vocabulary.js';
import { deriveVpnState } from './model/vpn-state.js';
import { notifySafely, recentFailedSession } from './send-notices.js';
import { closeOpenSession, updateOpenSession } from './session-updates.js';
import { startAssociations } from './start-associations.js';

/**
 * - `started`: this request opened the session and asked AWS for the associations.
 * - `joined`: a start was already under way (another tap, another Lambda): nothing doubled.
 * - `queued`: the VPN is stopping; the start happens as soon as stopping ends.
 * - `already-up`: the VPN is ready; the request still counts as activity.
 */
export type ConnectOutcome = 'started' | 'joined' | 'queued' | 'already-up';

export interface ConnectResult {
  outcome: ConnectOutcome;
  /** Problems that did not stop the connect but deserve a log line. */
  warnings: string[];
}

export interface ConnectOptions {
  /** The id the employee's page shows with an error (the request id): a notice names it. */
  reference?: string;
}

/** SPEC section 4, rule 7: idempotent, and a connect during `stopping` is never lost. */
export async function connect(
  deps: CoreDeps,
  userId: string,
  options: ConnectOptions = {},
): Promise<ConnectResult> {
  const now = deps.clock.now();
  const warnings: string[] = [];
  // Activity first: even a connect that fails below means someone wants the VPN.
  await deps.metrics.recordConnectRequest(now).catch((error: unknown) => {
    warnings.push(`ConnectRequests metric not published: ${messageOf(error)}`);
  });

  const [associations, open] = await Promise.all([
    deps.vpn.describeAssociations(),
    deps.store.getOpen(),
  ]);
  const state = deriveVpnState(associations, open);

  if (state === 'ready' || state === 'starting') {
    if (open) await deps.store.recordConnectRequest(open.id, userId, now);
    return { outcome: state === 'ready' ? 'already-up' : 'joined', warnings };
  }

  if (state === 'stopping') {
    await queueStart(deps, open, userId, now);
    return { outcome: 'queued', warnings };
  }

  // off or error: clear what a failed attempt left, then start (or join a start in flight).
  const failed = associations.filter((a) => a.status === 'association-failed');
  await Promise.all(failed.map((a) => deps.vpn.disassociate(a.associationId)));
  if (failed.length > 0) {
    // The subnet stays taken until the failed association is gone (AWS answers a new
    // association with "duplicate"): queue the start, as during `stopping`.
    if (open) await closeOpenSession(deps, open, (current) => endSession(current, 'failed', now));
    const queued = await deps.store.open(
      newSession({
        startedBy: userId,
        now,
        subnetCount: deps.policy.subnetIds.length,
        queued: true,
      }),
    );
    if (!queued.created) await deps.store.recordConnectRequest(queued.session.id, userId, now);
    // The failed associations are gone now, so the auto-disconnect path will never see them;
    // of several retries at once, the one that opened the queued session reports them.
    if (deps.notifier && queued.created) {
      const failedSession = open ?? (await recentFailedSession(deps.store));
      await notifySafely(deps.notifier, [
        associationFailedNotification(failed, failedSession, now),
      ]);
    }
    return { outcome: 'queued', warnings };
  }

  let session = open;
  if (session && isStale(session, now)) {
    await closeOpenSession(deps, session, (current) =>
      isStale(current, now)
        ? endSession(current, current.failure ? 'failed' : 'external', now)
        : null,
    );
    session = null;
  }
  if (session) {
    // Either a connect queued while stopping (whoever clears the queue carries it out) or a
    // start another request opened moments ago: that one calls AWS, this one only joins.
    let carriesOutQueue = false;
    const joined = await updateOpenSession(deps, session, (s) => {
      carriesOutQueue = s.queuedConnect !== null;
      const startedAt = carriesOutQueue ? now.toISOString() : s.startedAt;
      return withConnectRequest({ ...s, startedAt, queuedConnect: null }, userId, now);
    });
    if (joined) {
      if (carriesOutQueue) await startAssociations(deps, joined, { userId, ...options });
      return { outcome: 'joined', warnings };
    }
  }

  const opened = await deps.store.open(
    newSession({ startedBy: userId, now, subnetCount: deps.policy.subnetIds.length }),
  );
  if (!opened.created) {
    // Another request won the race and is asking AWS: one set of Associate calls in all.
    await deps.store.recordConnectRequest(opened.session.id, userId, now);
    return { outcome: 'joined', warnings };
  }
  await startAssociations(deps, opened.session, { userId, ...options });
  return { outcome: 'started', warnings };
}

/**
 * While stopping, the start waits on the open session (or a new one) until stopping ends.
 * `queued` is answered only once the queue is stored: if the session this request read is
 * ended under it (the closer won), the queue goes on a new session instead.
 */
async function queueStart(
  deps: CoreDeps,
  read: VpnSession | null,
  userId: string,
  now: Date,
): Promise<void> {
  let open = read;
  // Each round loses only to a writer that made progress (a close, another queue).
  for (let round = 0; round < 5; round += 1) {
    if (open) {
      const queued = await updateOpenSession(deps, open, (s) => ({
        ...withConnectRequest(s, userId, now),
        queuedConnect: s.queuedConnect ?? { by: userId, at: now.toISOString() },
      }));
      if (queued) return;
    }
    const opened = await deps.store.open(
      newSession({
        startedBy: userId,
        now,
        subnetCount: deps.policy.subnetIds.length,
        queued: true,
      }),
    );
    if (opened.created) return;
    open = opened.session;
  }
  throw new SessionConflictError(open?.id ?? 'open');
}

/** A failed or abandoned start: retrying it with the same idempotency tokens would replay it. */
function isStale(session: VpnSession, now: Date): boolean {
  if (session.failure) return true;
  if (session.queuedConnect) return false;
  return now.getTime() - Date.parse(session.startedAt) > START_GRACE_MS;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
