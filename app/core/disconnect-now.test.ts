import { describe, expect, it } from 'vitest';
import { ASSOCIATE_MS, DISASSOCIATE_MS, testCoreDeps } from '../testing/core-deps.js';
import { autoDisconnect } from './auto-disconnect.js';
import { connect } from './connect.js';
import { disconnectNow } from './disconnect-now.js';
import { reconcile } from './live-state.js';

describe('disconnectNow', () => {
  it('disassociates even while clients are connected and ends the session as admin', async () => {
    const deps = testCoreDeps();
    await connect(deps, 'mina');
    deps.clock.advance(ASSOCIATE_MS);
    deps.simulator.connectClient('mina');
    const result = await disconnectNow(deps, 'alex.admin@example.com');

    expect((await reconcile(deps)).state).toBe('stopping');
    expect(await deps.store.recent(1)).toEqual([
      expect.objectContaining({ id: result.endedSessionId, endReason: 'admin' }),
    ]);
  });

  it('stops a start that is still under way', async () => {
    const deps = testCoreDeps();
    await connect(deps, 'mina');
    await disconnectNow(deps, 'alex.admin@example.com');
    expect((await reconcile(deps)).state).toBe('stopping');
  });

  it('drops a connect queued behind a stop, so the VPN stays off', async () => {
    const deps = testCoreDeps();
    await connect(deps, 'mina');
    deps.clock.advance(ASSOCIATE_MS);
    deps.advanceMinutes(31);
    await autoDisconnect(deps, 'alarm');
    await connect(deps, 'kenji');
    const result = await disconnectNow(deps, 'alex.admin@example.com');
    deps.clock.advance(DISASSOCIATE_MS);

    expect((await reconcile(deps)).state).toBe('off');
    expect(await deps.store.recent(1)).toEqual([
      expect.objectContaining({
        id: result.endedSessionId,
        startedBy: 'kenji',
        endReason: 'admin',
      }),
    ]);
  });

  it('does nothing when the VPN is already off', async () => {
    const deps = testCoreDeps();
    expect(await disconnectNow(deps, 'alex.admin@example.com')).toEqual({ endedSessionId: null });
    expect(deps.vpn.calls.disassociate).toBe(0);
  });
});
