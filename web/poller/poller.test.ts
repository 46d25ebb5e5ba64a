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

describe('createPoller', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(load: () => Promise<string>, intervals: Record<string, number> = {}) {
    const visibility = fakeVisibility();
    const values: string[] = [];
    const errors: unknown[] = [];
    const poller = createPoller<string>({
      load,
      intervalFor: (v) => intervals[v] ?? 10_000,
      onValue: (v) => values.push(v),
      onError: (e) => errors.push(e),
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

  it('backs off after failures and resets once an answer arrives', async () => {
    let fail = 3;
    const load = vi.fn(async () => {
      if (fail-- > 0) throw new Error('down');
      return 'ok';
    });
    const { poller, errors } = setup(load);
    poller.start();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(load).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(3_999);
    expect(load).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(load).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(8_000);
    expect(load).toHaveBeenCalledTimes(4);
    expect(errors).toHaveLength(3);
    expect([1, 2, 3, 4, 5, 6, 7].map(errorBackoff)).toEqual([
      2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000,
    ]);
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
