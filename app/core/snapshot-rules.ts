import type { LeaseRequest, SnapshotRecord, StatusSnapshot } from '../ports/status-snapshots.js';
import { AwsCallError } from './model/errors.js';

/** The rules of the fleet-wide status snapshot (docs/decisions/010-one-status-snapshot.md). */
export interface SnapshotTiming {
  /** A snapshot younger than this answers every poll without a refresh: the cache window. */
  freshMs: number;
  /**
   * Once the snapshot is stale, the instance that stored it has this long to refresh it
   * before any other instance may take the lease (it may have no poll to answer, or be gone).
   */
  graceMs: number;
  /**
   * The other instances keep what they read through the refresher's turn (asking the table
   * then would mostly find the stale snapshot again) and a random 0 to `spreadMs` more, so
   * that a fleet does not ask the table all at once.
   */
  spreadMs: number;
  /**
   * Older than this, a snapshot is no longer shown as the VPN's state: the poll answers
   * `error` (what the last refresh met), as it would have without a snapshot.
   */
  maxAgeMs: number;
  /** How long a refresher holds the lease if it never reports back (it crashed, timed out). */
  leaseMs: number;
  /** After the n-th failed refresh in a row, none starts for min(max, base × 2^(n−1)). */
  retryBaseMs: number;
  retryMaxMs: number;
  /** How long a poll with nothing young enough to show waits for another instance's refresh. */
  waitMs: number;
  waitStepMs: number;
  /**
   * While another instance refreshes a stale snapshot: answer the stored one with its age
   * (measured: the better tail, see the decision note), or wait for the new one.
   */
  whileAnotherRefreshes: 'answer-stored' | 'wait';
}

export const DEFAULT_SNAPSHOT_TIMING: SnapshotTiming = {
  freshMs: 3_000,
  graceMs: 1_000,
  spreadMs: 2_000,
  maxAgeMs: 60_000,
  leaseMs: 10_000,
  retryBaseMs: 2_000,
  retryMaxMs: 16_000,
  waitMs: 2_000,
  waitStepMs: 50,
  whileAnotherRefreshes: 'answer-stored',
};

/** The snapshot's rules as one instance (`holder`) applies them; pure, given the time. */
export class SnapshotRules {
  constructor(
    readonly timing: SnapshotTiming,
    private readonly holder: string,
  ) {}

  /** Younger than the window: answered without a refresh. */
  fresh(snapshot: StatusSnapshot, now: number): boolean {
    return now - snapshot.readAt.getTime() < this.timing.freshMs;
  }

  /** Young enough to be shown as the VPN's state. */
  young(snapshot: StatusSnapshot, now: number): boolean {
    return now - snapshot.readAt.getTime() <= this.timing.maxAgeMs;
  }

  leased(record: SnapshotRecord, now: number): boolean {
    return record.lease !== null && record.lease.until.getTime() > now;
  }

  backingOff(record: SnapshotRecord, now: number): boolean {
    return record.retryAt !== null && record.retryAt.getTime() > now;
  }

  /** Whether the stale snapshot's refresher still has its turn (and it is not this instance). */
  othersTurn(record: SnapshotRecord, now: number): boolean {
    const { refresher, snapshot } = record;
    if (!refresher || refresher === this.holder || !snapshot) return false;
    const { freshMs, graceMs } = this.timing;
    return now - snapshot.readAt.getTime() < freshMs + graceMs && !this.backingOff(record, now);
  }

  /** This instance stored the stale snapshot and may refresh it at once, leasing beside. */
  myTurn(record: SnapshotRecord, now: number): boolean {
    const { snapshot } = record;
    if (record.refresher !== this.holder || !snapshot) return false;
    const age = now - snapshot.readAt.getTime();
    return (
      age < this.timing.freshMs + this.timing.graceMs &&
      !this.leased(record, now) &&
      !this.backingOff(record, now)
    );
  }

  /** Mirrors the store's lease condition, so that a lease sure to be refused is not asked for. */
  leasable(record: SnapshotRecord, now: number): boolean {
    return (
      !this.leased(record, now) && !this.backingOff(record, now) && !this.othersTurn(record, now)
    );
  }

  /** What this instance asks for when it goes for the lease at `now`. */
  leaseRequest(now: number): LeaseRequest {
    const { freshMs, graceMs, leaseMs } = this.timing;
    return {
      holder: this.holder,
      now: new Date(now),
      until: new Date(now + leaseMs),
      staleBefore: new Date(now - freshMs),
      graceBefore: new Date(now - freshMs - graceMs),
    };
  }

  /** How long no refresh starts after the `failures`-th failed one in a row. */
  pauseAfter(failures: number): number {
    const { retryBaseMs, retryMaxMs } = this.timing;
    return Math.min(retryMaxMs, retryBaseMs * 2 ** (failures - 1));
  }

  /**
   * Until when this instance answers `record` from memory: the refresher exactly as long as
   * its snapshot is fresh (its turn comes next); the others through the refresher's turn and
   * a random part (`random`, 0 to 1) of the spread more, so that a fleet does not ask the
   * table all at once.
   */
  keepUntil(record: SnapshotRecord, now: number, random: number): number {
    const readAt = record.snapshot?.readAt.getTime();
    if (readAt === undefined) return now;
    const { freshMs, graceMs, spreadMs } = this.timing;
    const later = record.refresher === this.holder ? 0 : graceMs + random * spreadMs;
    return Math.max(readAt + freshMs, now) + later;
  }

  /** Nothing young enough to show: the poll answers `error`, with what the refreshes met. */
  tooOld(record: SnapshotRecord): AwsCallError {
    const kind =
      record.lastFailure === 'aws_throttled'
        ? 'throttled'
        : record.lastFailure === 'aws_rejected'
          ? 'rejected'
          : 'unavailable';
    const age = record.snapshot ? 'older than' : 'none within';
    return new AwsCallError(
      'status snapshot',
      kind,
      `No status read from AWS: ${age} ${this.timing.maxAgeMs / 1000} s (last refresh: ${record.lastFailure ?? 'none failed'}).`,
    );
  }
}
