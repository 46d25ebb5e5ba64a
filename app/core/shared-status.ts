import type { Clock } from '../ports/clock.js';
import {
  EMPTY_SNAPSHOT_RECORD,
  type SnapshotRecord,
  type StatusSnapshot,
  type StatusSnapshotStore,
} from '../ports/status-snapshots.js';
import { VpnPortalError } from './model/errors.js';
import type { StatusView } from './model/status-view.js';
import { DEFAULT_SNAPSHOT_TIMING, SnapshotRules, type SnapshotTiming } from './snapshot-rules.js';

export { DEFAULT_SNAPSHOT_TIMING, type SnapshotTiming } from './snapshot-rules.js';

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
  private readonly rules: SnapshotRules;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private memory: Memory | null = null;
  private inFlight: Promise<ServedStatus> | null = null;
  private forced = false;

  constructor(private readonly deps: SharedStatusDeps) {
    this.timing = { ...DEFAULT_SNAPSHOT_TIMING, ...deps.timing };
    this.rules = new SnapshotRules(this.timing, deps.holder);
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
      if (known && this.rules.young(known, this.now())) return this.serve(known, 'memory');
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
      if (this.rules.fresh(known, now)) return this.serve(known, 'memory');
      if (this.rules.myTurn(memory.record, now)) return this.refreshInTurn(memory.record);
      if (now < memory.keepUntil && this.rules.young(known, now))
        return this.serve(known, 'memory');
    }
    const record = await this.read();
    if (record.snapshot && this.rules.fresh(record.snapshot, now)) {
      return this.serve(record.snapshot, 'snapshot');
    }
    if (this.rules.myTurn(record, now)) return this.refreshInTurn(record);
    if (this.rules.leasable(record, now)) return this.tryLease();
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
    if (record.snapshot && this.rules.fresh(record.snapshot, this.now())) {
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
      const pause = this.rules.pauseAfter(failures);
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
      if (known.snapshot && this.rules.young(known.snapshot, this.now())) {
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
    const refreshing = this.rules.leased(record, now) || this.rules.othersTurn(record, now);
    const waitInstead = this.timing.whileAnotherRefreshes === 'wait';
    if (snapshot && this.rules.young(snapshot, now) && !(refreshing && waitInstead && mayWait)) {
      return this.serve(snapshot, source);
    }
    if (refreshing && mayWait) return this.waitForRefresh();
    throw this.rules.tooOld(record);
  }

  /** Nothing young enough to show while another instance reads EC2: wait briefly for it. */
  private async waitForRefresh(): Promise<ServedStatus> {
    const { waitMs, waitStepMs } = this.timing;
    let record = this.memory?.record ?? EMPTY_SNAPSHOT_RECORD;
    for (let waited = 0; waited < waitMs; waited += waitStepMs) {
      await this.sleep(waitStepMs);
      record = await this.read();
      const now = this.now();
      if (record.snapshot && this.rules.fresh(record.snapshot, now)) {
        return this.serve(record.snapshot, 'snapshot');
      }
      if (!this.rules.leased(record, now) && !this.rules.othersTurn(record, now)) break;
    }
    // The refresher failed, died or is slow: one more go at the lease, then what there is.
    if (this.rules.leasable(record, this.now())) {
      const leased = await this.deps.snapshots.lease(this.leaseRequest());
      if (leased) return this.refreshWith(Promise.resolve(leased), leased);
      record = await this.read();
    }
    return this.answerStored(record, 'snapshot', false);
  }

  private leaseRequest() {
    return this.rules.leaseRequest(this.now());
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
    this.memory = { record, keepUntil: this.rules.keepUntil(record, now, this.random()) };
  }

  private serve(snapshot: StatusSnapshot, source: ServedStatus['source']): ServedStatus {
    return { view: snapshot.view, asOf: snapshot.readAt, source };
  }

  private now(): number {
    return this.deps.clock.now().getTime();
  }
}
