import {
  DynamoDBClient,
  GetItemCommand,
  ProvisionedThroughputExceededException,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AwsCallError, StoredSessionInvalidError } from '../../core/model/errors.js';
import { type DynaliteFixture, startDynalite } from '../../testing/dynalite.js';
import {
  endpointSessionsContract,
  session,
  sessionStoreContract,
} from '../contract/session-store.contract.js';
import { DynamoDbSessionStore } from './dynamodb-session-store.js';

/*
 * DynamoDB behaviour relied on here, from the DynamoDB API reference:
 * - PutItem with ConditionExpression "attribute_not_exists(pk)" fails with
 *   ConditionalCheckFailedException when the item exists
 *   (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutItem.html);
 * - Query with ScanIndexForward false returns the sort key descending, and pages with
 *   LastEvaluatedKey (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html);
 * - TTL reads a Number attribute holding epoch seconds
 *   (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/time-to-live-ttl-before-you-start.html).
 */

let dynalite: DynaliteFixture;
beforeAll(async () => {
  dynalite = await startDynalite();
});
afterAll(async () => {
  await dynalite?.stop();
});

async function freshStore(): Promise<{ store: DynamoDbSessionStore; tableName: string }> {
  const tableName = await dynalite.createSessionsTable();
  return { store: new DynamoDbSessionStore({ client: dynalite.client, tableName }), tableName };
}

sessionStoreContract('DynamoDbSessionStore (dynalite)', async () => (await freshStore()).store);
// Issue 18: an endpoint after the first keeps its sessions under its own key, and must
// behave exactly as the first does there.
sessionStoreContract(
  'DynamoDbSessionStore for a second endpoint (dynalite)',
  async () =>
    new DynamoDbSessionStore({
      client: dynalite.client,
      tableName: await dynalite.createSessionsTable(),
      scope: 'staging',
    }),
);
endpointSessionsContract('DynamoDbSessionStore (dynalite), one table', async () => {
  const tableName = await dynalite.createSessionsTable();
  const client = dynalite.client;
  return [
    new DynamoDbSessionStore({ client, tableName, scope: null }),
    new DynamoDbSessionStore({ client, tableName, scope: 'staging' }),
  ];
});

async function rawItem(tableName: string, pk: string, sk: string) {
  const output = await dynalite.client.send(
    new GetItemCommand({ TableName: tableName, Key: marshall({ pk, sk }) }),
  );
  return output.Item ? unmarshall(output.Item) : undefined;
}

