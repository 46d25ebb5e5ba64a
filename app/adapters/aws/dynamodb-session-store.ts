import {
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  paginateQuery,
  type QueryCommandInput,
} from '@aws-sdk/client-dynamodb';
import { AwsCallError } from '../../core/errors.js';
import type { VpnSession } from '../../core/model.js';
import { newSessionId } from '../../core/session-lifecycle.js';
import type { SessionStore } from '../../ports/session-store.js';
import { type AwsCallOptions, awsCall, awsErrorName } from './aws-call.js';
import {
  fromLockItem,
  fromSessionItem,
  type Item,
  LOCK_KEY,
  type Lock,
  SESSION_PARTITION,
  sessionKey,
  toLockItem,
  toSessionItem,
} from './dynamodb-session-items.js';
import { SESSIONS_TABLE_SCHEMA } from './sessions-table-schema.js';

export interface DynamoDbSessionStoreOptions {
  client: DynamoDBClient;
  tableName: string;
  call?: AwsCallOptions;
  /** How long before `since` overlapping() looks for sessions that started earlier. */
  lookbackDays?: number;
  /** How long an ended session is kept before DynamoDB's TTL removes it (~13 months). */
  retentionDays?: number;
}

const CONDITION_FAILED = 'ConditionalCheckFailedException';
const NAMES = {
  '#pk': SESSIONS_TABLE_SCHEMA.partitionKey,
  '#sk': SESSIONS_TABLE_SCHEMA.sortKey,
} as const;

/**
 * Sessions in DynamoDB. The open-session lock is a conditional Put (`attribute_not_exists`)
 * on one item: DynamoDB applies it atomically, so of two concurrent opens exactly one wins.
 * (A conditional Put rather than TransactWriteItems: it needs one item only, and dynalite,
 * which the tests run against, has no transactions.)
 */
export class DynamoDbSessionStore implements SessionStore {
  private readonly client: DynamoDBClient;
  private readonly tableName: string;
  private readonly callOptions: AwsCallOptions;
  private readonly lookbackDays: number;
  private readonly retentionDays: number;

  constructor(options: DynamoDbSessionStoreOptions) {
    this.client = options.client;
    this.tableName = options.tableName;
    this.callOptions = options.call ?? {};
    this.lookbackDays = options.lookbackDays ?? 62;
    this.retentionDays = options.retentionDays ?? 396;
  }

  async getOpen(): Promise<VpnSession | null> {
    const lock = await this.readLock();
    if (!lock) return null;
    const holder = await this.holderOf(lock);
    return holder.endedAt === null ? holder : null;
  }

  async open(candidate: VpnSession): Promise<{ session: VpnSession; created: boolean }> {
    // A few rounds at most: each one either wins, finds a live winner, or clears a stale lock.
    for (let round = 0; round < 3; round += 1) {
      try {
        await this.put(toLockItem(candidate, new Date()), {
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': NAMES['#pk'] },
        });
        await this.put(toSessionItem(candidate, this.retentionDays));
        return { session: candidate, created: true };
      } catch (error) {
        if (awsErrorName(error) !== CONDITION_FAILED) throw error;
      }
      const lock = await this.readLock();
      if (!lock) continue; // released between our attempt and this read
      const holder = await this.holderOf(lock);
      if (holder.endedAt === null) return { session: holder, created: false };
      // The holder ended but a close failed before removing its lock: clear it and retry.
      await this.releaseLock(holder.id);
    }
    throw new AwsCallError(
      'PutItem',
      'unavailable',
      'PutItem: could not take the open-session lock; other requests kept changing it.',
    );
  }

  async save(session: VpnSession): Promise<void> {
    await this.put(toSessionItem(session, this.retentionDays));
  }

  async close(session: VpnSession): Promise<void> {
    await this.put(toSessionItem(session, this.retentionDays));
    await this.releaseLock(session.id);
  }

