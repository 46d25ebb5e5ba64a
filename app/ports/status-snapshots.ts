import type { CoreErrorCode } from '../core/model/errors.js';
import type { StatusView } from '../core/model/status-view.js';

/** One read of the endpoint as every portal instance answers it, and when the read began. */
export interface StatusSnapshot {
  view: StatusView;
  readAt: Date;
}

/** The stored record: the last good snapshot, who is refreshing it, and any backoff. */
export interface SnapshotRecord {
  snapshot: StatusSnapshot | null;
  /**
   * The instance that stored the snapshot: it refreshes it next, and the others leave it
   * that turn until the grace period after the snapshot went stale has passed.
   */
  refresher: string | null;
  /** An instance refreshing the snapshot now; others leave EC2 alone until `until`. */
  lease: { holder: string; until: Date } | null;
  /** Refreshes that failed in a row since the last good one. */
  failures: number;
  /** After failures: no refresh starts before this. */
  retryAt: Date | null;
  /** What the last failed refresh met, for a poll left with nothing young enough to show. */
  lastFailure: CoreErrorCode | null;
}

export interface LeaseRequest {
  holder: string;
  now: Date;
  /** When the lease lapses if its holder never reports back (it crashed, it timed out). */
  until: Date;
  /** Only a snapshot read at or before this is stale enough to refresh. */
  staleBefore: Date;
  /** The refresher's turn lapses for a snapshot read at or before this. */
  graceBefore: Date;
}

export interface RefreshFailure {
  code: CoreErrorCode;
  failures: number;
  retryAt: Date;
}

/**
 * The fleet-wide status snapshot (issue 15): every portal instance answers polls from it,
 * and at most one at a time refreshes it from EC2. Implemented on the sessions table
 * (`DynamoDbStatusSnapshots`) and in memory (`InMemoryStatusSnapshots`).
 */
export interface StatusSnapshotStore {
  /** The record as it is now; an empty store reads as no snapshot, no lease, no backoff. */
  read(): Promise<SnapshotRecord>;
  /**
   * Takes the refresh lease for `holder` only if the stored snapshot is missing or was read
   * at or before `staleBefore`, no other lease holds at `now`, no backoff runs at `now`, and
   * `holder` is the refresher or the refresher's turn has lapsed (`graceBefore`). Atomic: of
   * concurrent callers at most one gets the record (with its lease); the others get null.
   */
  lease(request: LeaseRequest): Promise<SnapshotRecord | null>;
  /**
   * Stores `snapshot` with `refresher` as the next refresher, unless a snapshot read later is
   * stored already, and clears the lease, the failures and the backoff. Answers whether it
   * was stored.
   */
  publish(snapshot: StatusSnapshot, refresher: string): Promise<boolean>;
  /**
   * The lease holder's refresh failed: releases the lease, ends the refresher's turn and
   * holds refreshes off until `failure.retryAt`. Does nothing when `holder` no longer holds
   * the lease.
   */
  fail(holder: string, failure: RefreshFailure): Promise<void>;
}

export const EMPTY_SNAPSHOT_RECORD: SnapshotRecord = {
  snapshot: null,
  refresher: null,
  lease: null,
  failures: 0,
  retryAt: null,
  lastFailure: null,
};
