import {
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DynaliteFixture, startDynalite } from '../../testing/dynalite.js';
import { statusViewIn as view } from '../../testing/status-views.js';
import {
  endpointSnapshotsContract,
  statusSnapshotsContract,
} from '../contract/status-snapshots.contract.js';
import { DynamoDbStatusSnapshots } from './dynamodb-status-snapshots.js';

/*
 * DynamoDB behaviour relied on here, from the DynamoDB API reference:
 * - UpdateItem applies its ConditionExpression and update atomically; a false condition fails
 *   with ConditionalCheckFailedException and writes nothing; ReturnValues ALL_NEW answers the
 *   item as written, and an update of a missing item creates it
 *   (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateItem.html);
 * - PutItem replaces the whole item, under the same condition rules
 *   (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutItem.html);
 * - GetItem with ConsistentRead answers the latest write
 *   (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GetItem.html).
 */

let dynalite: DynaliteFixture;
beforeAll(async () => {
  dynalite = await startDynalite();
});
afterAll(async () => {
  await dynalite?.stop();
});

async function freshStore() {
  const tableName = await dynalite.createSessionsTable();
  return { store: new DynamoDbStatusSnapshots({ client: dynalite.client, tableName }), tableName };
}

statusSnapshotsContract(
  'DynamoDbStatusSnapshots (dynalite)',
  async () => (await freshStore()).store,
);
statusSnapshotsContract(
  'DynamoDbStatusSnapshots for a second endpoint (dynalite)',
  async () =>
    new DynamoDbStatusSnapshots({
      client: dynalite.client,
      tableName: await dynalite.createSessionsTable(),
      scope: 'staging',
    }),
);
endpointSnapshotsContract('DynamoDbStatusSnapshots (dynalite), one table', async () => {
  const tableName = await dynalite.createSessionsTable();
  const client = dynalite.client;
  return [
    new DynamoDbStatusSnapshots({ client, tableName, scope: null }),
    new DynamoDbStatusSnapshots({ client, tableName, scope: 'staging' }),
  ];
});

describe('DynamoDbStatusSnapshots layout', () => {
  it('keeps the snapshot in one small item beside the sessions: pk "status", sk "snapshot"', async () => {
    const { store, tableName } = await freshStore();
    const readAt = new Date('2026-03-02T09:00:00Z');
    await store.publish({ view: view('ready'), readAt }, 'instance-a');

    const { Item } = await dynalite.client.send(
      new GetItemCommand({
        TableName: tableName,
        Key: { pk: { S: 'status' }, sk: { S: 'snapshot' } },
      }),
    );

    expect(Item?.readAt).toEqual({ N: String(readAt.getTime()) });
    expect(Item?.refresher).toEqual({ S: 'instance-a' });
    expect(JSON.parse(Item?.view?.S ?? '')).toEqual(view('ready'));
    // Under 1 KB: one write request unit per write, one read unit per strongly consistent read.
    expect(JSON.stringify(Item).length).toBeLessThan(1024);
  });
});

describe('DynamoDbStatusSnapshots against what DynamoDB answers', () => {
  const client = new DynamoDBClient({ region: 'eu-west-1', maxAttempts: 1 });
  const ddb = mockClient(client);
  const store = new DynamoDbStatusSnapshots({
    client,
    tableName: 'vpn-sessions',
    call: { sleep: async () => {} },
  });

  it('reads a stored view that is not what the portal writes as no snapshot', async () => {
    ddb.reset();
    // GetItem's answer, `Item` as an attribute map:
    // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GetItem.html#API_GetItem_ResponseSyntax
    ddb.on(GetItemCommand).resolves({
      Item: {
        pk: { S: 'status' },
        sk: { S: 'snapshot' },
        view: { S: '{"state":"on fire"}' },
        readAt: { N: '1772442000000' },
        failures: { N: '2' },
      },
    });

    await expect(store.read()).resolves.toMatchObject({ snapshot: null, failures: 2 });
  });

  it('asks for the lease with one conditional update that answers the whole item', async () => {
    ddb.reset();
    ddb.on(UpdateItemCommand).resolves({
      Attributes: {
        pk: { S: 'status' },
        sk: { S: 'snapshot' },
        leaseHolder: { S: 'instance-a' },
        leaseUntil: { N: '1772442010000' },
      },
    });
    const now = new Date(1772442000000);

    const record = await store.lease({
      holder: 'instance-a',
      now,
      until: new Date(1772442010000),
      staleBefore: new Date(1772441997000),
      graceBefore: new Date(1772441996000),
    });

    expect(record?.lease).toEqual({ holder: 'instance-a', until: new Date(1772442010000) });
    const input = ddb.commandCalls(UpdateItemCommand)[0]?.args[0].input;
    expect(input).toMatchObject({
      TableName: 'vpn-sessions',
      Key: { pk: { S: 'status' }, sk: { S: 'snapshot' } },
      ReturnValues: 'ALL_NEW',
    });
    expect(input?.ConditionExpression).toContain('#readAt <= :staleBefore');
    expect(input?.ConditionExpression).toContain('#refresher = :holder OR #readAt <= :graceBefore');
    expect(ddb.commandCalls(PutItemCommand)).toHaveLength(0);
  });
});
