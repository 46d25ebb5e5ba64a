import { describe, expect, it } from 'vitest';
import { ASSOCIATE_MS, TEST_SUBNETS, testCoreDeps } from '../testing/core-deps.js';
import { autoDisconnect } from './auto-disconnect.js';
import { connect } from './connect.js';
import { reconcile } from './live-state.js';

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
