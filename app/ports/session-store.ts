import type { VpnSession } from '../core/model/vocabulary.js';

/**
 * Usage sessions. At most one session is open at a time; `open` is the lock that keeps
 * two concurrent connects from both associating.
 */
export interface SessionStore {
  /** The session that has not ended, if any. */
  getOpen(): Promise<VpnSession | null>;
  /**
   * Opens `candidate` unless another session is open. Atomic: of two concurrent calls
   * exactly one gets `created: true`; the other gets the winner's session.
   */
  open(candidate: VpnSession): Promise<{ session: VpnSession; created: boolean }>;
  /**
   * Writes a session read earlier, only if nobody wrote it since (same `revision`); the stored
   * copy gets `revision + 1`. Otherwise throws SessionConflictError and writes nothing.
   */
  save(session: VpnSession): Promise<void>;
  /**
   * Atomically adds `userId` to the session's users and moves `lastConnectRequestAt` on to
   * `at` (never back), without a read: the hot path of a crowd tapping Connect at once.
   * Does nothing to an ended or unknown session.
   */
  recordConnectRequest(sessionId: string, userId: string, at: Date): Promise<void>;
  /**
   * Saves an ended session read earlier, only if nobody wrote it since (same `revision`, not
   * ended yet), and releases the open-session lock if it still holds it. Otherwise throws
   * SessionConflictError and writes nothing: of two closers exactly one wins, and a close
   * can never undo a connect queued on the session after it was read.
   */
  close(session: VpnSession): Promise<void>;
  /** Newest first. */
  recent(limit: number): Promise<VpnSession[]>;
  /** Sessions open at any moment at or after `since` (still open, or ended since), oldest first. */
  overlapping(since: Date): Promise<VpnSession[]>;
}
