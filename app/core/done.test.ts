import { describe, expect, it } from 'vitest';
import { ASSOCIATE_MS, testCoreDeps } from '../testing/core-deps.js';
import { connect } from './connect.js';
import { turnOffWhenDone } from './done.js';
import { reconcile } from './live-state.js';
import { OthersUsingError } from './model/errors.js';

describe('turnOffWhenDone ("I’m done, turn it off", issue 16)', () => {
  it('turns the VPN off when the employee is alone and ends the session as done', async () => {
    const deps = testCoreDeps();
    await connect(deps, 'mina');
    deps.clock.advance(ASSOCIATE_MS);
    deps.simulator.connectClient('mina');

    const result = await turnOffWhenDone(deps, 'mina');

    expect(result.outcome).toBe('turned-off');
    expect((await reconcile(deps)).state).toBe('stopping');
    expect(await deps.store.recent(1)).toEqual([
      expect.objectContaining({ id: result.endedSessionId, endReason: 'done' }),
    ]);
  });

  it('refuses with a count, and changes nothing, while someone else is connected', async () => {
    const deps = testCoreDeps();
    await connect(deps, 'mina');
    deps.clock.advance(ASSOCIATE_MS);
    deps.simulator.connectClient('kenji');
    deps.simulator.connectClient('sora');

    const refusal = await turnOffWhenDone(deps, 'mina').catch((error: unknown) => error);

    expect(refusal).toBeInstanceOf(OthersUsingError);
    expect(refusal).toMatchObject({ code: 'others_using', othersUsing: 2 });
    expect((refusal as Error).message).not.toMatch(/kenji|sora/);
    expect(deps.vpn.calls.disassociate).toBe(0);
    expect((await reconcile(deps)).state).toBe('ready');
  });

  it('refuses while another employee asked within the idle time, and not after it', async () => {
    const deps = testCoreDeps();
    await connect(deps, 'mina');
    deps.clock.advance(ASSOCIATE_MS);
    await connect(deps, 'kenji');

    await expect(turnOffWhenDone(deps, 'mina')).rejects.toMatchObject({ othersUsing: 1 });
    expect(deps.vpn.calls.disassociate).toBe(0);

    deps.advanceMinutes(31);
    expect((await turnOffWhenDone(deps, 'mina')).outcome).toBe('turned-off');
  });

  it('does nothing when the VPN is already off', async () => {
    const deps = testCoreDeps();
    expect(await turnOffWhenDone(deps, 'mina')).toEqual({
      outcome: 'already-off',
      endedSessionId: null,
    });
    expect(deps.vpn.calls.disassociate).toBe(0);
  });
});
