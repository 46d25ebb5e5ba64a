import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import * as z from '../../config/validation.js';
import { StoredSessionInvalidError } from '../../core/model/errors.js';
import type { VpnSession } from '../../core/model/vocabulary.js';
import { SESSIONS_TABLE_SCHEMA } from './sessions-table-schema.js';

/**
 * How sessions and the open-session lock are laid out in the sessions table; which partition
 * holds an endpoint's is dynamodb-item-keys.ts's rule.
 */

const DAY_SECONDS = 86_400;

export type Item = Record<string, AttributeValue>;

const MARSHALL_OPTIONS = { removeUndefinedValues: true } as const;

export function sessionKey(partition: string, sessionId: string): Item {
  return marshall({
    [SESSIONS_TABLE_SCHEMA.partitionKey]: partition,
    [SESSIONS_TABLE_SCHEMA.sortKey]: sessionId,
  });
}

/**
 * The session as stored. An ended session carries `expiresAt` (epoch seconds) so DynamoDB's
 * TTL removes it `retentionDays` after it ended; open sessions never expire.
 */
export function toSessionItem(session: VpnSession, partition: string, retentionDays: number): Item {
  const endedMs = session.endedAt === null ? Number.NaN : Date.parse(session.endedAt);
  const expiresAt = Number.isNaN(endedMs)
    ? undefined
    : Math.floor(endedMs / 1000) + retentionDays * DAY_SECONDS;
  return marshall(
    {
      ...session,
      [SESSIONS_TABLE_SCHEMA.partitionKey]: partition,
      [SESSIONS_TABLE_SCHEMA.sortKey]: session.id,
      [SESSIONS_TABLE_SCHEMA.timeToLiveAttribute]: expiresAt,
    },
    MARSHALL_OPTIONS,
  );
}

/**
 * The lock names the open session and carries a copy of it as it was opened: a reader that
 * wins the race to the lock before the winner's session item is written still gets an answer.
 */
export function toLockItem(lockKey: Item, session: VpnSession, lockedAt: Date): Item {
  return {
    ...lockKey,
    ...marshall(
      { sessionId: session.id, lockedAt: lockedAt.toISOString(), session },
      MARSHALL_OPTIONS,
    ),
  };
}

export interface Lock {
  sessionId: string;
  snapshot: VpnSession;
}

const isoTime = z.string().check(z.refine((text) => !Number.isNaN(Date.parse(text)), 'not a time'));
const count = z.number().check(z.int(), z.nonnegative());
const byteCount = z
  .number()
  .check(z.refine(Number.isSafeInteger, 'not a byte count'), z.nonnegative());

/**
 * What a session item must hold to be read as a VpnSession. Attributes it does not name
 * (the table's keys, the TTL) are dropped; a missing revision reads as 0, as items written
 * before revisions existed have none. The keys are listed in the order the core builds a
 * session (session-lifecycle.ts), so a session read back compares equal to one rebuilt from
 * the same facts, and a steady status poll writes nothing.
 */
const storedSession = z.object({
  id: z.string().check(z.minLength(1)),
  startedBy: z.string(),
  startedAt: isoTime,
  readyAt: z.nullable(isoTime),
  endedAt: z.nullable(isoTime),
  endReason: z.nullable(z.enum(['idle', 'admin', 'failed', 'external', 'done'])),
  users: z.array(z.string()),
  peakConnections: count,
  connections: z.array(
    z.object({
      connectionId: z.string(),
      user: z.string(),
      connectedAt: isoTime,
      endedAt: z.nullable(isoTime),
      // Written since the quiet-connection rule (issue 14); older items have none of these.
      checkpoint: z.optional(
        z.object({ ingressBytes: byteCount, egressBytes: byteCount, at: isoTime }),
      ),
      lastTrafficAt: z.optional(isoTime),
      endedFor: z.optional(z.enum(['no-traffic'])),
      quietMinutes: z.optional(count),
    }),
  ),
  subnetCount: count,
  lastConnectRequestAt: z.nullable(isoTime),
  connectRequests: z.optional(z.array(z.object({ by: z.string(), at: isoTime }))),
  keepOn: z.optional(z.nullable(z.object({ by: z.string(), at: isoTime, until: isoTime }))),
  queuedConnect: z.nullable(z.object({ by: z.string(), at: isoTime })),
  failure: z.nullable(z.string()),
  revision: z._default(count, 0),
});

export function fromLockItem(item: Item): Lock | null {
  const record = unmarshall(item);
  if (typeof record.sessionId !== 'string' || typeof record.session !== 'object') return null;
  return { sessionId: record.sessionId, snapshot: toSession(record.session, 'lock') };
}

/** Throws StoredSessionInvalidError when the item is not a session the core could have written. */
export function fromSessionItem(item: Item): VpnSession {
  const record = unmarshall(item);
  return toSession(record, String(record[SESSIONS_TABLE_SCHEMA.sortKey] ?? 'without a key'));
}

/** Reads what it can of a page of session items; each malformed one goes to `onMalformed`. */
export function fromSessionItems(
  items: readonly Item[],
  onMalformed: (error: StoredSessionInvalidError) => void,
): VpnSession[] {
  return items.flatMap((item) => {
    try {
      return [fromSessionItem(item)];
    } catch (error) {
      if (!(error instanceof StoredSessionInvalidError)) throw error;
      onMalformed(error);
      return [];
    }
  });
}

function toSession(record: unknown, key: string): VpnSession {
  const parsed = storedSession.safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StoredSessionInvalidError(
      key,
      `${issue?.path.join('.') || 'item'} ${issue?.message ?? 'is invalid'}`,
    );
  }
  return parsed.data;
}