describe('DynamoDbSessionStore layout', () => {
  it('stores sessions under pk "session" and the lock under pk "lock", sk "open"', async () => {
    const { store, tableName } = await freshStore();
    const opened = session('2026-11-29T09:00:00Z');

    await store.open(opened);

    expect(await rawItem(tableName, 'session', opened.id)).toMatchObject({
      id: opened.id,
      startedBy: opened.startedBy,
    });
    expect(await rawItem(tableName, 'lock', 'open')).toMatchObject({ sessionId: opened.id });
  });

  it('lets an ended session expire about 13 months after it ended, and never an open one', async () => {
    const { store, tableName } = await freshStore();
    const opened = session('2026-11-29T09:00:00Z');
    await store.open(opened);
    expect((await rawItem(tableName, 'session', opened.id))?.expiresAt).toBeUndefined();

    await store.close({ ...opened, endedAt: '2026-11-29T10:00:00.000Z', endReason: 'idle' });

    const expiresAt = (await rawItem(tableName, 'session', opened.id))?.expiresAt;
    const endedSeconds = Date.parse('2026-11-29T10:00:00.000Z') / 1000;
    expect(expiresAt).toBe(endedSeconds + 396 * 86_400);
  });

  it('answers with the lock holder even before the winner has written its session item', async () => {
    const { store, tableName } = await freshStore();
    const winner = session('2026-11-29T09:00:00Z', { startedBy: 'kim' });
    // The winner has taken the lock but not yet written its session item.
    await dynalite.client.send(
      new PutItemCommand({
        TableName: tableName,
        Item: marshall({ pk: 'lock', sk: 'open', sessionId: winner.id, session: winner }),
      }),
    );

    const result = await store.open(session('2026-11-29T09:00:01Z', { startedBy: 'lee' }));

    expect(result).toEqual({ session: winner, created: false });
  });

  it('clears a lock left behind by a session that has ended, then opens', async () => {
    const { store, tableName } = await freshStore();
    const old = session('2026-11-28T09:00:00Z');
    const endedOld = { ...old, endedAt: '2026-11-28T10:00:00.000Z', endReason: 'idle' as const };
    // A close that wrote the ended session but crashed before deleting the lock.
    await store.save(endedOld);
    await dynalite.client.send(
      new PutItemCommand({
        TableName: tableName,
        Item: marshall({ pk: 'lock', sk: 'open', sessionId: old.id, session: old }),
      }),
    );
    await expect(store.getOpen()).resolves.toBeNull();

    const next = session('2026-11-29T09:00:00Z');
    await expect(store.open(next)).resolves.toEqual({ session: next, created: true });
  });

  it('still finds a session that has been open for longer than its look-back', async () => {
    const tableName = await dynalite.createSessionsTable();
    const store = new DynamoDbSessionStore({ client: dynalite.client, tableName, lookbackDays: 1 });
    const longRunning = session('2026-10-01T09:00:00Z');
    await store.open(longRunning);

    const overlapping = await store.overlapping(new Date('2026-11-29T00:00:00Z'));

    expect(overlapping.map((item) => item.id)).toEqual([longRunning.id]);
  });

  it('reads every page when the history is longer than one query page', async () => {
    const { store } = await freshStore();
    const padding = 'x'.repeat(60_000);
    const sessions = Array.from({ length: 20 }, (_, day) =>
      session(`2026-11-${String(day + 1).padStart(2, '0')}T09:00:00Z`, { failure: padding }),
    );
    for (const item of sessions) await store.save({ ...item, endedAt: '2026-11-30T00:00:00.000Z' });

    const overlapping = await store.overlapping(new Date('2026-11-29T00:00:00Z'));

    expect(overlapping).toHaveLength(20);
  });
});