  async recent(limit: number): Promise<VpnSession[]> {
    if (limit <= 0) return [];
    return this.query(
      {
        KeyConditionExpression: '#pk = :partition',
        ExpressionAttributeNames: { '#pk': NAMES['#pk'] },
        ExpressionAttributeValues: { ':partition': { S: SESSION_PARTITION } },
        ScanIndexForward: false,
        Limit: limit,
      },
      limit,
    );
  }

  async overlapping(since: Date): Promise<VpnSession[]> {
    // Ids begin with the start time, so a generous lower bound on the sort key skips old
    // history; the filter keeps sessions still open or ended at/after `since`.
    const lowerBound = newSessionId(new Date(since.getTime() - this.lookbackDays * 86_400_000), '');
    const found = await this.query({
      KeyConditionExpression: '#pk = :partition AND #sk >= :lower',
      FilterExpression: 'attribute_type(#endedAt, :null) OR #endedAt >= :since',
      ExpressionAttributeNames: { ...NAMES, '#endedAt': 'endedAt' },
      ExpressionAttributeValues: {
        ':partition': { S: SESSION_PARTITION },
        ':lower': { S: lowerBound },
        ':null': { S: 'NULL' },
        ':since': { S: since.toISOString() },
      },
      ScanIndexForward: true,
    });
    const from = since.getTime();
    const overlapping = found.filter(
      (session) => session.endedAt === null || Date.parse(session.endedAt) >= from,
    );
    // A session open for longer than the lookback still overlaps: the lock always finds it.
    const open = await this.getOpen();
    if (open && !overlapping.some((session) => session.id === open.id)) overlapping.push(open);
    return overlapping.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  private async readLock(): Promise<Lock | null> {
    const item = await this.get(LOCK_KEY);
    return item ? fromLockItem(item) : null;
  }

  /** The session the lock names, or the lock's own copy if its item is not written yet. */
  private async holderOf(lock: Lock): Promise<VpnSession> {
    const item = await this.get(sessionKey(lock.sessionId));
    return item ? fromSessionItem(item) : lock.snapshot;
  }

  /** Deletes the lock only if it still names `sessionId`: a newer session's lock stays. */
  private async releaseLock(sessionId: string): Promise<void> {
    try {
      await awsCall(
        'DeleteItem',
        (abortSignal) =>
          this.client.send(
            new DeleteItemCommand({
              TableName: this.tableName,
              Key: LOCK_KEY,
              ConditionExpression: '#sessionId = :sessionId',
              ExpressionAttributeNames: { '#sessionId': 'sessionId' },
              ExpressionAttributeValues: { ':sessionId': { S: sessionId } },
            }),
            { abortSignal },
          ),
        this.callOptions,
      );
    } catch (error) {
      if (awsErrorName(error) !== CONDITION_FAILED) throw error;
    }
  }

  private async get(key: Item): Promise<Item | undefined> {
    const output = await awsCall(
      'GetItem',
      (abortSignal) =>
        this.client.send(
          new GetItemCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
          { abortSignal },
        ),
      this.callOptions,
    );
    return output.Item;
  }

  private async put(
    item: Item,
    condition: {
      ConditionExpression?: string;
      ExpressionAttributeNames?: Record<string, string>;
    } = {},
  ): Promise<void> {
    await awsCall(
      'PutItem',
      (abortSignal) =>
        this.client.send(
          new PutItemCommand({ TableName: this.tableName, Item: item, ...condition }),
          {
            abortSignal,
          },
        ),
      this.callOptions,
    );
  }

  private async query(
    input: Omit<QueryCommandInput, 'TableName'>,
    maxItems = Number.POSITIVE_INFINITY,
  ): Promise<VpnSession[]> {
    return awsCall(
      'Query',
      async (abortSignal) => {
        const sessions: VpnSession[] = [];
        const pages = paginateQuery(
          { client: this.client },
          { ...input, TableName: this.tableName, ConsistentRead: true },
          { abortSignal },
        );
        for await (const page of pages) {
          for (const item of page.Items ?? []) sessions.push(fromSessionItem(item));
          if (sessions.length >= maxItems) break;
        }
        return sessions.slice(0, maxItems);
      },
      this.callOptions,
    );
  }
}
