import { describe, expect, it } from 'vitest';
import { ManualClock } from './manual-clock.js';

describe('ManualClock', () => {
  it('stands still without real time and jumps with advance', () => {
    const clock = new ManualClock({
      start: new Date('2025-01-06T09:00:00Z'),
      runsInRealTime: false,
    });
    expect(clock.now().toISOString()).toBe('2025-01-06T09:00:00.000Z');
    clock.advance(30 * 60_000);
    expect(clock.now().toISOString()).toBe('2025-01-06T09:30:00.000Z');
    expect(clock.totalAdvancedMs).toBe(30 * 60_000);
  });

  it('adds real elapsed time to what was advanced', () => {
    let real = 1_000;
    const clock = new ManualClock({ start: new Date(0), realNow: () => real });
    real += 2_500;
    clock.advance(60_000);
    expect(clock.now().getTime()).toBe(62_500);
  });

  it('tells listeners about every advance, until they unsubscribe', () => {
    const clock = new ManualClock({ start: new Date(0), runsInRealTime: false });
    const seen: number[] = [];
    const stop = clock.onAdvance((now, by) => seen.push(now.getTime(), by));
    clock.advance(5);
    stop();
    clock.advance(7);
    expect(seen).toEqual([5, 5]);
  });

  it('holds still while paused, still jumps with advance, and flows again on resume', () => {
    let real = 1_000_000;
    const clock = new ManualClock({ start: new Date('2026-03-02T09:00:00Z'), realNow: () => real });
    real += 1_000;
    clock.pause();
    real += 60_000;
    expect(clock.now().toISOString()).toBe('2026-03-02T09:00:01.000Z');
    clock.advance(5_000);
    expect(clock.now().toISOString()).toBe('2026-03-02T09:00:06.000Z');
    clock.resume();
    real += 2_000;
    expect(clock.now().toISOString()).toBe('2026-03-02T09:00:08.000Z');
    expect(clock.paused).toBe(false);
  });

  it('refuses to go backwards', () => {
    const clock = new ManualClock({ runsInRealTime: false });
    expect(() => clock.advance(-1)).toThrow(RangeError);
  });
});