describe('DynamoDbSessionStore reading items it did not write', () => {
  async function putRaw(tableName: string, item: Record<string, unknown>) {
    await dynalite.client.send(new PutItemCommand({ TableName: tableName, Item: marshall(item) }));
  }

  it('leaves a malformed history item out of recent sessions and reports it', async () => {
    const tableName = await dynalite.createSessionsTable();
    const reported: string[] = [];
    const store = new DynamoDbSessionStore({
      client: dynalite.client,
      tableName,
      onMalformed: (error) => reported.push(error.message),
    });
    const good = session('2026-11-28T09:00:00Z');
    await store.open(good);
    await store.close({ ...good, endedAt: '2026-11-28T10:00:00.000Z', endReason: 'idle' });
    // Hand-edited in the console: users became a string, startedAt lost.
    await putRaw(tableName, {
      pk: 'session',
      sk: '20261129T090000Z-hand',
      id: '20261129T090000Z-hand',
      users: 'kim',
    });

    const recent = await store.recent(10);

    expect(recent.map((s) => s.id)).toEqual([good.id]);
    expect(reported).toHaveLength(1);
    expect(reported[0]).toContain('20261129T090000Z-hand');
  });

  it('reads the open session in one round trip: the lock and the newest session together', async () => {
    const { store } = await freshStore();
    const opened = session('2026-11-29T09:00:00Z');
    await store.open(opened);
    const sent: string[] = [];
    const count =
      (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) =>
      async (args: unknown) => {
        sent.push(context.commandName ?? '?');
        return next(args);
      };
    dynalite.client.middlewareStack.add(count as never, { step: 'initialize', name: 'countCalls' });
    try {
      await expect(store.getOpen()).resolves.toEqual(opened);
    } finally {
      dynalite.client.middlewareStack.remove('countCalls');
    }
    expect(sent.sort()).toEqual(['GetItemCommand', 'QueryCommand']);
  });

  it('still reads the session the lock names when a newer item is not it', async () => {
    const { store, tableName } = await freshStore();
    const opened = session('2026-11-29T09:00:00Z');
    await store.open(opened);
    const later = session('2026-11-29T10:00:00Z', { startedBy: 'console' });
    await putRaw(tableName, { ...later, pk: 'session', sk: later.id, endedAt: later.startedAt });

    await expect(store.getOpen()).resolves.toEqual(opened);
  });

  it('refuses to guess at a malformed open session: reading it throws StoredSessionInvalidError', async () => {
    const { store, tableName } = await freshStore();
    const opened = session('2026-11-29T09:00:00Z');
    await store.open(opened);
    await putRaw(tableName, { ...opened, pk: 'session', sk: opened.id, peakConnections: -3 });

    await expect(store.getOpen()).rejects.toBeInstanceOf(StoredSessionInvalidError);
  });

  it('reads connections stored before the quiet-connection rule, without traffic fields', async () => {
    const { store, tableName } = await freshStore();
    const opened = session('2026-11-29T09:00:00Z');
    await store.open(opened);
    const connection = {
      connectionId: 'cvpn-connection-0aaa',
      user: 'kim',
      connectedAt: '2026-11-29T09:05:00.000Z',
      endedAt: null,
    };
    await putRaw(tableName, { ...opened, pk: 'session', sk: opened.id, connections: [connection] });

    await expect(store.getOpen()).resolves.toEqual({ ...opened, connections: [connection] });
  });

  it.each([
    ['a byte counter below zero', { ingressBytes: -1, egressBytes: 0, at: '2026-11-29T09:10:00Z' }],
    ['a byte counter as text', { ingressBytes: '12', egressBytes: 0, at: '2026-11-29T09:10:00Z' }],
    ['a checkpoint without a time', { ingressBytes: 12, egressBytes: 0 }],
  ])(
    'refuses an open session whose connection has %s, as any malformed item',
    async (_case, checkpoint) => {
      const { store, tableName } = await freshStore();
      const opened = session('2026-11-29T09:00:00Z');
      await store.open(opened);
      const connection = {
        connectionId: 'cvpn-connection-0aaa',
        user: 'kim',
        connectedAt: '2026-11-29T09:05:00.000Z',
        endedAt: null,
        checkpoint,
      };
      await putRaw(tableName, {
        ...opened,
        pk: 'session',
        sk: opened.id,
        connections: [connection],
      });

      await expect(store.getOpen()).rejects.toBeInstanceOf(StoredSessionInvalidError);
    },
  );

  it('reads an item written before sessions had revisions as revision 0', async () => {
    const { store, tableName } = await freshStore();
    const opened = session('2026-11-29T09:00:00Z');
    await store.open(opened);
    const { revision: _revision, ...withoutRevision } = opened;
    await putRaw(tableName, { ...withoutRevision, pk: 'session', sk: opened.id });

    await expect(store.getOpen()).resolves.toEqual({ ...opened, revision: 0 });
  });
});

describe('DynamoDbSessionStore when DynamoDB struggles', () => {
  it('retries throttling and then reports AwsCallError("throttled")', async () => {
    const client = new DynamoDBClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    const dynamo = mockClient(client);
    dynamo.on(GetItemCommand).rejects(
      new ProvisionedThroughputExceededException({
        $metadata: { httpStatusCode: 400 },
        message: 'The level of configured provisioned throughput for the table was exceeded.',
      }),
    );
    const sleep = vi.fn(async (_ms: number) => {});
    const store = new DynamoDbSessionStore({ client, tableName: 'sessions', call: { sleep } });

    const failure = await store.getOpen().catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(AwsCallError);
    expect(failure).toMatchObject({ code: 'aws_throttled', operation: 'GetItem' });
    expect(dynamo.commandCalls(GetItemCommand)).toHaveLength(3);
  });
});
