import { spawn } from 'node:child_process';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESSIONS_TABLE_SCHEMA } from '../adapters/aws/sessions-table-schema.js';

/**
 * An in-process DynamoDB (dynalite: no Java, no Docker) on a free loopback port, started by
 * the test that needs it. `createSessionsTable()` makes a fresh, empty table per call so each
 * test starts clean without restarting the server.
 */
export interface DynaliteFixture {
  client: DynamoDBClient;
  endpoint: string;
  createSessionsTable(): Promise<string>;
  stop(): Promise<void>;
}

interface DynaliteOptions {
  createTableMs?: number;
  deleteTableMs?: number;
  updateTableMs?: number;
}

// dynalite ships CommonJS without types; this is the one function we use from it.
const loadDynalite = createRequire(import.meta.url)('dynalite') as (
  options: DynaliteOptions,
) => Server;

let tableCounter = 0;

/**
 * `inChildProcess`: run dynalite in its own Node process, so that, like a real DynamoDB, it
 * does not compete for the CPU with the code being measured (the benchmark uses this).
 */
export async function startDynalite(
  options: { inChildProcess?: boolean } = {},
): Promise<DynaliteFixture> {
  const { port, close } = options.inChildProcess ? await listenInChild() : await listenHere();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'dynalite', secretAccessKey: 'dynalite' },
    maxAttempts: 1,
  });

  return {
    client,
    endpoint,
    async createSessionsTable() {
      tableCounter += 1;
      const tableName = `sessions-${process.pid}-${tableCounter}`;
      await createSessionsTableNamed(client, tableName);
      return tableName;
    },
    async stop() {
      client.destroy();
      await close();
    },
  };
}

/** A sessions table with the stack's key schema, ACTIVE when this resolves. */
export async function createSessionsTableNamed(
  client: DynamoDBClient,
  tableName: string,
): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: SESSIONS_TABLE_SCHEMA.partitionKey, AttributeType: 'S' },
        { AttributeName: SESSIONS_TABLE_SCHEMA.sortKey, AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: SESSIONS_TABLE_SCHEMA.partitionKey, KeyType: 'HASH' },
        { AttributeName: SESSIONS_TABLE_SCHEMA.sortKey, KeyType: 'RANGE' },
      ],
    }),
  );
  await waitUntilActive(client, tableName);
}

/** The SDK waiter polls once a second at best; dynalite is ready within milliseconds. */
async function waitUntilActive(client: DynamoDBClient, tableName: string): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt += 1) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`dynalite table ${tableName} did not become ACTIVE`);
}

interface Listening {
  port: number;
  close(): Promise<void>;
}

async function listenHere(): Promise<Listening> {
  const server = loadDynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  };
}

const CHILD_SCRIPT = `
const server = require('dynalite')({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
`;

async function listenInChild(): Promise<Listening> {
  const child = spawn(process.execPath, ['-e', CHILD_SCRIPT], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`dynalite exited with ${code}`)));
    child.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
  });
  return {
    port,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    },
  };
}
