import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { VpnSession } from '../../core/model/vocabulary.js';
import { SESSIONS_TABLE_SCHEMA } from './sessions-table-schema.js';

/** How sessions and the open-session lock are laid out in the sessions table. */

export const SESSION_PARTITION = 'session';
const LOCK_KEY_VALUES = {
  [SESSIONS_TABLE_SCHEMA.partitionKey]: 'lock',
  [SESSIONS_TABLE_SCHEMA.sortKey]: 'open',
};

const KEY_ATTRIBUTES: ReadonlySet<string> = new Set([
  SESSIONS_TABLE_SCHEMA.partitionKey,
  SESSIONS_TABLE_SCHEMA.sortKey,
  SESSIONS_TABLE_SCHEMA.timeToLiveAttribute,
]);

const DAY_SECONDS = 86_400;

export type Item = Record<string, AttributeValue>;

export const LOCK_KEY: Item = marshall(LOCK_KEY_VALUES);

const MARSHALL_OPTIONS = { removeUndefinedValues: true } as const;

export function sessionKey(sessionId: string): Item {
  return marshall({
    [SESSIONS_TABLE_SCHEMA.partitionKey]: SESSION_PARTITION,
    [SESSIONS_TABLE_SCHEMA.sortKey]: sessionId,
  });
}

/**
 * The session as stored. An ended session carries `expiresAt` (epoch seconds) so DynamoDB's
 * TTL removes it `retentionDays` after it ended; open sessions never expire.
 */
export function toSessionItem(session: VpnSession, retentionDays: number): Item {
  const endedMs = session.endedAt === null ? Number.NaN : Date.parse(session.endedAt);
  const expiresAt = Number.isNaN(endedMs)
    ? undefined
    : Math.floor(endedMs / 1000) + retentionDays * DAY_SECONDS;
  return marshall(
    {
      ...session,
      [SESSIONS_TABLE_SCHEMA.partitionKey]: SESSION_PARTITION,
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
export function toLockItem(session: VpnSession, lockedAt: Date): Item {
  return marshall(
    { ...LOCK_KEY_VALUES, sessionId: session.id, lockedAt: lockedAt.toISOString(), session },
    MARSHALL_OPTIONS,
  );
}

export interface Lock {
  sessionId: string;
  snapshot: VpnSession;
}

export function fromLockItem(item: Item): Lock | null {
  const record = unmarshall(item);
  if (typeof record.sessionId !== 'string' || typeof record.session !== 'object') return null;
  return { sessionId: record.sessionId, snapshot: toSession(record.session) };
}

export function fromSessionItem(item: Item): VpnSession {
  return toSession(unmarshall(item));
}

/** The store round-trips what the core gave it; only the table's own attributes are removed. */
function toSession(record: Record<string, unknown>): VpnSession {
  const session: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(record)) {
    if (!KEY_ATTRIBUTES.has(name)) session[name] = value;
  }
  session.revision ??= 0;
  return session as unknown as VpnSession;
}
