import type { Clock } from '../ports/clock.js';
import {
  EMPTY_SNAPSHOT_RECORD,
  type SnapshotRecord,
  type StatusSnapshot,
  type StatusSnapshotStore,
} from '../ports/status-snapshots.js';
import { AwsCallError, VpnPortalError } from './model/errors.js';
import type { StatusView } from './model/status-view.js';

/** The rules of the fleet-wide status snapshot (docs/decisions/007-one-status-snapshot.md). */
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

/** A status as a poll answers it: the view, when EC2 was read for it, and from where. */
export interface ServedStatus {
  view: StatusView;
  asOf: Date;
  /** This instance's memory, the stored snapshot, or a read of EC2 this poll made. */
  source: 'memory' | 'snapshot' | 'refresh';
}

export interface SharedStatusDeps {
  snapshots: StatusSnapshotStore;
  clock: Clock;
  /** The refresh: reads EC2 and the session store (and reconciles) into a view. */
  read: () => Promise<StatusView>;
  /** This instance's name in the lease: unique per instance. */
  holder: string;
  timing?: Partial<SnapshotTiming>;
  sleep?: (ms: number) => Promise<void>;
  /** For the spread of each instance's reads; Math.random unless a test fixes it. */
  random?: () => number;
  /** Told about a refresh or a snapshot call that failed (the caller logs it). */
  onProblem?: (message: string, error: unknown) => void;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface Memory {
  record: SnapshotRecord;
  /** Until when this instance answers from `record` without asking the store. */
  keepUntil: number;
}

/**
 * The status every portal instance answers (issue 15). Polls are answered from this
 * instance's memory while the snapshot is fresh, then from the stored snapshot. The instance
 * that stored a snapshot refreshes it once it is stale, taking the lease beside its read of
 * EC2; if it has no poll to answer within the grace period, the first other instance to win
 * the lease does. So the fleet makes one set of Describe calls per window. A failed refresh
 * leaves the last snapshot in place, answered with its age, and holds further refreshes off
 * with a growing pause; only a snapshot older than `maxAgeMs` (or none) turns a poll into
 * `error`. Connect and auto-disconnect never use this: they read EC2 themselves.
 */
export class SharedStatus {
  private readonly timing: SnapshotTiming;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private memory: Memory | null = null;
  private inFlight: Promise<ServedStatus> | null = null;
  private forced = false;

  constructor(private readonly deps: SharedStatusDeps) {
    this.timing = { ...DEFAULT_SNAPSHOT_TIMING, ...deps.timing };
    this.sleep = deps.sleep ?? realSleep;
    this.random = deps.random ?? Math.random;
  }

  /** The status for a poll; concurrent polls of one instance share one answer. */
  get(): Promise<ServedStatus> {
    if (!this.inFlight) {
      this.inFlight = this.answer().finally(() => {
        this.inFlight = null;
      });
    }
    return this.inFlight;
  }

  /**
   * After a change this instance made (connect, disconnect, the simulator): the next poll
   * reads EC2 whatever the snapshot's age, and falls back to the snapshot only if that fails.
   */
  invalidate(): void {
    this.forced = true;
  }

  /** Forgets every snapshot this instance saw (local mode's simulator reset); reads EC2 next. */
  forget(): void {
    this.memory = null;
    this.forced = true;
  }

  /** Reads EC2 now and stores what it read for every instance; a failure is thrown. */
  async refresh(): Promise<ServedStatus> {
    const snapshot = { view: await this.deps.read(), readAt: this.deps.clock.now() };
    await this.publish(snapshot);
    return this.serve(snapshot, 'refresh');
  }

  private async answer(): Promise<ServedStatus> {
    try {
      return await this.decide();
    } catch (error) {
      // The snapshot store or the refresh failed: what this instance last saw still serves,
      // if it is young enough.
      const known = this.memory?.record.snapshot;
      if (known && this.young(known, this.now())) return this.serve(known, 'memory');
      throw error;
    }
  }

