import {
  EMPTY_SNAPSHOT_RECORD,
  type LeaseRequest,
  type RefreshFailure,
  type SnapshotRecord,
  type StatusSnapshot,
  type StatusSnapshotStore,
} from '../../ports/status-snapshots.js';

/**
 * The status snapshot in one variable: local mode's (one process is one instance) and the
 * tests'. Each method checks and changes the record without an await in between, so of two
 * concurrent leases only one can win, as DynamoDB's conditional update guarantees.
 */
export class InMemoryStatusSnapshots implements StatusSnapshotStore {
  private record: SnapshotRecord = structuredClone(EMPTY_SNAPSHOT_RECORD);

  async read(): Promise<SnapshotRecord> {
    return structuredClone(this.record);
  }

  async lease(request: LeaseRequest): Promise<SnapshotRecord | null> {
    const { holder, now, until, staleBefore, graceBefore } = request;
    const { snapshot, refresher, lease, retryAt } = this.record;
    const readAt = snapshot?.readAt.getTime() ?? Number.NEGATIVE_INFINITY;
    const stale = readAt <= staleBefore.getTime();
    const turn = !refresher || refresher === holder || readAt <= graceBefore.getTime();
    const free = !lease || lease.until.getTime() <= now.getTime();
    const due = !retryAt || retryAt.getTime() <= now.getTime();
    if (!(stale && turn && free && due)) return null;
    this.record = { ...this.record, lease: { holder, until: new Date(until) } };
    return structuredClone(this.record);
  }

  async publish(snapshot: StatusSnapshot, refresher: string): Promise<boolean> {
    const stored = this.record.snapshot;
    if (stored && stored.readAt.getTime() >= snapshot.readAt.getTime()) return false;
    this.record = {
      ...structuredClone(EMPTY_SNAPSHOT_RECORD),
      snapshot: structuredClone(snapshot),
      refresher,
    };
    return true;
  }

  /** Local mode's simulator reset: back to no snapshot at all. */
  reset(): void {
    this.record = structuredClone(EMPTY_SNAPSHOT_RECORD);
  }

  async fail(holder: string, { code, failures, retryAt }: RefreshFailure): Promise<void> {
    if (this.record.lease?.holder !== holder) return;
    this.record = {
      ...this.record,
      refresher: null,
      lease: null,
      failures,
      retryAt: new Date(retryAt),
      lastFailure: code,
    };
  }
}
