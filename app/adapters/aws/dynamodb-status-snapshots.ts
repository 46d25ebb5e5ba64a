import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import * as z from '../../config/validation.js';
import type { CoreErrorCode } from '../../core/model/errors.js';
import type { StatusView } from '../../core/model/status-view.js';
import {
  EMPTY_SNAPSHOT_RECORD,
  type LeaseRequest,
  type RefreshFailure,
  type SnapshotRecord,
  type StatusSnapshot,
  type StatusSnapshotStore,
} from '../../ports/status-snapshots.js';
import type { AwsCallOptions } from './aws-call.js';
import { endpointItemKeys, type StorageScope } from './dynamodb-item-keys.js';
import type { Item } from './dynamodb-session-items.js';
import { DynamoDbTable } from './dynamodb-table.js';

export interface DynamoDbStatusSnapshotsOptions {
  client: DynamoDBClient;
  tableName: string;
  call?: AwsCallOptions;
  /**
   * Whose snapshot (issue 18): null, the first endpoint's, `pk = "status"`, `sk = "snapshot"`
   * as before; an endpoint's key, `pk = "status#<key>"` (dynamodb-item-keys.ts).
   */
  scope?: StorageScope;
}

const NAMES = {
  '#readAt': 'readAt',
  '#refresher': 'refresher',
  '#leaseHolder': 'leaseHolder',
  '#leaseUntil': 'leaseUntil',
  '#retryAt': 'retryAt',
};

const isoTime = z.string().check(z.refine((text) => !Number.isNaN(Date.parse(text)), 'not a time'));
const count = z.number().check(z.int(), z.nonnegative());

/** What a stored view must hold to be shown; anything else reads as no snapshot. */
const storedView = z.object({
  state: z.enum(['off', 'starting', 'ready', 'stopping', 'error']),
  associations: z.array(
    z.object({
      subnetId: z.string(),
      associationId: z.string(),
      status: z.enum([
        'associating',
        'associated',
        'association-failed',
        'disassociating',
        'disassociated',
      ]),
    }),
  ),
  activeConnections: count,
  lastActivityAt: z.nullable(isoTime),
  autoDisconnectAt: z.nullable(isoTime),
  idleTimeoutMinutes: count,
  typicalStartSeconds: z.number().check(z.nonnegative()),
  startedAt: z.nullable(isoTime),
  connectQueued: z.boolean(),
  failure: z.nullable(z.string()),
  // Snapshots written before these fields existed still parse.
  quietEnds: z._default(
    z.array(z.object({ user: z.string(), endedAt: isoTime, quietMinutes: count })),
    [],
  ),
  keptOnUntil: z.optional(z.nullable(isoTime)),
});

/**
 * The status snapshot as one item of the sessions table (no table of its own: same owner,
 * same encryption and backups, and the calls the portal may already make on it). Times are
 * epoch milliseconds so that conditions compare them; the view is stored as JSON text, which
 * keeps the item well under 1 KB (one write unit) and is read back through a schema.
 * Every write is conditional: the lease is one UpdateItem whose condition DynamoDB checks
 * and applies atomically, so two instances racing for it cannot both win.
 */
export class DynamoDbStatusSnapshots implements StatusSnapshotStore {
  private readonly table: DynamoDbTable;
  private readonly key: Item;

  constructor(options: DynamoDbStatusSnapshotsOptions) {
    this.table = new DynamoDbTable(options.client, options.tableName, options.call ?? {});
    this.key = endpointItemKeys(options.scope ?? null).snapshot;
  }

  async read(): Promise<SnapshotRecord> {
    const item = await this.table.get(this.key);
    return item ? toRecord(item) : structuredClone(EMPTY_SNAPSHOT_RECORD);
  }

  async lease(request: LeaseRequest): Promise<SnapshotRecord | null> {
    const { holder, now, until, staleBefore, graceBefore } = request;
    const item = await this.table.updateIfReturning(
      this.key,
      'SET #leaseHolder = :holder, #leaseUntil = :until',
      {
        ConditionExpression: [
          '(attribute_not_exists(#readAt) OR #readAt <= :staleBefore)',
          '(attribute_not_exists(#refresher) OR #refresher = :holder OR #readAt <= :graceBefore)',
          '(attribute_not_exists(#leaseUntil) OR #leaseUntil <= :now)',
          '(attribute_not_exists(#retryAt) OR #retryAt <= :now)',
        ].join(' AND '),
        ExpressionAttributeNames: NAMES,
        ExpressionAttributeValues: {
          ':holder': { S: holder },
          ':until': millis(until),
          ':staleBefore': millis(staleBefore),
          ':graceBefore': millis(graceBefore),
          ':now': millis(now),
        },
      },
    );
    return item ? toRecord(item) : null;
  }

  async publish({ view, readAt }: StatusSnapshot, refresher: string): Promise<boolean> {
    // The whole item: the lease, the failures and the backoff go with the old snapshot.
    return this.table.putIf(
      {
        ...this.key,
        view: { S: JSON.stringify(view) },
        readAt: millis(readAt),
        refresher: { S: refresher },
      },
      {
        ConditionExpression: 'attribute_not_exists(#readAt) OR #readAt < :readAt',
        ExpressionAttributeNames: { '#readAt': NAMES['#readAt'] },
        ExpressionAttributeValues: { ':readAt': millis(readAt) },
      },
    );
  }

  async fail(holder: string, { code, failures, retryAt }: RefreshFailure): Promise<void> {
    await this.table.updateIf(
      this.key,
      'SET #failures = :failures, #retryAt = :retryAt, #lastFailure = :code REMOVE #leaseHolder, #leaseUntil, #refresher',
      {
        ConditionExpression: '#leaseHolder = :holder',
        ExpressionAttributeNames: {
          '#failures': 'failures',
          '#retryAt': NAMES['#retryAt'],
          '#lastFailure': 'lastFailure',
          '#leaseHolder': NAMES['#leaseHolder'],
          '#leaseUntil': NAMES['#leaseUntil'],
          '#refresher': NAMES['#refresher'],
        },
        ExpressionAttributeValues: {
          ':failures': { N: String(failures) },
          ':retryAt': millis(retryAt),
          ':code': { S: code },
          ':holder': { S: holder },
        },
      },
    );
  }
}

function millis(at: Date): { N: string } {
  return { N: String(at.getTime()) };
}

function numberOf(item: Item, name: string): number | null {
  const value = item[name]?.N;
  const parsed = value === undefined ? Number.NaN : Number(value);
  return Number.isFinite(parsed) ? parsed : null;
}

function dateOf(item: Item, name: string): Date | null {
  const ms = numberOf(item, name);
  return ms === null ? null : new Date(ms);
}

function toRecord(item: Item): SnapshotRecord {
  const readAt = dateOf(item, 'readAt');
  const view = readAt ? parseView(item.view?.S) : null;
  const holder = item.leaseHolder?.S;
  const until = dateOf(item, 'leaseUntil');
  return {
    snapshot: view && readAt ? { view, readAt } : null,
    refresher: item.refresher?.S ?? null,
    lease: holder && until ? { holder, until } : null,
    failures: numberOf(item, 'failures') ?? 0,
    retryAt: dateOf(item, 'retryAt'),
    lastFailure: (item.lastFailure?.S as CoreErrorCode | undefined) ?? null,
  };
}

function parseView(text: string | undefined): StatusView | null {
  if (text === undefined) return null;
  try {
    const parsed = storedView.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
