import { describe, expect, it } from 'vitest';
import { ASSOCIATE_MS, testCoreDeps } from '../testing/core-deps.js';
import { autoDisconnect, decideAutoDisconnect } from './auto-disconnect.js';
import { connect } from './connect.js';
import { keepOn } from './keep-on.js';
import { reconcile } from './live-state.js';
import { InvalidRequestError } from './model/errors.js';
import { readStatus } from './status.js';

const HOUR = 3_600_000;

async function readyDeps(keepOnMaxHours = 4) {
  const deps = testCoreDeps({ policy: { keepOnMaxHours } });
  await connect(deps, 'mina');
  deps.clock.advance(ASSOCIATE_MS);
  await reconcile(deps);
  return deps;
}

describe('keepOn (“Keep it on”, issue 16)', () => {
  it('moves the promised auto-off time to the hold’s end and stores who held it', async () => {
    const deps = await readyDeps();
    const before = await readStatus(deps);
    const hold = await keepOn(deps, 'mina', 1);
    const after = await readStatus(deps);

    expect(hold).toMatchObject({
      by: 'mina',
      until: new Date(deps.clock.now().getTime() + HOUR).toISOString(),
    });
    expect(after.keptOnUntil).toBe(hold.until);
    expect(after.autoDisconnectAt).toBe(hold.until);
    expect(Date.parse(after.autoDisconnectAt ?? '')).toBeGreaterThan(
      Date.parse(before.autoDisconnectAt ?? ''),
    );
    expect((await deps.store.getOpen())?.keepOn).toEqual(hold);
  });

  it('keeps the VPN on past the idle time through the alarm and the sweep, and lets it go after', async () => {
    const deps = await readyDeps();
    await keepOn(deps, 'mina', 2);
    deps.advanceMinutes(90);
    expect((await autoDisconnect(deps, 'alarm')).decision.action).toBe('decline');
    expect((await autoDisconnect(deps, 'sweep')).decision.action).toBe('decline');
    expect(deps.vpn.calls.disassociate).toBe(0);

    deps.advanceMinutes(31);
    expect((await autoDisconnect(deps, 'alarm')).decision.action).toBe('disassociate');
  });

  it('adds to the current hold, up to the maximum from now, and refuses past it', async () => {
    const deps = await readyDeps();
    await keepOn(deps, 'mina', 2);
    await keepOn(deps, 'kenji', 2);
    const held = (await deps.store.getOpen())?.keepOn;
    expect(held?.by).toBe('kenji');

    await expect(keepOn(deps, 'mina', 1)).rejects.toThrow(/at most 4 hours/);
    expect((await deps.store.getOpen())?.keepOn).toEqual(held);
  });

  it.each([
    ['an unknown length', 4, 3],
    ['a length of zero', 4, 0],
    ['the control turned off (0)', 0, 1],
  ])('refuses %s and changes nothing', async (_case, max, hours) => {
    const deps = await readyDeps(max);
    const before = await deps.store.getOpen();
    await expect(keepOn(deps, 'mina', hours)).rejects.toBeInstanceOf(InvalidRequestError);
    expect(await deps.store.getOpen()).toEqual(before);
  });

  it('refuses while the VPN is off', async () => {
    const deps = testCoreDeps({ policy: { keepOnMaxHours: 4 } });
    await expect(keepOn(deps, 'mina', 1)).rejects.toBeInstanceOf(InvalidRequestError);
  });
});

describe('decideAutoDisconnect with a hold', () => {
  it('declines before the hold ends even when idle', () => {
    const now = new Date('2026-03-02T12:00:00Z');
    const decision = decideAutoDisconnect({
      associations: [{ associationId: 'a-1', subnetId: 's-1', status: 'associated' }],
      connections: [],
      witnessedActivityAt: new Date(now.getTime() - 2 * HOUR),
      now,
      idleTimeoutMinutes: 30,
      keptOnUntil: new Date(now.getTime() + 60_000),
    });
    expect(decision.action).toBe('decline');
  });
});
