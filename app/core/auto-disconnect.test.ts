import { describe, expect, it } from 'vitest';
import { ASSOCIATE_MS, TEST_SUBNETS, testCoreDeps } from '../testing/core-deps.js';
import { unreadableSessionStore } from '../testing/unreadable-session-store.js';
import { autoDisconnect } from './auto-disconnect.js';
import { connect } from './connect.js';
import { reconcile } from './live-state.js';
import { readStatus } from './status.js';

/** The VPN started by mina and ready, at 09:01. */
async function readyVpn() {
  const deps = testCoreDeps();
  await connect(deps, 'mina');
  deps.clock.advance(ASSOCIATE_MS);
  await reconcile(deps);
  return deps;
}

describe('autoDisconnect', () => {
  it('disassociates every subnet and ends the session as idle when nobody used the VPN', async () => {
    const deps = await readyVpn();
    deps.advanceMinutes(31);
    const result = await autoDisconnect(deps, 'alarm');

    expect(result.decision).toMatchObject({ action: 'disassociate' });
    expect((await deps.simulator.describeAssociations()).map((a) => a.status)).toEqual(
      TEST_SUBNETS.map(() => 'disassociating'),
    );
    const [session] = await deps.store.recent(1);
    expect(session).toMatchObject({
      id: result.endedSessionId,
      endReason: 'idle',
      endedAt: deps.clock.now().toISOString(),
    });
    expect(await deps.store.getOpen()).toBeNull();
  });

  it('declines and resets the alarm when a client is connected', async () => {
    const deps = await readyVpn();
    deps.simulator.connectClient('mina');
    deps.advanceMinutes(90);
    const result = await autoDisconnect(deps, 'alarm');

    expect(result).toMatchObject({ decision: { action: 'decline' }, alarmReset: true });
    expect(deps.alarm.state.value).toBe('OK');
    expect(deps.alarm.resetHistory).toHaveLength(1);
    expect(deps.vpn.calls.disassociate).toBe(0);
  });

  it('declines and resets the alarm when a connect request is within the idle timeout', async () => {
    const deps = await readyVpn();
    deps.advanceMinutes(20);
    await connect(deps, 'kenji');
    deps.advanceMinutes(20);
    const result = await autoDisconnect(deps, 'alarm');

    expect(result.decision.action).toBe('decline');
    expect(deps.alarm.resetHistory).toEqual([
      { reason: expect.stringContaining('idle timeout'), at: deps.clock.now() },
    ]);
    expect(await deps.store.getOpen()).not.toBeNull();
  });

  it('finds a recent connect request in the metric even when the session store missed it', async () => {
    const deps = await readyVpn();
    deps.advanceMinutes(40);
    await deps.metrics.recordConnectRequest(deps.clock.now());
    deps.advanceMinutes(6);
    expect((await autoDisconnect(deps, 'alarm')).decision.action).toBe('decline');
  });

  it('declines without touching the alarm when the safety-net sweep finds the VPN in use', async () => {
    const deps = await readyVpn();
    deps.simulator.connectClient('mina');
    deps.advanceMinutes(90);
    const result = await autoDisconnect(deps, 'sweep');

    expect(result).toMatchObject({ decision: { action: 'decline' }, alarmReset: false });
    expect(deps.alarm.resetHistory).toEqual([]);
  });

  it('lets the safety-net sweep turn off a VPN whose alarm was missed', async () => {
    const deps = await readyVpn();
    deps.advanceMinutes(120);
    expect((await autoDisconnect(deps, 'sweep')).decision.action).toBe('disassociate');
  });

  it('does nothing twice when invoked twice', async () => {
    const deps = await readyVpn();
    deps.advanceMinutes(31);
    await autoDisconnect(deps, 'alarm');
    const disassociations = deps.vpn.calls.disassociate;
    const again = await autoDisconnect(deps, 'alarm');

    expect(again).toMatchObject({ decision: { action: 'nothing' }, endedSessionId: null });
    expect(deps.vpn.calls.disassociate).toBe(disassociations);
    expect((await deps.store.recent(5)).filter((s) => s.endReason === 'idle')).toHaveLength(1);
  });

  it('does nothing when the VPN is already off', async () => {
    const deps = testCoreDeps();
    const result = await autoDisconnect(deps, 'alarm');
    expect(result.decision.action).toBe('nothing');
    expect(deps.vpn.calls.disassociate).toBe(0);
  });

  it('counts the idle time from when the last client disconnected', async () => {
    const deps = await readyVpn();
    const client = deps.simulator.connectClient('mina');
    deps.advanceMinutes(60);
    deps.simulator.disconnectClient(client.connectionId);
    deps.advanceMinutes(25);
    expect((await autoDisconnect(deps, 'alarm')).decision.action).toBe('decline');
    deps.advanceMinutes(6);
    expect((await autoDisconnect(deps, 'alarm')).decision.action).toBe('disassociate');
  });
});

