import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  AwsCallError,
  SessionConflictError,
  type StoredSessionInvalidError,
} from '../../core/model/errors.js';
import { newSessionId } from '../../core/model/session-lifecycle.js';
import type { VpnSession } from '../../core/model/vocabulary.js';
import type { SessionStore } from '../../ports/session-store.js';
import type { AwsCallOptions } from './aws-call.js';
import {
  type EndpointItemKeys,
  endpointItemKeys,
  type StorageScope,
} from './dynamodb-item-keys.js';
import {
  fromLockItem,
  fromSessionItem,
  fromSessionItems,
  type Item,
  type Lock,
  sessionKey,
  toLockItem,
  toSessionItem,
} from './dynamodb-session-items.js';
import { DynamoDbTable } from './dynamodb-table.js';
import { SESSIONS_TABLE_SCHEMA } from './sessions-table-schema.js';

export interface DynamoDbSessionStoreOptions {
  client: DynamoDBClient;
  tableName: string;
  call?: AwsCallOptions;
  /**
   * Whose sessions (issue 18): null, the first endpoint's, under today's keys; an endpoint's
   * key, that endpoint's own partitions (dynamodb-item-keys.ts). Today's keys unless told.
   */
  scope?: StorageScope;
  /** How long before `since` overlapping() looks for sessions that started earlier. */
  lookbackDays?: number;
  /** How long an ended session is kept before DynamoDB's TTL removes it (~13 months). */
  retentionDays?: number;
  /**
   * A history item that is not a session the core could have written is left out of
   * `recent` and `overlapping` and reported here (a log line); the open session itself is
   * never guessed at: reading it throws StoredSessionInvalidError.
   */
  onMalformed?: (error: StoredSessionInvalidError) => void;
}

const KEY_NAMES = {
  '#pk': SESSIONS_TABLE_SCHEMA.partitionKey,
  '#sk': SESSIONS_TABLE_SCHEMA.sortKey,
};
const DAY_MS = 86_400_000;

/**
 * Sessions in DynamoDB. The open-session lock is a conditional Put (`attribute_not_exists`)
 * on one item: DynamoDB applies it atomically, so of two concurrent opens exactly one wins.
 * (A conditional Put rather than TransactWriteItems: one item is all it takes, and dynalite,
 * which the tests run against, has no transactions.)
 */
export class DynamoDbSessionStore implements SessionStore {
  private readonly table: DynamoDbTable;
  private readonly keys: EndpointItemKeys;
  private readonly lookbackDays: number;
  private readonly retentionDays: number;
  private readonly onMalformed: (error: StoredSessionInvalidError) => void;

  constructor(options: DynamoDbSessionStoreOptions) {
    this.table = new DynamoDbTable(options.client, options.tableName, options.call ?? {});
    this.keys = endpointItemKeys(options.scope ?? null);
    this.lookbackDays = options.lookbackDays ?? 62;
    this.retentionDays = options.retentionDays ?? 396;
    this.onMalformed = options.onMalformed ?? (() => {});
  }

  async getOpen(): Promise<VpnSession | null> {
    // The lock and, beside it, the newest session: the open session is the newest one, so
    // one round trip usually answers (the status refresh waits on this). The lock stays the
    // judge of which session is open; when the newest is not the one it names, or could not
    // be read, the named one is read as before.
    const [lock, newest] = await Promise.all([
      this.readLock(),
      this.newestSessionItem().catch(() => undefined),
    ]);
    if (!lock) return null;
    const holder =
      newest?.[SESSIONS_TABLE_SCHEMA.sortKey]?.S === lock.sessionId
        ? fromSessionItem(newest)
        : await this.holderOf(lock);
    return holder.endedAt === null ? holder : null;
  }

