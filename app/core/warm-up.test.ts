import { describe, expect, it } from 'vitest';
import {
  ASSOCIATE_MS,
  TEST_START,
  TEST_SUBNETS,
  testCoreDeps,
  testNotifier,
} from '../testing/core-deps.js';
import { autoDisconnect } from './auto-disconnect.js';
import { connect } from './connect.js';
import { reconcile } from './live-state.js';
import { newSession } from './model/session-lifecycle.js';
import type { VpnSession } from './model/vocabulary.js';
import type { WarmUpSchedule } from './model/warm-up-schedule.js';
import { warmUp, warmUpCostThisMonth } from './warm-up.js';

// TEST_START is Monday 2026-03-02 09:00 UTC, 18:00 in Seoul.
const schedule: WarmUpSchedule = {
  entries: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], time: '18:00', timeZone: 'Asia/Seoul' }],
  holidays: [],
};

describe('warmUp', () => {
  it('starts the VPN as a Connect would, in a session started by the schedule', async () => {
    const deps = testCoreDeps();

    const result = await warmUp(deps, { at: TEST_START, schedule });

    expect(result).toEqual({ action: 'connected', outcome: 'started', warnings: [] });
    expect((await deps.simulator.describeAssociations()).map((a) => a.status)).toEqual(
      TEST_SUBNETS.map(() => 'associating'),
    );
    expect(await deps.store.getOpen()).toMatchObject({
      startedBy: 'schedule',
      lastConnectRequestAt: TEST_START.toISOString(),
    });
    expect(deps.metrics.period(TEST_START.getTime())).toEqual({ connects: 1 });
  });

  it('keeps the VPN on for the idle timeout, then lets it turn itself off', async () => {
    const deps = testCoreDeps();
    await warmUp(deps, { at: TEST_START, schedule });
    deps.clock.advance(ASSOCIATE_MS);
    await reconcile(deps);

    deps.advanceMinutes(20);
    expect((await autoDisconnect(deps, 'alarm')).decision.action).toBe('decline');

    deps.advanceMinutes(15);
    const result = await autoDisconnect(deps, 'alarm');

    expect(result.decision.action).toBe('disassociate');
    expect((await deps.store.recent(1))[0]).toMatchObject({
      startedBy: 'schedule',
      endReason: 'idle',
    });
  });

  it('stays on while someone who arrived is connected', async () => {
    const deps = testCoreDeps();
    await warmUp(deps, { at: TEST_START, schedule });
    deps.clock.advance(ASSOCIATE_MS);
    deps.simulator.connectClient('mina');
    deps.advanceMinutes(90);

    expect((await autoDisconnect(deps, 'alarm')).decision.action).toBe('decline');
  });

  it('skips a holiday without touching the VPN or the metrics', async () => {
    const deps = testCoreDeps();

    const result = await warmUp(deps, {
      at: TEST_START,
      schedule: { ...schedule, holidays: ['2026-03-02'] },
    });

    expect(result).toMatchObject({ action: 'skipped', reason: 'holiday' });
    expect(deps.vpn.calls.associate).toBe(0);
    expect(await deps.store.getOpen()).toBeNull();
    expect(deps.metrics.period(TEST_START.getTime())).toBeUndefined();
  });

  it('drops a warm-up delivered long after its time', async () => {
    const deps = testCoreDeps();
    deps.advanceMinutes(61);

    const result = await warmUp(deps, { at: TEST_START, schedule });

    expect(result).toMatchObject({ action: 'skipped', reason: 'too-late' });
    expect(deps.vpn.calls.associate).toBe(0);
  });

  it('only counts as activity when someone already turned the VPN on', async () => {
    const deps = testCoreDeps();
    await connect(deps, 'mina');
    deps.clock.advance(ASSOCIATE_MS);
    deps.advanceMinutes(5);

    const result = await warmUp(deps, { at: deps.clock.now(), schedule });

    expect(result).toMatchObject({ action: 'connected', outcome: 'already-up' });
    expect(await deps.store.getOpen()).toMatchObject({
      startedBy: 'mina',
      lastConnectRequestAt: deps.clock.now().toISOString(),
    });
  });

  it('does not double up when the scheduler delivers the same warm-up twice', async () => {
    const deps = testCoreDeps();

    await warmUp(deps, { at: TEST_START, schedule });
    const again = await warmUp(deps, { at: TEST_START, schedule });

    expect(again).toMatchObject({ outcome: 'joined' });
    expect(await deps.simulator.describeAssociations()).toHaveLength(TEST_SUBNETS.length);
  });

  it('throws when AWS refuses, after telling the notifier once', async () => {
    const notifier = testNotifier();
    const deps = { ...testCoreDeps(), notifier };
    deps.simulator.injectFault({ kind: 'unavailable', operation: 'associate' });

    await expect(warmUp(deps, { at: TEST_START, schedule })).rejects.toMatchObject({
      code: 'aws_unavailable',
    });

    expect(notifier.sent.map((n) => n.kind)).toEqual(['start-failed']);
    expect(notifier.sent[0]?.subject).toBe('VPN warm-up failed, AWS could not be reached');
    expect(notifier.sent[0]?.text).toContain('the request of the warm-up schedule');
  });
});

describe('warmUpCostThisMonth', () => {
  it('adds up the association hours of this month’s warm-up sessions', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    const ended = (startedBy: string, start: string, end: string): VpnSession => ({
      ...newSession({ startedBy, now: new Date(start), subnetCount: 2 }),
      endedAt: end,
      endReason: 'idle',
    });
    const sessions = [
      ended('schedule', '2026-03-09T23:40:00Z', '2026-03-10T00:40:00Z'),
      ended('schedule', '2026-02-28T23:30:00Z', '2026-03-01T00:30:00Z'), // half in March
      ended('mina', '2026-03-10T01:00:00Z', '2026-03-10T02:00:00Z'),
    ];

    expect(
      warmUpCostThisMonth(sessions, now, { associationHourUsd: 0.1, connectionHourUsd: 0 }),
    ).toEqual({ sessions: 2, associationHours: 3, costUsd: 0.3 });
  });
});
