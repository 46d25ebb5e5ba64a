import { describe, expect, it } from 'vitest';
import { ASSOCIATE_MS, DISASSOCIATE_MS, TEST_SUBNETS, testCoreDeps } from '../testing/core-deps.js';
import { autoDisconnect } from './auto-disconnect.js';
import { connect } from './connect.js';
import { reconcile } from './live-state.js';
import { AwsCallError } from './model/errors.js';
import { readStatus } from './status.js';

const tick = (deps: ReturnType<typeof testCoreDeps>, ms: number) => deps.clock.advance(ms);

describe('connect', () => {
  it('starts one association per configured subnet and opens a session', async () => {
    const deps = testCoreDeps();
    const result = await connect(deps, 'mina');

    expect(result).toEqual({ outcome: 'started', warnings: [] });
    const associations = await deps.simulator.describeAssociations();
    expect(associations.map((a) => [a.subnetId, a.status])).toEqual(
      TEST_SUBNETS.map((subnet) => [subnet, 'associating']),
    );
    expect(await deps.store.getOpen()).toMatchObject({ startedBy: 'mina', users: ['mina'] });
  });

  it('publishes the connect request as activity', async () => {
    const deps = testCoreDeps();
    await connect(deps, 'mina');
    const fiveMinutesOn = new Date(deps.clock.now().getTime() + 5 * 60_000);
    expect(await deps.metrics.lastActivitySince(deps.clock.now(), fiveMinutesOn)).toEqual(
      deps.clock.now(),
    );
    expect(deps.metrics.period(deps.clock.now().getTime())).toEqual({ connects: 1 });
  });

  it('still counts as activity when the VPN is already up', async () => {
    const deps = testCoreDeps();
    await connect(deps, 'mina');
    tick(deps, ASSOCIATE_MS);
    deps.advanceMinutes(10);
    const result = await connect(deps, 'kenji');

    expect(result.outcome).toBe('already-up');
    expect(deps.metrics.period(deps.clock.now().getTime())).toEqual({ connects: 1 });
    expect(await deps.store.getOpen()).toMatchObject({
      users: ['mina', 'kenji'],
      lastConnectRequestAt: deps.clock.now().toISOString(),
    });
  });

  it('joins a start already under way without asking AWS again', async () => {
    const deps = testCoreDeps();
    await connect(deps, 'mina');
    deps.vpn.resetCounts();
    expect((await connect(deps, 'kenji')).outcome).toBe('joined');
    expect(deps.vpn.calls.associate).toBe(0);
  });

  it('ends twenty concurrent connects with exactly one association per subnet', async () => {
    const deps = testCoreDeps();
    const users = Array.from({ length: 20 }, (_, i) => `user-${i}`);
    const results = await Promise.all(users.map((user) => connect(deps, user)));

    expect(results.filter((r) => r.outcome === 'started')).toHaveLength(1);
    const associations = await deps.simulator.describeAssociations();
    expect(associations.map((a) => a.subnetId).sort()).toEqual([...TEST_SUBNETS].sort());
    expect(await deps.store.recent(10)).toHaveLength(1);
  });

  it('records every one of twenty concurrent taps in the session, losing nobody', async () => {
    const deps = testCoreDeps();
    const users = Array.from({ length: 20 }, (_, i) => `user-${i}`);
    await Promise.all(users.map((user) => connect(deps, user)));

    const open = await deps.store.getOpen();
    expect([...(open?.users ?? [])].sort()).toEqual([...users].sort());
  });

  it('asks AWS once per subnet however many taps arrive together', async () => {
    const deps = testCoreDeps();
    await Promise.all(Array.from({ length: 20 }, (_, i) => connect(deps, `user-${i}`)));

    expect(deps.vpn.calls.associate).toBe(TEST_SUBNETS.length);
  });

  it('keeps a tap made while a status refresh was saving the same session', async () => {
    const deps = testCoreDeps();
    await connect(deps, 'mina');
    tick(deps, ASSOCIATE_MS);
    await Promise.all([reconcile(deps), connect(deps, 'jun'), reconcile(deps)]);

    const open = await deps.store.getOpen();
    expect(open?.users).toEqual(expect.arrayContaining(['mina', 'jun']));
    expect(open?.readyAt).not.toBeNull();
  });

  it('queues a connect while stopping and carries it out when stopping ends, without a second tap', async () => {
    const deps = testCoreDeps();
    await connect(deps, 'mina');
    tick(deps, ASSOCIATE_MS);
    deps.advanceMinutes(31);
    await autoDisconnect(deps, 'alarm');
    expect((await reconcile(deps)).state).toBe('stopping');

    expect((await connect(deps, 'kenji')).outcome).toBe('queued');
    expect((await readStatus(deps)).connectQueued).toBe(true);

    tick(deps, DISASSOCIATE_MS);
    deps.vpn.resetCounts();
    const after = await reconcile(deps);
    expect(after.state).toBe('starting');
    expect(deps.vpn.calls.associate).toBe(TEST_SUBNETS.length);

    tick(deps, ASSOCIATE_MS);
    expect((await reconcile(deps)).state).toBe('ready');
    expect(await deps.store.getOpen()).toMatchObject({ startedBy: 'kenji', queuedConnect: null });
  });

  it('queues only once when several people tap while stopping', async () => {
    const deps = testCoreDeps();
    await connect(deps, 'mina');
    tick(deps, ASSOCIATE_MS);
    deps.advanceMinutes(31);
    await autoDisconnect(deps, 'alarm');
    await Promise.all([connect(deps, 'kenji'), connect(deps, 'sora')]);
    tick(deps, DISASSOCIATE_MS);
    await reconcile(deps);
    expect(await deps.simulator.describeAssociations()).toHaveLength(TEST_SUBNETS.length);
  });

  it('shows error with the failure kept when AWS refuses the start, and a retry recovers', async () => {
    const deps = testCoreDeps({ policy: { subnetIds: [TEST_SUBNETS[0] ?? ''] } });
    deps.simulator.injectFault({ kind: 'unavailable', operation: 'associate' });
    await expect(connect(deps, 'mina')).rejects.toBeInstanceOf(AwsCallError);

    const failed = await readStatus(deps);
    expect(failed.state).toBe('error');
    expect(failed.failure).toEqual(expect.any(String));

    deps.advanceMinutes(1);
    expect((await connect(deps, 'mina')).outcome).toBe('started');
    tick(deps, ASSOCIATE_MS);
    expect((await readStatus(deps)).state).toBe('ready');
    const [latest, previous] = await deps.store.recent(2);
    expect(previous).toMatchObject({ endReason: 'failed' });
    expect(latest).toMatchObject({ endReason: null, failure: null });
  });

  it('keeps no failure on the session when AWS only throttled, so the next tap simply retries', async () => {
    const deps = testCoreDeps();
    deps.simulator.injectFault({ kind: 'throttled', operation: 'describeAssociations' });
    await expect(connect(deps, 'mina')).rejects.toMatchObject({ code: 'aws_throttled' });
    expect((await readStatus(deps)).state).toBe('off');
    expect((await connect(deps, 'mina')).outcome).toBe('started');
  });

  it('queues the retry after a failed association until the failed one is gone, then gets ready', async () => {
    const deps = testCoreDeps({ policy: { subnetIds: [TEST_SUBNETS[0] ?? ''] } });
    deps.simulator.failNextAssociation('There are not enough free addresses in the subnet.');
    await connect(deps, 'mina');
    tick(deps, ASSOCIATE_MS);
    const failed = await readStatus(deps);
    expect(failed).toMatchObject({
      state: 'error',
      failure: 'There are not enough free addresses in the subnet.',
    });

    deps.advanceMinutes(1);
    expect((await connect(deps, 'mina')).outcome).toBe('queued');
    expect((await readStatus(deps)).state).toBe('stopping');
    tick(deps, DISASSOCIATE_MS);
    expect((await readStatus(deps)).state).toBe('starting');
    tick(deps, ASSOCIATE_MS);
    expect((await readStatus(deps)).state).toBe('ready');
    const [latest, previous] = await deps.store.recent(2);
    expect(previous).toMatchObject({
      endReason: 'failed',
      failure: 'There are not enough free addresses in the subnet.',
    });
    expect(latest).toMatchObject({ endReason: null, readyAt: deps.clock.now().toISOString() });
  });

  it('warns but still connects when the activity metric cannot be published', async () => {
    const deps = testCoreDeps();
    deps.metrics.recordConnectRequest = async () => {
      throw new Error('PutMetricData throttled');
    };
    const result = await connect(deps, 'mina');
    expect(result.outcome).toBe('started');
    expect(result.warnings).toEqual([expect.stringContaining('PutMetricData throttled')]);
  });
});