  async open(candidate: VpnSession): Promise<{ session: VpnSession; created: boolean }> {
    // A few rounds at most: each one wins, finds a live winner, or clears a stale lock.
    for (let round = 0; round < 3; round += 1) {
      const won = await this.table.putIf(toLockItem(this.keys.lock, candidate, new Date()), {
        ConditionExpression: 'attribute_not_exists(#pk)',
        ExpressionAttributeNames: { '#pk': KEY_NAMES['#pk'] },
      });
      if (won) {
        // A loser may already have saved its change over the lock's copy: keep that one.
        await this.table.putIf(
          toSessionItem(candidate, this.keys.sessionPartition, this.retentionDays),
          {
            ConditionExpression: 'attribute_not_exists(#pk)',
            ExpressionAttributeNames: { '#pk': KEY_NAMES['#pk'] },
          },
        );
        return { session: candidate, created: true };
      }
      const lock = await this.readLock();
      if (!lock) continue; // released between our attempt and this read
      const holder = await this.holderOf(lock);
      if (holder.endedAt === null) return { session: holder, created: false };
      // The holder ended but its close failed before removing the lock: clear it, try again.
      await this.releaseLock(holder.id);
    }
    throw new AwsCallError(
      'PutItem',
      'unavailable',
      'PutItem: could not take the open-session lock; other requests kept changing it.',
    );
  }

  async save(session: VpnSession): Promise<void> {
    if (!(await this.putOverRevision(session))) throw new SessionConflictError(session.id);
  }

  async recordConnectRequest(sessionId: string, userId: string, at: Date): Promise<void> {
    // Two atomic updates, no read: DynamoDB applies concurrent updates of one item one after
    // another, so a crowd of taps costs one round trip each and loses nobody. Each bumps the
    // revision, so a read-modify-write based on an older copy is refused.
    const names = { '#pk': KEY_NAMES['#pk'], '#endedAt': 'endedAt', '#revision': 'revision' };
    const open = 'attribute_exists(#pk) AND attribute_type(#endedAt, :null)';
    const common = { ':null': { S: 'NULL' }, ':one': { N: '1' } };
    await Promise.all([
      this.table.updateIf(
        this.sessionKey(sessionId),
        'SET #users = list_append(#users, :newUsers), #revision = #revision + :one',
        {
          ConditionExpression: `${open} AND NOT contains(#users, :user)`,
          ExpressionAttributeNames: { ...names, '#users': 'users' },
          ExpressionAttributeValues: {
            ...common,
            ':user': { S: userId },
            ':newUsers': { L: [{ S: userId }] },
          },
        },
      ),
      this.table.updateIf(
        this.sessionKey(sessionId),
        'SET #last = :at, #revision = #revision + :one',
        {
          ConditionExpression: `${open} AND (attribute_type(#last, :null) OR #last < :at)`,
          ExpressionAttributeNames: { ...names, '#last': 'lastConnectRequestAt' },
          ExpressionAttributeValues: { ...common, ':at': { S: at.toISOString() } },
        },
      ),
      // Who asked when (issue 16): "I'm done" is refused while someone else asked lately.
      this.table.updateIf(
        this.sessionKey(sessionId),
        'SET #requests = list_append(if_not_exists(#requests, :none), :request), #revision = #revision + :one',
        {
          ConditionExpression: open,
          ExpressionAttributeNames: { ...names, '#requests': 'connectRequests' },
          ExpressionAttributeValues: {
            ...common,
            ':none': { L: [] },
            ':request': {
              L: [{ M: { by: { S: userId }, at: { S: at.toISOString() } } }],
            },
          },
        },
      ),
    ]);
  }

  async close(session: VpnSession): Promise<void> {
    if (!(await this.putOverRevision(session))) throw new SessionConflictError(session.id);
    await this.releaseLock(session.id);
  }

