import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ASSOCIATE_MS,
  DISASSOCIATE_MS,
  TEST_SUBNETS,
  testCoreDeps,
  testNotifier,
} from '../testing/core-deps.js';
import { type DynaliteFixture, startDynalite } from '../testing/dynalite.js';
import { sessionStoresUnderTest } from '../testing/session-stores.js';
import { SteppedSessionStore } from '../testing/stepped-session-store.js';
import { autoDisconnect } from './auto-disconnect.js';
import { connect } from './connect.js';
import { reconcile } from './live-state.js';

/*
 * Races between connect and auto-off (issue 13), each replayed step by step: one caller is
 * held at a store call while the other runs, against the store contract of both stores.
 */

let dynalite: DynaliteFixture;
beforeAll(async () => {
  dynalite = await startDynalite();
});
afterAll(async () => {
  await dynalite?.stop();
});

const stores = sessionStoresUnderTest(() => dynalite);

describe.each(stores)('connect and auto-off racing, sessions %s', (_name, makeStore) => {
  /** The VPN has been ready and idle past the timeout: the alarm is about to act. */
  async function idleReadyVpn() {
    const store = new SteppedSessionStore(await makeStore());
    const notifier = testNotifier();
    const deps = { ...testCoreDeps(), store, notifier };
    await connect(deps, 'mina');
    deps.clock.advance(ASSOCIATE_MS);
    await reconcile(deps);
    deps.advanceMinutes(31);
    return { deps, store, notifier };
  }

  /** Stopping ends; the next reconcile (a poll) carries out a queued connect. */
  async function afterStopping(deps: Awaited<ReturnType<typeof idleReadyVpn>>['deps']) {
    deps.clock.advance(DISASSOCIATE_MS);
    deps.vpn.resetCounts();
    const restarting = await reconcile(deps);
    deps.clock.advance(ASSOCIATE_MS);
    return { restarting, ready: await reconcile(deps) };
  }

  it('keeps a connect queued between the closer reading the session and closing it, and turns the VPN on', async () => {
    const { deps, store } = await idleReadyVpn();
    const close = store.holdNext('close');
    const off = autoDisconnect(deps, 'alarm');
    await close.reached; // disassociated, read the open session, about to close it

    expect((await connect(deps, 'kenji')).outcome).toBe('queued');
    close.release();

    expect((await off).closing).toBe('kept-for-queue');
    expect(await deps.store.getOpen()).toMatchObject({ queuedConnect: { by: 'kenji' } });
    const { restarting, ready } = await afterStopping(deps);
    // A new start of the same session: fresh ClientTokens, or EC2 would associate nothing.
    expect(restarting.state).toBe('starting');
    expect(deps.vpn.calls.associate).toBe(TEST_SUBNETS.length);
    expect(ready.state).toBe('ready');
  });

  it('answers queued only once the queue is stored, when the closer ends the session under the tap', async () => {
    const { deps, store } = await idleReadyVpn();
    const close = store.holdNext('close');
    const off = autoDisconnect(deps, 'alarm');
    await close.reached;
    const save = store.holdNext('save');
    const tap = connect(deps, 'kenji');
    await save.reached; // read "stopping" and the open session, about to queue on it

    close.release();
    await off; // the session is closed under the tap
    save.release();

    expect((await tap).outcome).toBe('queued');
    expect(await deps.store.getOpen()).toMatchObject({ queuedConnect: { by: 'kenji' } });
    expect((await afterStopping(deps)).ready.state).toBe('ready');
  });

  it('lets one of two closers end the session and tell of it; the other does nothing more', async () => {
    const { deps, store, notifier } = await idleReadyVpn();
    deps.advanceMinutes(10); // the alarm missed its window, so the sweep acts too
    // The alarm has read EC2 (still associated) and waits for the session; meanwhile the
    // sweep decides the same and gets as far as closing.
    const alarmRead = store.holdNext('getOpen');
    const alarm = autoDisconnect(deps, 'alarm');
    await alarmRead.reached;
    const sweepClose = store.holdNext('close');
    const sweep = autoDisconnect(deps, 'sweep');
    await sweepClose.reached;

    alarmRead.release();
    const alarmResult = await alarm;
    sweepClose.release();
    const sweepResult = await sweep;

    expect([alarmResult.closing, sweepResult.closing].sort()).toEqual([
      'ended',
      'ended-by-another',
    ]);
    const ended = (await deps.store.recent(5)).filter((s) => s.endedAt !== null);
    expect(ended).toHaveLength(1);
    expect(notifier.sent).toHaveLength(1);
  });
});
