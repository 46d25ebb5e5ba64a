import type { CoreDeps } from './deps.js';
import { AwsCallError, VpnPortalError } from './model/errors.js';
import { type StartFailure, startFailedNotification } from './model/request-notices.js';
import { associationToken } from './model/session-lifecycle.js';
import type { VpnSession } from './model/vocabulary.js';
import { notifySafely } from './send-notices.js';
import { updateOpenSession } from './session-updates.js';

/** Starts one association per configured subnet for `session`; repeats are harmless. */
export async function associateAll(deps: CoreDeps, session: VpnSession): Promise<void> {
  await Promise.all(
    deps.policy.subnetIds.map((subnetId) =>
      deps.vpn.associate(subnetId, associationToken(session, subnetId)),
    ),
  );
}

export interface StartRequest {
  /** Who asked for this start: the tap's user, or whoever queued the connect. */
  userId: string;
  /** The id the employee's page shows with an error (the request id): the notice names it. */
  reference?: string;
  /**
   * How the caller knows it alone tells of a failure. `caller` (the default): only one
   * caller ever starts this session (the request that opened it, the one that cleared its
   * queue), so it tells of any failure, a throttle included. `first-failure`: several may
   * repeat the start at once (a stalled start, repeated by every status poll); only the one
   * whose write records the failure tells, and a throttle, which is not recorded, tells no one.
   */
  tells?: 'caller' | 'first-failure';
}

/**
 * Asks AWS for the session's associations. On a failure the failure is kept on the session
 * (the status page shows `error` with its words) unless AWS only throttled, and one
 * `start-failed` notice goes out, after that write, so a notifier can neither block the
 * answer nor change it. The failure is then thrown on, as before.
 */
export async function startAssociations(
  deps: CoreDeps,
  session: VpnSession,
  request: StartRequest,
): Promise<void> {
  try {
    await associateAll(deps, session);
  } catch (error) {
    const failure =
      error instanceof VpnPortalError
        ? error.message
        : 'AWS did not accept the request to turn the VPN on.';
    const throttled = error instanceof AwsCallError && error.code === 'aws_throttled';
    const once = request.tells === 'first-failure';
    // Several callers at once: only the recorded failure is told (a failed write is told by
    // the caller that repeats the start next and records it).
    let tell = !once;
    try {
      if (!throttled) {
        const recorded = await updateOpenSession(deps, session, (s) =>
          once && s.failure ? null : { ...s, failure },
        );
        if (once) tell = recorded !== null;
      }
    } finally {
      // Told even when that write failed: the start failed either way.
      if (tell) {
        await notifySafely(deps.notifier, [
          startFailedNotification({
            user: request.userId,
            failure: startFailure(error),
            message: failure,
            subnetIds: deps.policy.subnetIds,
            session,
            reference: request.reference ?? null,
            now: deps.clock.now(),
          }),
        ]);
      }
    }
    throw error;
  }
}

function startFailure(error: unknown): StartFailure {
  if (!(error instanceof AwsCallError)) return 'other';
  if (error.code === 'aws_rejected') return 'rejected';
  return error.code === 'aws_throttled' ? 'throttled' : 'unavailable';
}
