import { describe, expect, it } from 'vitest';
import { testClock } from '../testing/core-deps.js';
import { StatusCache } from './status-cache.js';

function setup(ttlMs = 3_000) {
  const clock = testClock(new Date('2026-03-02T09:00:00Z'));
  let loads = 0;
  let fail = false;
  const pending: (() => void)[] = [];
  let gate = false;
  const cache = new StatusCache(
    async () => {
      loads += 1;
      const n = loads;
      if (gate) await new Promise<void>((resolve) => pending.push(resolve));
      if (fail) throw new Error(`load ${n} failed`);
      return n;
    },
    clock,
    ttlMs,
  );
  return {
    clock,
    cache,
    loads: () => loads,
    failNext: (value: boolean) => {
      fail = value;
    },
    hold: () => {
      gate = true;
    },
    release: () => {
      gate = false;
      for (const resolve of pending.splice(0)) resolve();
    },
  };
}

describe('StatusCache', () => {
  it('shares one load among many concurrent reads', async () => {
    const t = setup();
    t.hold();
    const reads = Array.from({ length: 50 }, () => t.cache.get());
    t.release();
    expect(await Promise.all(reads)).toEqual(Array(50).fill(1));
    expect(t.loads()).toBe(1);
  });

  it('answers from the cache within the window', async () => {
    const t = setup();
    await t.cache.get();
    t.clock.advance(2_999);
    expect(await t.cache.get()).toBe(1);
    expect(t.loads()).toBe(1);
  });

  it('loads again once the window has passed', async () => {
    const t = setup();
    await t.cache.get();
    t.clock.advance(3_000);
    expect(await t.cache.get()).toBe(2);
  });

  it('counts the window from when a slow load finished, not when it started', async () => {
    const t = setup();
    t.hold();
    const first = t.cache.get();
    t.clock.advance(2_500);
    t.release();
    await first;
    t.clock.advance(2_500);
    expect(await t.cache.get()).toBe(1);
    expect(t.loads()).toBe(1);
  });

  it('loads again right after invalidate', async () => {
    const t = setup();
    await t.cache.get();
    t.cache.invalidate();
    expect(await t.cache.get()).toBe(2);
  });

  it('keeps a failure for a second so a struggling API is not hammered by every poll', async () => {
    const t = setup();
    t.failNext(true);
    await expect(t.cache.get()).rejects.toThrow('load 1 failed');
    t.failNext(false);
    t.clock.advance(999);
    await expect(t.cache.get()).rejects.toThrow('load 1 failed');
    expect(t.loads()).toBe(1);
    t.clock.advance(1);
    expect(await t.cache.get()).toBe(2);
  });

  it('keeps a success for the whole window, longer than a failure', async () => {
    const t = setup();
    expect(await t.cache.get()).toBe(1);
    t.clock.advance(2_999);
    expect(await t.cache.get()).toBe(1);
    t.clock.advance(1);
    expect(await t.cache.get()).toBe(2);
  });
});
