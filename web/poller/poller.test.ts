import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { statusByState } from '../testing/fixtures';
import { createPoller, errorBackoff } from './poller';
import { fastPollMs, idlePollMs, readyPollMs, statusInterval } from './use-status';

/** A document stand-in whose visibility the test flips. */
function fakeVisibility() {
  const target = new EventTarget();
  const doc = {
    hidden: false,
    addEventListener: target.addEventListener.bind(target),
    removeEventListener: target.removeEventListener.bind(target),
    set(hidden: boolean) {
      doc.hidden = hidden;
      target.dispatchEvent(new Event('visibilitychange'));
    },
  };
  return doc;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('statusInterval', () => {
  it('polls every 2.5 s while starting or stopping, 15 s when ready, 30 s otherwise', () => {
    expect(statusInterval(statusByState.starting)).toBe(fastPollMs);
    expect(statusInterval(statusByState.stopping)).toBe(fastPollMs);
    expect(statusInterval(statusByState.ready)).toBe(readyPollMs);
    expect(statusInterval(statusByState.off)).toBe(idlePollMs);
    expect(statusInterval({ ...statusByState.off, connectQueued: true })).toBe(fastPollMs);
    expect([fastPollMs / 1000, readyPollMs / 1000, idlePollMs / 1000]).toEqual([2.5, 15, 30]);
  });
});

describe('errorBackoff', () => {
  const steps = [1, 2, 3, 4, 5, 6, 7];

  it('doubles from 5 s up to a 60 s cap', () => {
    expect(steps.map((n) => errorBackoff(n, () => 0.5))).toEqual([
      5_000, 10_000, 20_000, 40_000, 60_000, 60_000, 60_000,
    ]);
  });

  it('moves each wait by at most 20 % and never past the cap', () => {
    expect(steps.map((n) => errorBackoff(n, () => 0))).toEqual([
      4_000, 8_000, 16_000, 32_000, 48_000, 48_000, 48_000,
    ]);
    expect(steps.map((n) => errorBackoff(n, () => 0.999_999))).toEqual([
      6_000, 12_000, 24_000, 48_000, 60_000, 60_000, 60_000,
    ]);
  });
});

describe('createPoller', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  function setup(
    load: () => Promise<string>,
    intervals: Record<string, number> = {},
    backoff?: (failures: number) => number,
  ) {
    const visibility = fakeVisibility();
    const values: string[] = [];
    const errors: unknown[] = [];
    const poller = createPoller<string>({
      load,
      intervalFor: (v) => intervals[v] ?? 10_000,
      onValue: (v) => values.push(v),
      onError: (e) => errors.push(e),
      ...(backoff ? { backoff } : {}),
      visibility,
    });
    return { poller, visibility, values, errors };
  }

  it('waits the interval the last answer asks for', async () => {
    const answers = ['starting', 'starting', 'ready', 'ready'];
    const load = vi.fn(async () => answers.shift() ?? 'ready');
    const { poller } = setup(load, { starting: 2_500, ready: 15_000 });
    poller.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(load).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2_499);
    expect(load).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(load).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(2_500); // third answer: ready
    expect(load).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(14_999);
    expect(load).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(load).toHaveBeenCalledTimes(4);
    poller.stop();
  });

  it('pauses while the page is hidden and polls at once when it shows again', async () => {
    const load = vi.fn(async () => 'ready');
    const { poller, visibility } = setup(load);
    poller.start();
    await vi.advanceTimersByTimeAsync(0);
    visibility.set(true);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(load).toHaveBeenCalledTimes(1);
    visibility.set(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(load).toHaveBeenCalledTimes(2);
    poller.stop();
  });

  it('never sends a second request while one is in flight', async () => {
    const slow = deferred<string>();
    const load = vi.fn(() => (load.mock.calls.length === 1 ? slow.promise : Promise.resolve('b')));
    const { poller, values } = setup(load);
    poller.start();
    poller.refresh();
    poller.refresh();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(load).toHaveBeenCalledTimes(1);
    slow.resolve('a');
    await vi.advanceTimersByTimeAsync(0);
    // The refreshes asked for while waiting collapse into one request right after.
    expect(load).toHaveBeenCalledTimes(2);
    expect(values).toEqual(['a', 'b']);
    poller.stop();
  });

  it('backs off 5 s, 10 s, 20 s after failures and starts over after an answer', async () => {
    const answers = ['down', 'down', 'down', 'ok', 'down', 'ok'];
    const load = vi.fn(async () => {
      const answer = answers.shift() ?? 'ok';
      if (answer === 'down') throw new Error('down');
      return answer;
    });
    const { poller, errors, values } = setup(load, {}, (n) => errorBackoff(n, () => 0.5));
    const callsAt = async (ms: number) => {
      await vi.advanceTimersByTimeAsync(ms);
      return load.mock.calls.length;
    };
    poller.start();
    expect(await callsAt(0)).toBe(1);
    expect(await callsAt(4_999)).toBe(1);
    expect(await callsAt(1)).toBe(2); // 5 s after the first failure
    expect(await callsAt(9_999)).toBe(2);
    expect(await callsAt(1)).toBe(3); // 10 s after the second
    expect(await callsAt(19_999)).toBe(3);
    expect(await callsAt(1)).toBe(4); // 20 s after the third: this one answers
    expect(values).toEqual(['ok']);
    expect(await callsAt(9_999)).toBe(4); // the normal interval again
    expect(await callsAt(1)).toBe(5); // fails once more…
    expect(await callsAt(4_999)).toBe(5);
    expect(await callsAt(1)).toBe(6); // …and waits 5 s, not 40 s
    expect(errors).toHaveLength(4);
    poller.stop();
  });

  it('uses the jittered backoff by default', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const load = vi.fn(async () => {
      throw new Error('down');
    });
    const { poller } = setup(load);
    poller.start();
    await vi.advanceTimersByTimeAsync(3_999);
    expect(load).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1); // 5 s less 20 %
    expect(load).toHaveBeenCalledTimes(2);
    poller.stop();
  });

  it('drops an answer that was sent before a pushed value', async () => {
    const slow = deferred<string>();
    const load = vi.fn(() => slow.promise);
    const { poller, values } = setup(load);
    poller.start();
    poller.push('fresh from POST');
    slow.resolve('stale');
    await vi.advanceTimersByTimeAsync(0);
    expect(values).toEqual(['fresh from POST']);
    poller.stop();
  });

  it('stops for good on a fatal error', async () => {
    const load = vi.fn(async () => {
      throw new Error('reloading');
    });
    const visibility = fakeVisibility();
    const poller = createPoller<string>({
      load,
      intervalFor: () => 1_000,
      onValue: () => undefined,
      onError: () => undefined,
      isFatal: () => true,
      visibility,
    });
    poller.start();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(load).toHaveBeenCalledTimes(1);
  });
});
