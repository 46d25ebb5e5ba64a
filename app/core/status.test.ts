import { describe, expect, it } from 'vitest';
import { ASSOCIATE_MS, TEST_SUBNETS, testCoreDeps } from '../testing/core-deps.js';
import { connect } from './connect.js';
import { reconcile } from './live-state.js';
import { readStatus } from './status.js';

describe('readStatus', () => {
  it('shows off with nothing to count down when nobody asked for the VPN', async () => {
    const deps = testCoreDeps();
    expect(await readStatus(deps)).toEqual({
      state: 'off',
      associations: [],
      activeConnections: 0,
      lastActivityAt: null,
      autoDisconnectAt: null,
      idleTimeoutMinutes: 30,
      typicalStartSeconds: 300,
      startedAt: null,
      connectQueued: false,
      failure: null,
      quietEnds: [],
    });
  });

  it('shows starting with every association and when the start began', async () => {
    const deps = testCoreDeps();
    await connect(deps, 'mina');
    const status = await readStatus(deps);
    expect(status).toMatchObject({
      state: 'starting',
      startedAt: deps.clock.now().toISOString(),
      lastActivityAt: deps.clock.now().toISOString(),
    });
    expect(status.associations.map((a) => [a.subnetId, a.status])).toEqual(
      TEST_SUBNETS.map((subnet) => [subnet, 'associating']),
    );
  });

  it('shows ready with the time of auto-off counted from the last activity', async () => {
    const deps = testCoreDeps();
    await connect(deps, 'mina');
    const connectedAt = deps.clock.now().getTime();
    deps.clock.advance(ASSOCIATE_MS);
    expect(await readStatus(deps)).toMatchObject({
      state: 'ready',
      activeConnections: 0,
      autoDisconnectAt: new Date(connectedAt + 30 * 60_000).toISOString(),
    });
  });

  it('shows no auto-off time while someone is connected', async () => {
    const deps = testCoreDeps();
    await connect(deps, 'mina');
    deps.clock.advance(ASSOCIATE_MS);
    deps.simulator.connectClient('mina');
    expect(await readStatus(deps)).toMatchObject({ activeConnections: 1, autoDisconnectAt: null });
  });

  it('uses the median start time of recent sessions as the typical start', async () => {
    const deps = testCoreDeps();
    await connect(deps, 'mina');
    deps.clock.advance(ASSOCIATE_MS);
    await reconcile(deps);
    expect((await readStatus(deps)).typicalStartSeconds).toBe(ASSOCIATE_MS / 1000);
  });

  it('rejects when AWS cannot be read, for the caller to show as error', async () => {
    const deps = testCoreDeps();
    deps.simulator.injectFault({ kind: 'unavailable', operation: 'describeConnections' });
    await expect(readStatus(deps)).rejects.toMatchObject({ code: 'aws_unavailable' });
  });

  it('writes nothing while the VPN is steady: a poll only reads', async () => {
    const deps = testCoreDeps();
    await connect(deps, 'mina');
    deps.clock.advance(ASSOCIATE_MS);
    await readStatus(deps); // records when it became ready
    const before = await deps.store.getOpen();

    deps.advanceMinutes(1);
    await readStatus(deps);
    await readStatus(deps);

    expect(await deps.store.getOpen()).toEqual(before);
  });

  it('records a new connection on the poll that first sees it', async () => {
    const deps = testCoreDeps();
    await connect(deps, 'mina');
    deps.clock.advance(ASSOCIATE_MS);
    await readStatus(deps);
    deps.simulator.connectClient('jun');

    await readStatus(deps);

    expect((await deps.store.getOpen())?.users).toContain('jun');
  });
});
