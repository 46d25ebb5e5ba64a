import { describe, expect, it } from 'vitest';
import { ManualClock } from '../adapters/local/manual-clock.js';
import { loadSettings } from '../config/settings.js';
import type { WarmUpSchedule } from '../core/model/warm-up-schedule.js';
import { silentLogger } from '../logging/logger.js';
import { createLocalSimulation } from './local-simulation.js';
import { advanceThroughWarmUps, createLocalWarmUps, scheduleName } from './local-warm-ups.js';
import { simulatorRoutes } from './simulator-routes.js';

const MINUTE = 60_000;
// 2025-01-06 is a Monday; 08:40 in Seoul is 23:40 UTC the day before.
const MONDAY_0830_SEOUL = new Date('2025-01-05T23:30:00Z');
const WEEKDAYS_0840_SEOUL: WarmUpSchedule = {
  entries: [
    { days: ['mon', 'tue', 'wed', 'thu', 'fri'], time: '08:40', timeZone: 'Asia/Seoul' },
    { days: ['sat'], time: '10:00', timeZone: 'UTC' },
  ],
  holidays: [],
};

function frozenClock(start = MONDAY_0830_SEOUL) {
  return new ManualClock({ start, runsInRealTime: false });
}

function recordingHandler(clock: ManualClock) {
  const calls: { event: unknown; at: string }[] = [];
  const handler = async (event: unknown) => {
    calls.push({ event, at: clock.now().toISOString() });
    return {};
  };
  return { calls, handler };
}

describe('local warm-ups', () => {
  it('sends the warm-up event of the entry once the clock has passed its time', async () => {
    const clock = frozenClock();
    const { calls, handler } = recordingHandler(clock);
    const warmUps = createLocalWarmUps({
      clock,
      schedule: WEEKDAYS_0840_SEOUL,
      handler,
      logger: silentLogger,
    });

    clock.advance(9 * MINUTE);
    expect(await warmUps.check()).toEqual([]);
    clock.advance(2 * MINUTE);
    expect(await warmUps.check()).toEqual([new Date('2025-01-05T23:40:00Z')]);
    expect(await warmUps.check()).toEqual([]);
    expect(calls.map((call) => call.event)).toEqual([
      {
        source: 'vpn-portal.warm-up',
        scheduleName: 'warm-up-1',
        scheduledFor: '2025-01-05T23:40:00.000Z',
      },
    ]);
  });

  it('does nothing without a schedule and never replays a warm-up due before start-up', async () => {
    const clock = frozenClock(new Date('2025-01-05T23:45:00Z'));
    const { calls, handler } = recordingHandler(clock);
    const none = createLocalWarmUps({
      clock,
      schedule: { entries: [], holidays: [] },
      handler,
      logger: silentLogger,
    });
    const scheduled = createLocalWarmUps({
      clock,
      schedule: WEEKDAYS_0840_SEOUL,
      handler,
      logger: silentLogger,
    });
    clock.advance(MINUTE);
    expect(await none.check()).toEqual([]);
    expect(await scheduled.check()).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('keeps going after a warm-up whose handler failed', async () => {
    const clock = frozenClock();
    const seen: unknown[] = [];
    const warmUps = createLocalWarmUps({
      clock,
      schedule: WEEKDAYS_0840_SEOUL,
      handler: async (event) => {
        seen.push(event);
        if (seen.length === 1) throw new Error('association failed');
      },
      logger: silentLogger,
    });
    clock.advance(2 * 24 * 60 * MINUTE);
    expect(await warmUps.check()).toHaveLength(2);
    expect(seen).toHaveLength(2);
  });

  it('names each warm-up after its entry, as the stack names the schedules', () => {
    expect(scheduleName(WEEKDAYS_0840_SEOUL, new Date('2025-01-11T10:00:00Z'))).toBe('warm-up-2');
  });

  it('stops the clock at each warm-up on the way, then advances exactly as asked', async () => {
    const clock = frozenClock();
    const { calls, handler } = recordingHandler(clock);
    const warmUps = createLocalWarmUps({
      clock,
      schedule: WEEKDAYS_0840_SEOUL,
      handler,
      logger: silentLogger,
    });
    // Monday 08:30 Seoul to Saturday 08:30 Seoul: five weekday warm-ups, none on Saturday yet.
    await advanceThroughWarmUps(clock, 5 * 24 * 60 * MINUTE, warmUps, async () => {
      await warmUps.check();
    });
    expect(calls.map((call) => call.at)).toEqual([
      '2025-01-05T23:40:00.000Z',
      '2025-01-06T23:40:00.000Z',
      '2025-01-07T23:40:00.000Z',
      '2025-01-08T23:40:00.000Z',
      '2025-01-09T23:40:00.000Z',
    ]);
    expect(clock.totalAdvancedMs).toBe(5 * 24 * 60 * MINUTE);
  });
});

describe('warm-ups in the local simulation', () => {
  function setUp() {
    const clock = frozenClock();
    const local = createLocalSimulation({
      // Issue 18: the times are the (first) endpoint's settings, the holidays the deployment's.
      settings: loadSettings(
        {
          IDLE_TIMEOUT_MINUTES: '30',
          WARM_UP_SCHEDULE: JSON.stringify(WEEKDAYS_0840_SEOUL.entries),
        },
        'local',
      ),
      logger: silentLogger,
      clock,
      associateMs: 5_000,
      disassociateMs: 3_000,
      warmUpSchedule: WEEKDAYS_0840_SEOUL,
    });
    const app = simulatorRoutes(local.simulation);
    const advance = async (minutes: number) =>
      (
        await app.request('/api/clock/advance', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ minutes }),
        })
      ).json();
    return { local, app, advance };
  }

  it('starts the VPN at the warm-up time even when the clock jumps past it', async () => {
    const { local, advance } = setUp();
    await advance(20);
    const [session] = await local.deps.store.recent(1);
    expect(session).toMatchObject({ startedBy: 'schedule', startedAt: '2025-01-05T23:40:00.000Z' });
    expect(local.simulation.vpn.inspectAssociations().map((a) => a.status)).toEqual([
      'associated',
      'associated',
    ]);
  });

  it('runs a due warm-up on the scheduler tick, as real time passing would', async () => {
    const { local } = setUp();
    local.simulation.clock.advance(10 * MINUTE);
    await local.scheduler.tick();
    const [session] = await local.deps.store.recent(1);
    expect(session).toMatchObject({ startedBy: 'schedule', users: ['schedule'] });
  });

  it('turns the VPN off after the idle timeout when nobody connected, and records a notice', async () => {
    const { local, app, advance } = setUp();
    await advance(20);
    const state = await advance(45);
    expect(state.alarm.value).toBe('ALARM');
    await advance(1);
    const [session] = await local.deps.store.recent(1);
    expect(session).toMatchObject({ startedBy: 'schedule', endReason: 'idle' });
    expect(local.simulation.vpn.inspectAssociations()).toEqual([]);

    const { notifications } = await (await app.request('/api/notifications')).json();
    expect(notifications).toMatchObject([{ kind: 'auto-off', sessionId: session?.id }]);
    const after = await (await app.request('/api/state')).json();
    expect(after.notifications).toHaveLength(1);
    expect(after.nextWarmUps[0]).toBe('2025-01-06T23:40:00.000Z');

    await app.request('/api/reset', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect((await (await app.request('/api/state')).json()).notifications).toEqual([]);
  });
});