  private async decide(): Promise<ServedStatus> {
    const now = this.now();
    if (this.forced) {
      this.forced = false;
      return this.refresh();
    }
    const memory = this.memory;
    const known = memory?.record.snapshot;
    if (memory && known) {
      if (this.fresh(known, now)) return this.serve(known, 'memory');
      if (this.myTurn(memory.record, now)) return this.refreshInTurn(memory.record);
      if (now < memory.keepUntil && this.young(known, now)) return this.serve(known, 'memory');
    }
    const record = await this.read();
    if (record.snapshot && this.fresh(record.snapshot, now)) {
      return this.serve(record.snapshot, 'snapshot');
    }
    if (this.myTurn(record, now)) return this.refreshInTurn(record);
    if (this.leasable(record, now)) return this.tryLease();
    return this.answerStored(record, 'snapshot', true);
  }

  /** This instance stored the stale snapshot: it reads EC2 at once, leasing beside the read. */
  private refreshInTurn(record: SnapshotRecord): Promise<ServedStatus> {
    // EC2 first: its round trip is the one this poll waits for.
    const readAt = this.deps.clock.now();
    const reading = this.deps.read();
    const lease = this.deps.snapshots.lease(this.leaseRequest()).catch((error: unknown) => {
      this.deps.onProblem?.('status lease not taken', error);
      return null;
    });
    return this.refreshWith(lease, record, { readAt, reading });
  }

  private async tryLease(): Promise<ServedStatus> {
    const leased = await this.deps.snapshots.lease(this.leaseRequest());
    if (leased) return this.refreshWith(Promise.resolve(leased), leased);
    // Another instance got there first: it refreshed already, or it is refreshing now.
    const record = await this.read();
    if (record.snapshot && this.fresh(record.snapshot, this.now())) {
      return this.serve(record.snapshot, 'snapshot');
    }
    return this.answerStored(record, 'snapshot', true);
  }

  private async refreshWith(
    lease: Promise<SnapshotRecord | null>,
    known: SnapshotRecord,
    started?: { readAt: Date; reading: Promise<StatusView> },
  ): Promise<ServedStatus> {
    const readAt = started?.readAt ?? this.deps.clock.now();
    let view: StatusView;
    try {
      view = await (started?.reading ?? this.deps.read());
    } catch (error) {
      this.deps.onProblem?.('status refresh failed', error);
      const leased = await lease;
      const failures = (leased ?? known).failures + 1;
      const { retryBaseMs, retryMaxMs } = this.timing;
      const pause = Math.min(retryMaxMs, retryBaseMs * 2 ** (failures - 1));
      const failure = {
        code: error instanceof VpnPortalError ? error.code : 'aws_unavailable',
        failures,
        retryAt: new Date(this.now() + pause),
      } as const;
      if (leased) {
        await this.deps.snapshots
          .fail(this.deps.holder, failure)
          .catch((cause: unknown) => this.deps.onProblem?.('status backoff not stored', cause));
      }
      this.remember({
        ...known,
        refresher: null,
        lease: null,
        failures,
        retryAt: failure.retryAt,
        lastFailure: failure.code,
      });
      if (known.snapshot && this.young(known.snapshot, this.now())) {
        return this.serve(known.snapshot, 'snapshot');
      }
      throw error;
    }
    // Settled before the answer: a Lambda is frozen once it has answered.
    await lease;
    const snapshot = { view, readAt };
    await this.publish(snapshot);
    return this.serve(snapshot, 'refresh');
  }

  /** The snapshot is stale and another instance refreshes it, or refreshes are backing off. */
  private async answerStored(
    record: SnapshotRecord,
    source: ServedStatus['source'],
    mayWait: boolean,
  ): Promise<ServedStatus> {
    const now = this.now();
    const { snapshot } = record;
    const refreshing = this.leased(record, now) || this.othersTurn(record, now);
    const waitInstead = this.timing.whileAnotherRefreshes === 'wait';
    if (snapshot && this.young(snapshot, now) && !(refreshing && waitInstead && mayWait)) {
      return this.serve(snapshot, source);
    }
    if (refreshing && mayWait) return this.waitForRefresh();
    throw tooOld(record, this.timing.maxAgeMs);
  }

