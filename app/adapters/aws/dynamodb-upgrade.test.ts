import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { EC2Client } from '@aws-sdk/client-ec2';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSettings } from '../../config/settings.js';
import type { VpnSession } from '../../core/model/vocabulary.js';
import { type DynaliteFixture, startDynalite } from '../../testing/dynalite.js';
import { statusViewIn as view } from '../../testing/status-views.js';
import { session } from '../contract/session-store.contract.js';
import { createAwsAdapters } from './create-aws-adapters.js';

/*
 * Issue 18: a table the single-endpoint version wrote is read after the upgrade as the first
 * endpoint's (its keys: pk "session" / "lock" / "status"), and as nothing of any other
 * endpoint's. The items below are written with the raw DynamoDB client exactly as that
 * version's adapter wrote them (dynamodb-session-items.ts and dynamodb-status-snapshots.ts at
 * commit 9b0090e): the session with its attributes beside pk/sk and the TTL, the lock naming
 * it with a copy, the snapshot's view as JSON text and its times as epoch milliseconds.
 */

let dynalite: DynaliteFixture;
beforeAll(async () => {
  dynalite = await startDynalite();
});
afterAll(async () => {
  await dynalite?.stop();
});

const NOW = new Date('2026-11-30T09:30:00Z');
const ended: VpnSession = {
  ...session('2026-11-30T07:00:00Z', { startedBy: 'kim.minji@example.com' }),
  readyAt: '2026-11-30T07:05:00.000Z',
  endedAt: '2026-11-30T08:00:00.000Z',
  endReason: 'idle',
  revision: 4,
};
const open: VpnSession = {
  ...session('2026-11-30T09:00:00Z', { startedBy: 'lee@example.com' }),
  readyAt: '2026-11-30T09:04:00.000Z',
  connectRequests: [{ by: 'lee@example.com', at: '2026-11-30T09:00:00.000Z' }],
  revision: 2,
};

async function tableWrittenBySingleEndpointVersion(): Promise<string> {
  const tableName = await dynalite.createSessionsTable();
  const put = (item: Record<string, unknown>) =>
    dynalite.client.send(
      new PutItemCommand({
        TableName: tableName,
        Item: marshall(item, { removeUndefinedValues: true }),
      }),
    );
  const expiresAt = Math.floor(Date.parse(ended.endedAt ?? '') / 1000) + 396 * 86_400;
  await put({ ...ended, pk: 'session', sk: ended.id, expiresAt });
  await put({ ...open, pk: 'session', sk: open.id });
  await put({
    pk: 'lock',
    sk: 'open',
    sessionId: open.id,
    lockedAt: open.startedAt,
    session: { ...open, revision: 0 },
  });
  await dynalite.client.send(
    new PutItemCommand({
      TableName: tableName,
      Item: {
        pk: { S: 'status' },
        sk: { S: 'snapshot' },
        view: { S: JSON.stringify(view('ready')) },
        readAt: { N: String(NOW.getTime()) },
        refresher: { S: 'instance-a' },
      },
    }),
  );
  return tableName;
}

/** Both endpoints of local mode's settings, on `tableName`: Seoul office first, Staging second. */
function adaptersOf(tableName: string) {
  const settings = { ...loadSettings({}, 'local'), sessionsTable: tableName };
  const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
  const clients = {
    // Never called here: only the sessions table is read.
    ec2: new EC2Client({ region: 'eu-west-1', credentials }),
    cloudWatch: new CloudWatchClient({ region: 'eu-west-1', credentials }),
    dynamoDb: dynalite.client,
  };
  const [seoul, staging] = settings.endpoints.map((endpoint) =>
    createAwsAdapters(settings, endpoint, { clients }),
  );
  if (!seoul || !staging) throw new Error('local mode lists two endpoints');
  return { seoul, staging };
}

describe('a sessions table written before several endpoints (issue 18)', () => {
  it("reads as the first endpoint's sessions, lock and snapshot", async () => {
    const { seoul } = adaptersOf(await tableWrittenBySingleEndpointVersion());

    await expect(seoul.store.getOpen()).resolves.toEqual(open);
    await expect(seoul.store.recent(10)).resolves.toEqual([open, ended]);
    await expect(seoul.store.overlapping(new Date('2026-11-01T00:00:00Z'))).resolves.toEqual([
      ended,
      open,
    ]);
    expect((await seoul.snapshots.read()).snapshot).toEqual({ view: view('ready'), readAt: NOW });
  });

  it('keeps working on those items: a connect joins the open session, a new open waits for it', async () => {
    const { seoul } = adaptersOf(await tableWrittenBySingleEndpointVersion());

    await seoul.store.recordConnectRequest(open.id, 'park@example.com', NOW);
    const joined = await seoul.store.open(session('2026-11-30T09:30:00Z'));

    expect(joined.created).toBe(false);
    expect(joined.session).toMatchObject({
      id: open.id,
      users: ['lee@example.com', 'park@example.com'],
      lastConnectRequestAt: NOW.toISOString(),
    });
  });

  it('reads as nothing of any other endpoint, which starts with a lock of its own', async () => {
    const { staging } = adaptersOf(await tableWrittenBySingleEndpointVersion());

    await expect(staging.store.getOpen()).resolves.toBeNull();
    await expect(staging.store.recent(10)).resolves.toEqual([]);
    expect((await staging.snapshots.read()).snapshot).toBeNull();
    const candidate = session('2026-11-30T09:30:00Z');
    await expect(staging.store.open(candidate)).resolves.toEqual({
      session: candidate,
      created: true,
    });
  });
});
