import { PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DynaliteFixture, startDynalite } from '../../testing/dynalite.js';
import { runLogContract } from '../contract/run-log.contract.js';
import { DynamoDbRunLog } from './dynamodb-run-log.js';

/*
 * PutItem replaces the whole item under its ConditionExpression; a false condition fails with
 * ConditionalCheckFailedException and writes nothing
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutItem.html).
 */

let dynalite: DynaliteFixture;
beforeAll(async () => {
  dynalite = await startDynalite();
});
afterAll(async () => {
  await dynalite?.stop();
});

async function freshLog() {
  const tableName = await dynalite.createSessionsTable();
  return { log: new DynamoDbRunLog({ client: dynalite.client, tableName }), tableName };
}

runLogContract('DynamoDbRunLog (dynalite)', async () => (await freshLog()).log);

describe('DynamoDbRunLog layout', () => {
  it('keeps one small item per trigger beside the sessions: pk "run", sk the trigger', async () => {
    const { log, tableName } = await freshLog();
    await log.record({
      trigger: 'alarm',
      at: new Date('2026-03-02T09:00:00Z'),
      outcome: 'declined',
      reason: 'x'.repeat(2_000),
    });

    const items = (await dynalite.client.send(new ScanCommand({ TableName: tableName }))).Items;

    expect(items).toEqual([
      {
        pk: { S: 'run' },
        sk: { S: 'alarm' },
        at: { N: String(Date.parse('2026-03-02T09:00:00Z')) },
        outcome: { S: 'declined' },
        reason: { S: 'x'.repeat(500) },
      },
    ]);
  });

  it('reads an item it did not write as no run rather than a wrong one', async () => {
    const { log, tableName } = await freshLog();
    await dynalite.client.send(
      new PutItemCommand({
        TableName: tableName,
        Item: { pk: { S: 'run' }, sk: { S: 'sweep' }, at: { S: 'yesterday' } },
      }),
    );
    await expect(log.lastRuns()).resolves.toEqual({});
  });
});