  /** Nothing young enough to show while another instance reads EC2: wait briefly for it. */
  private async waitForRefresh(): Promise<ServedStatus> {
    const { waitMs, waitStepMs } = this.timing;
    let record = this.memory?.record ?? EMPTY_SNAPSHOT_RECORD;
    for (let waited = 0; waited < waitMs; waited += waitStepMs) {
      await this.sleep(waitStepMs);
      record = await this.read();
      const now = this.now();
      if (record.snapshot && this.fresh(record.snapshot, now)) {
        return this.serve(record.snapshot, 'snapshot');
      }
      if (!this.leased(record, now) && !this.othersTurn(record, now)) break;
    }
    // The refresher failed, died or is slow: one more go at the lease, then what there is.
    if (this.leasable(record, this.now())) {
      const leased = await this.deps.snapshots.lease(this.leaseRequest());
      if (leased) return this.refreshWith(Promise.resolve(leased), leased);
      record = await this.read();
    }
    return this.answerStored(record, 'snapshot', false);
  }

  private leaseRequest() {
    const now = this.now();
    const { freshMs, graceMs, leaseMs } = this.timing;
    return {
      holder: this.deps.holder,
      now: new Date(now),
      until: new Date(now + leaseMs),
      staleBefore: new Date(now - freshMs),
      graceBefore: new Date(now - freshMs - graceMs),
    };
  }

  private async read(): Promise<SnapshotRecord> {
    const record = await this.deps.snapshots.read();
    this.remember(record);
    return record;
  }

  private async publish(snapshot: StatusSnapshot): Promise<void> {
    this.remember({ ...EMPTY_SNAPSHOT_RECORD, snapshot, refresher: this.deps.holder });
    // Not stored means a newer read is stored already, or the store failed: either way this
    // poll's answer stands, and the others refresh once the lease or the turn lapses.
    await this.deps.snapshots
      .publish(snapshot, this.deps.holder)
      .catch((error: unknown) => this.deps.onProblem?.('status snapshot not stored', error));
  }

  private remember(record: SnapshotRecord): void {
    const now = this.now();
    const readAt = record.snapshot?.readAt.getTime();
    const { freshMs, graceMs, spreadMs } = this.timing;
    // The refresher keeps its own snapshot exactly as long as it is fresh: its turn comes next.
    const later = record.refresher === this.deps.holder ? 0 : graceMs + this.random() * spreadMs;
    const keepUntil = readAt === undefined ? now : Math.max(readAt + freshMs, now) + later;
    this.memory = { record, keepUntil };
  }

  private serve(snapshot: StatusSnapshot, source: ServedStatus['source']): ServedStatus {
    return { view: snapshot.view, asOf: snapshot.readAt, source };
  }

  private now(): number {
    return this.deps.clock.now().getTime();
  }

  private fresh(snapshot: StatusSnapshot, now: number): boolean {
    return now - snapshot.readAt.getTime() < this.timing.freshMs;
  }

  private young(snapshot: StatusSnapshot, now: number): boolean {
    return now - snapshot.readAt.getTime() <= this.timing.maxAgeMs;
  }

  private leased(record: SnapshotRecord, now: number): boolean {
    return record.lease !== null && record.lease.until.getTime() > now;
  }

  private backingOff(record: SnapshotRecord, now: number): boolean {
    return record.retryAt !== null && record.retryAt.getTime() > now;
  }

  /** Whether the stale snapshot's refresher still has its turn (and it is not this instance). */
  private othersTurn(record: SnapshotRecord, now: number): boolean {
    const { refresher, snapshot } = record;
    if (!refresher || refresher === this.deps.holder || !snapshot) return false;
    const { freshMs, graceMs } = this.timing;
    return now - snapshot.readAt.getTime() < freshMs + graceMs && !this.backingOff(record, now);
  }

  private myTurn(record: SnapshotRecord, now: number): boolean {
    const { snapshot } = record;
    if (record.refresher !== this.deps.holder || !snapshot) return false;
    const age = now - snapshot.readAt.getTime();
    return (
      age < this.timing.freshMs + this.timing.graceMs &&
      !this.leased(record, now) &&
      !this.backingOff(record, now)
    );
  }

  /** Mirrors the store's lease condition, so that a lease sure to be refused is not asked for. */
  private leasable(record: SnapshotRecord, now: number): boolean {
    return (
      !this.leased(record, now) && !this.backingOff(record, now) && !this.othersTurn(record, now)
    );
  }
}

/** Nothing young enough to show: the poll answers `error`, with what the refreshes met. */
function tooOld(record: SnapshotRecord, maxAgeMs: number): AwsCallError {
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
    `No status read from AWS: ${age} ${maxAgeMs / 1000} s (last refresh: ${record.lastFailure ?? 'none failed'}).`,
  );
}