  async recent(limit: number): Promise<VpnSession[]> {
    if (limit <= 0) return [];
    const items = await this.table.query(
      {
        KeyConditionExpression: '#pk = :partition',
        ExpressionAttributeNames: { '#pk': KEY_NAMES['#pk'] },
        ExpressionAttributeValues: { ':partition': { S: this.keys.sessionPartition } },
        ScanIndexForward: false,
        Limit: limit,
      },
      limit,
    );
    return fromSessionItems(items, this.onMalformed);
  }

  async overlapping(since: Date): Promise<VpnSession[]> {
    // Ids begin with the start time, so a generous lower bound on the sort key skips old
    // history; the filter keeps sessions still open or ended at/after `since`.
    const lowerBound = newSessionId(new Date(since.getTime() - this.lookbackDays * DAY_MS), '');
    const items = await this.table.query({
      KeyConditionExpression: '#pk = :partition AND #sk >= :lower',
      FilterExpression: 'attribute_type(#endedAt, :null) OR #endedAt >= :since',
      ExpressionAttributeNames: { ...KEY_NAMES, '#endedAt': 'endedAt' },
      ExpressionAttributeValues: {
        ':partition': { S: this.keys.sessionPartition },
        ':lower': { S: lowerBound },
        ':null': { S: 'NULL' },
        ':since': { S: since.toISOString() },
      },
      ScanIndexForward: true,
    });
    // The string filter above trims the transfer; this exact check does not rely on format.
    const overlapping = fromSessionItems(items, this.onMalformed).filter(
      (session) => session.endedAt === null || Date.parse(session.endedAt) >= since.getTime(),
    );
    // A session open for longer than the look-back still overlaps: the lock always finds it.
    const open = await this.getOpen();
    if (open && !overlapping.some((session) => session.id === open.id)) overlapping.push(open);
    return overlapping.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /**
   * Optimistic concurrency: writes `session` only over the revision it was read at, never
   * over an ended session; a missing item is the winner's first copy not written yet.
   */
  private putOverRevision(session: VpnSession): Promise<boolean> {
    return this.table.putIf(
      toSessionItem(
        { ...session, revision: session.revision + 1 },
        this.keys.sessionPartition,
        this.retentionDays,
      ),
      {
        ConditionExpression:
          'attribute_not_exists(#pk) OR (#revision = :revision AND attribute_type(#endedAt, :null))',
        ExpressionAttributeNames: {
          '#pk': KEY_NAMES['#pk'],
          '#revision': 'revision',
          '#endedAt': 'endedAt',
        },
        ExpressionAttributeValues: {
          ':revision': { N: String(session.revision) },
          ':null': { S: 'NULL' },
        },
      },
    );
  }

  private async newestSessionItem(): Promise<Item | undefined> {
    const [item] = await this.table.query(
      {
        KeyConditionExpression: '#pk = :partition',
        ExpressionAttributeNames: { '#pk': KEY_NAMES['#pk'] },
        ExpressionAttributeValues: { ':partition': { S: this.keys.sessionPartition } },
        ScanIndexForward: false,
        Limit: 1,
      },
      1,
    );
    return item;
  }

  private async readLock(): Promise<Lock | null> {
    const item = await this.table.get(this.keys.lock);
    return item ? fromLockItem(item) : null;
  }

  private sessionKey(sessionId: string): Item {
    return sessionKey(this.keys.sessionPartition, sessionId);
  }

  /** The session the lock names, or the lock's own copy if its item is not written yet. */
  private async holderOf(lock: Lock): Promise<VpnSession> {
    const item = await this.table.get(this.sessionKey(lock.sessionId));
    return item ? fromSessionItem(item) : lock.snapshot;
  }

  /** Deletes the lock only if it still names `sessionId`: a newer session's lock stays. */
  private async releaseLock(sessionId: string): Promise<void> {
    await this.table.deleteIf(this.keys.lock, {
      ConditionExpression: '#sessionId = :sessionId',
      ExpressionAttributeNames: { '#sessionId': 'sessionId' },
      ExpressionAttributeValues: { ':sessionId': { S: sessionId } },
    });
  }
}
