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

  async lease({ holder, now, until, staleBefore }: LeaseRequest): Promise<SnapshotRecord | null> {
    const { snapshot, lease, retryAt } = this.record;
    const stale = !snapshot || snapshot.readAt.getTime() <= staleBefore.getTime();
    const free = !lease || lease.until.getTime() <= now.getTime();
    const due = !retryAt || retryAt.getTime() <= now.getTime();
    if (!(stale && free && due)) return null;
    this.record = { ...this.record, lease: { holder, until: new Date(until) } };
    return structuredClone(this.record);
  }

  async publish(snapshot: StatusSnapshot): Promise<boolean> {
    const stored = this.record.snapshot;
    if (stored && stored.readAt.getTime() >= snapshot.readAt.getTime()) return false;
    this.record = {
      ...structuredClone(EMPTY_SNAPSHOT_RECORD),
      snapshot: structuredClone(snapshot),
    };
    return true;
  }

  async fail(holder: string, { code, failures, retryAt }: RefreshFailure): Promise<void> {
    if (this.record.lease?.holder !== holder) return;
    this.record = {
      ...this.record,
      lease: null,
      failures,
      retryAt: new Date(retryAt),
      lastFailure: code,
    };
  }
}
