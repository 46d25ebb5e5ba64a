import { describe, expect, it } from 'vitest';
import { isFalseAlarmMissed, MONTH_RULES, policyWithout, runMonth } from './month-run.js';
import type { MonthTrace, TraceSession } from './month-trace.js';

const MINUTE = 60_000;
// Tuesday 3 March 2026, 09:00 in Seoul.
const MORNING = Date.parse('2026-03-03T00:00:00Z');

function day(sessions: Partial<TraceSession>[]): MonthTrace {
  return {
    seed: 0,
    use: 'light',
    timeZone: 'Asia/Seoul',
    employees: sessions.length,
    workdays: 1,
    startsAt: MORNING - 60 * MINUTE,
    endsAt: MORNING + 10 * 60 * MINUTE,
    sessions: sessions.map((s, i) => ({
      user: `employee-${i + 1}@example.com`,
      tapAt: MORNING,
      useMinutes: 30,
      unused: false,
      forgotten: false,
      ...s,
    })),
    outside: [],
  };
}

describe('a simulated day through the real core and local mode', () => {
  it('turns the VPN off close to the oracle, never early, with true notices only', async () => {
    const trace = day([
      { tapAt: MORNING + 17_000, useMinutes: 45 },
      { tapAt: MORNING + 20 * MINUTE, useMinutes: 25 },
      { tapAt: MORNING + 4 * 60 * MINUTE, unused: true, useMinutes: 0 },
    ]);
    const result = await runMonth({ trace, idleTimeoutMinutes: 30 });
    expect(result.waitsMinutes[0]).toBeCloseTo(5, 0); // the association takes 5 minutes
    expect(result.waitsMinutes[1]).toBe(0); // already ready
    expect(result.associationHours).toBeGreaterThanOrEqual(result.oracleHours);
    expect(result.associationHours).toBeLessThanOrEqual(result.oracleHours * 1.1);
    expect(result.notices).toEqual({ 'auto-off': 2 });
    expect(result.earlyTurnOffs).toEqual([]);
    expect(result.falseAlarmMissed).toEqual([]);
    expect(result.errors).toEqual([]);
  });

  it('sees the auto-off time jump back when the remembered-ends rule is off', async () => {
    // 90 minutes of use with a 120-minute timeout: EC2 forgets the disconnect after an hour.
    const trace = day([{ tapAt: MORNING, useMinutes: 90 }]);
    const kept = await runMonth({ trace, idleTimeoutMinutes: 120 });
    expect(kept.earlyTurnOffs).toEqual([]);
    expect(kept.promiseMovedEarlier).toEqual([]);
    expect(kept.falseAlarmMissed).toEqual([]);
    const forgotten = await runMonth({
      trace,
      idleTimeoutMinutes: 120,
      ruleOff: 'remembered-ends',
    });
    // An hour after the disconnect the page falls back to the tap: 2 h after 09:00.
    expect(forgotten.promiseMovedEarlier).toEqual([
      expect.objectContaining({ shown: new Date(MORNING + 120 * MINUTE).toISOString() }),
    ]);
  });
});

describe('the rule switches', () => {
  it('has a policy change for every rule and none with all on', () => {
    expect(policyWithout(null)).toEqual({});
    expect(MONTH_RULES.map((rule) => policyWithout(rule))).toEqual([
      { rulesOff: ['remembered-ends'] },
      { sweepWaitsForAlarmMinutes: 0 },
      { rulesOff: ['adopted-by-evidence'] },
      { quietConnectionMinutes: 0 },
    ]);
  });

  it('calls "alarm missed" false while the alarm still had idle + period + margin', () => {
    const activity = Date.parse('2026-03-03T01:00:00Z');
    // 30 minutes idle + 5 (one alarm period) + 5 (margin) = 40.
    expect(isFalseAlarmMissed(activity + 39 * MINUTE, activity, 30)).toBe(true);
    expect(isFalseAlarmMissed(activity + 40 * MINUTE, activity, 30)).toBe(false);
  });
});
