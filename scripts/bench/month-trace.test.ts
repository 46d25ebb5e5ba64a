import { describe, expect, it } from 'vitest';
import { localDate, wallTimeAt } from '../../app/core/model/zoned-time.js';
import { generateMonthTrace, seededRandom } from './month-trace.js';

const SEOUL = 'Asia/Seoul';

describe('the month trace', () => {
  it('draws the same numbers from the same seed', () => {
    const a = seededRandom(14);
    const b = seededRandom(14);
    const drawn = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(drawn);
    expect(drawn.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(seededRandom(15)()).not.toBe(drawn[0]);
  });

  it('is the same month for the same options, and another for another seed', () => {
    const light = generateMonthTrace({ seed: 14, use: 'light' });
    expect(generateMonthTrace({ seed: 14, use: 'light' })).toEqual(light);
    expect(generateMonthTrace({ seed: 15, use: 'light' }).sessions).not.toEqual(light.sessions);
  });

  it('puts every tap on a workday in Seoul, in working hours, never on the holiday', () => {
    const trace = generateMonthTrace({ seed: 14, use: 'heavy' });
    for (const session of trace.sessions) {
      const tap = new Date(session.tapAt);
      const wall = wallTimeAt(tap, SEOUL);
      // 08:30 in Seoul is 23:30 UTC the day before: the weekday is Seoul's, not UTC's.
      const weekday = new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay();
      expect(weekday).toBeGreaterThanOrEqual(1);
      expect(weekday).toBeLessThanOrEqual(5);
      expect(localDate(tap, SEOUL)).not.toBe('2026-03-02');
      const minuteOfDay = wall.hour * 60 + wall.minute;
      expect(minuteOfDay).toBeGreaterThanOrEqual(8 * 60 + 30);
      expect(minuteOfDay).toBeLessThanOrEqual(17 * 60 + 30);
    }
    expect(trace.workdays).toBe(21); // March 2026: 22 weekdays, one of them a holiday
    const taps = trace.sessions.map((s) => s.tapAt);
    expect(taps).toEqual([...taps].sort((a, b) => a - b));
  });

  it('has light use about weekly and heavy use about daily, with the leaks in their shares', () => {
    const light = generateMonthTrace({ seed: 14, use: 'light' });
    const heavy = generateMonthTrace({ seed: 14, use: 'heavy' });
    const perEmployeeDay = (t: typeof light) => t.sessions.length / (t.employees * t.workdays);
    expect(light.employees).toBe(20);
    expect(perEmployeeDay(light)).toBeGreaterThan(0.14);
    expect(perEmployeeDay(light)).toBeLessThan(0.26);
    expect(perEmployeeDay(heavy)).toBeGreaterThan(0.85);
    expect(perEmployeeDay(heavy)).toBeLessThan(1.15);
    for (const trace of [light, heavy]) {
      const used = trace.sessions.filter((s) => !s.unused);
      const unused = trace.sessions.filter((s) => s.unused);
      expect(used.every((s) => s.useMinutes >= 20 && s.useMinutes <= 120)).toBe(true);
      expect(unused.every((s) => s.useMinutes === 0 && !s.forgotten)).toBe(true);
      expect(unused.length).toBe(Math.round(trace.sessions.length * 0.05));
      expect(used.filter((s) => s.forgotten).length).toBe(
        Math.max(1, Math.round(used.length * 0.03)),
      );
      expect(trace.outside).toHaveLength(2);
    }
  });

  it('keeps one employee to one session at a time', () => {
    const trace = generateMonthTrace({ seed: 14, use: 'heavy' });
    const byUser = new Map<string, number[]>();
    for (const s of trace.sessions) byUser.set(s.user, [...(byUser.get(s.user) ?? []), s.tapAt]);
    for (const session of trace.sessions) {
      const later = (byUser.get(session.user) ?? []).find((tap) => tap > session.tapAt);
      if (later === undefined) continue;
      // Association (5 min) and use must be over before the same person taps again.
      expect(later - session.tapAt).toBeGreaterThan((5 + session.useMinutes) * 60_000);
    }
  });
});