describe('autoDisconnect with a witness it cannot read: leaning toward off', () => {
  const statuses = async (deps: Awaited<ReturnType<typeof readyVpn>>) =>
    (await deps.simulator.describeAssociations()).map((a) => a.status);

  it('removes an idle association when the sessions table cannot be read, and says so', async () => {
    const deps = await readyVpn();
    deps.advanceMinutes(31);

    const result = await autoDisconnect({ ...deps, store: unreadableSessionStore() }, 'alarm');

    expect(result.decision.action).toBe('disassociate');
    expect(await statuses(deps)).toEqual(TEST_SUBNETS.map(() => 'disassociating'));
    expect(result.unreadable).toEqual(['sessions']);
    expect(result.closing).toBe('unrecorded');
  });

  it('removes an idle association when the metrics cannot be read', async () => {
    const deps = await readyVpn();
    deps.advanceMinutes(31);

    deps.metrics.setReadsUnavailable(true);

    const result = await autoDisconnect(deps, 'alarm');

    expect(result.decision.action).toBe('disassociate');
    expect(result.unreadable).toEqual(['metrics']);
    expect(await deps.store.getOpen()).toBeNull();
  });

  it('removes it with both unreadable, deciding from the connections EC2 lists', async () => {
    const deps = await readyVpn();
    const client = deps.simulator.connectClient('mina');
    deps.advanceMinutes(10);
    deps.simulator.disconnectClient(client.connectionId);
    deps.advanceMinutes(31);
    deps.metrics.setReadsUnavailable(true);
    const blind = { ...deps, store: unreadableSessionStore() };

    const result = await autoDisconnect(blind, 'alarm');

    expect(result.decision.action).toBe('disassociate');
    expect(result.unreadable.sort()).toEqual(['metrics', 'sessions']);
  });

  it('still declines when EC2 shows someone connected or a connection ended within the idle time', async () => {
    const deps = await readyVpn();
    const client = deps.simulator.connectClient('mina');
    deps.advanceMinutes(40);
    deps.metrics.setReadsUnavailable(true);
    const blind = { ...deps, store: unreadableSessionStore() };
    expect((await autoDisconnect(blind, 'alarm')).decision.action).toBe('decline');

    deps.simulator.disconnectClient(client.connectionId);
    deps.advanceMinutes(5);
    expect((await autoDisconnect(blind, 'alarm')).decision.action).toBe('decline');
    expect(await statuses(deps)).toEqual(TEST_SUBNETS.map(() => 'associated'));
  });

  it('fails, touching nothing, when EC2 itself cannot be read', async () => {
    const deps = await readyVpn();
    deps.advanceMinutes(31);
    deps.simulator.injectFault({ kind: 'unavailable', operation: 'describeAssociations' });

    await expect(autoDisconnect(deps, 'alarm')).rejects.toMatchObject({ code: 'aws_unavailable' });
    expect(await statuses(deps)).toEqual(TEST_SUBNETS.map(() => 'associated'));
  });
});

describe('autoDisconnect with an idle timeout longer than EC2 remembers connections', () => {
  /** 120 minutes idle; mina was connected for three hours and left at `left`. */
  async function longSession() {
    const deps = testCoreDeps({ policy: { idleTimeoutMinutes: 120 } });
    await connect(deps, 'mina');
    deps.clock.advance(ASSOCIATE_MS);
    await reconcile(deps);
    const client = deps.simulator.connectClient('mina');
    for (let hour = 0; hour < 3; hour += 1) {
      deps.advanceMinutes(60);
      await reconcile(deps); // the sweep, or a poll
    }
    deps.simulator.disconnectClient(client.connectionId);
    const left = deps.clock.now();
    deps.advanceMinutes(15);
    await reconcile(deps); // the next sweep sees the end while EC2 still lists it
    return { deps, left };
  }

  it('keeps the promised auto-off time after EC2 has forgotten the ended connection', async () => {
    const { deps, left } = await longSession();
    const promised = (await readStatus(deps)).autoDisconnectAt;
    expect(promised).toBe(new Date(left.getTime() + 120 * 60_000).toISOString());

    deps.advanceMinutes(50); // 65 minutes after the end: EC2 lists it no more
    expect(await deps.simulator.describeConnections()).toEqual([]);

    expect((await readStatus(deps)).autoDisconnectAt).toBe(promised);
    expect((await autoDisconnect(deps, 'alarm')).decision.action).toBe('decline');
  });

  it('turns the VPN off once the promised time has come, not before', async () => {
    const { deps, left } = await longSession();
    deps.advanceMinutes(120 - 15 - 1);
    expect((await autoDisconnect(deps, 'alarm')).decision.action).toBe('decline');
    deps.advanceMinutes(1);

    const result = await autoDisconnect(deps, 'alarm');

    expect(result.decision.action).toBe('disassociate');
    expect(deps.clock.now().getTime() - left.getTime()).toBe(120 * 60_000);
  });

  it('counts a connection it saw active and then found gone as ending when it was found gone', async () => {
    const deps = testCoreDeps({ policy: { idleTimeoutMinutes: 120 } });
    await connect(deps, 'mina');
    deps.clock.advance(ASSOCIATE_MS);
    const client = deps.simulator.connectClient('mina');
    await reconcile(deps); // recorded as active
    deps.simulator.disconnectClient(client.connectionId);
    deps.advanceMinutes(61); // nobody looked until EC2 had forgotten it

    await reconcile(deps);
    const foundGone = deps.clock.now();

    expect((await readStatus(deps)).autoDisconnectAt).toBe(
      new Date(foundGone.getTime() + 120 * 60_000).toISOString(),
    );
    expect((await autoDisconnect(deps, 'alarm')).decision.action).toBe('decline');
  });
});
