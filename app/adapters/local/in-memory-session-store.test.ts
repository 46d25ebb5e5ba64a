import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  endpointSessionsContract,
  session,
  sessionStoreContract,
} from '../contract/session-store.contract.js';
import { InMemorySessionStore } from './in-memory-session-store.js';

sessionStoreContract('InMemorySessionStore', () => new InMemorySessionStore());
// Local mode gives each simulated endpoint a store of its own.
endpointSessionsContract('InMemorySessionStore', async () => [
  new InMemorySessionStore(),
  new InMemorySessionStore(),
]);

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'vpn-sessions-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

sessionStoreContract(
  'InMemorySessionStore with a file',
  () => new InMemorySessionStore({ filePath: join(directory, `sessions-${Math.random()}.json`) }),
);

describe('InMemorySessionStore with a file', () => {
  it('keeps history and the open session across a restart', async () => {
    const filePath = join(directory, 'sessions.json');
    const before = new InMemorySessionStore({ filePath });
    const ended = session('2026-11-28T09:00:00Z');
    await before.open(ended);
    await before.close({ ...ended, endedAt: '2026-11-28T10:00:00.000Z', endReason: 'idle' });
    const open = session('2026-11-29T09:00:00Z');
    await before.open(open);

    const after = new InMemorySessionStore({ filePath });

    await expect(after.getOpen()).resolves.toEqual(open);
    expect((await after.recent(10)).map((item) => item.id)).toEqual([open.id, ended.id]);
  });

  it('starts empty when the file does not exist yet, and creates its folder on first write', async () => {
    const filePath = join(directory, 'nested', 'sessions.json');
    const store = new InMemorySessionStore({ filePath });

    await expect(store.recent(5)).resolves.toEqual([]);
    await store.open(session('2026-11-29T09:00:00Z'));

    const written = JSON.parse(await readFile(filePath, 'utf8')) as { sessions: unknown[] };
    expect(written.sessions).toHaveLength(1);
  });

  it('writes the last state when changes come quickly one after another', async () => {
    const filePath = join(directory, 'sessions.json');
    const store = new InMemorySessionStore({ filePath });
    const opened = session('2026-11-29T09:00:00Z');
    await store.open(opened);

    // Each save builds on the previous revision without waiting for its file write.
    await Promise.all(
      [1, 2, 3, 4, 5].map((peak) =>
        store.save({ ...opened, peakConnections: peak, revision: peak - 1 }),
      ),
    );

    const reloaded = new InMemorySessionStore({ filePath });
    await expect(reloaded.getOpen()).resolves.toMatchObject({ peakConnections: 5 });
  });

  it('refuses to start from a damaged file and says which file', async () => {
    const filePath = join(directory, 'sessions.json');
    await writeFile(filePath, '{"version":1,"sessions":[', 'utf8');

    expect(() => new InMemorySessionStore({ filePath })).toThrow(
      /sessions\.json is not valid JSON/,
    );
  });
});
