/**
 * Polls one resource with an interval chosen from the last answer. One request at a time,
 * nothing while the page is hidden, an immediate refresh when it shows again, and a growing
 * pause after failures so a struggling portal is not hammered by every open iPad.
 */
export interface PollerOptions<T> {
  load: () => Promise<T>;
  /** Milliseconds to wait after a good answer. */
  intervalFor: (value: T) => number;
  onValue: (value: T) => void;
  onError: (error: unknown) => void;
  /** Milliseconds to wait after the n-th failure in a row (n ≥ 1). */
  backoff?: (failures: number) => number;
  /** Stop for good on this error (e.g. the page is reloading for sign-in). */
  isFatal?: (error: unknown) => boolean;
  visibility?: Pick<Document, 'hidden' | 'addEventListener' | 'removeEventListener'>;
}

export interface Poller<T> {
  start(): void;
  stop(): void;
  /** Poll now (or as soon as the request in flight ends). */
  refresh(): void;
  /** Use a value obtained elsewhere (a POST answer) and discard any older answer in flight. */
  push(value: T): void;
}

export const backoffFirstMs = 5_000;
export const backoffMaxMs = 60_000;

/**
 * 5 s, 10 s, 20 s, 40 s, then every 60 s, each moved by up to ±20 % at random (and never past
 * the cap) so the iPads that lost the portal together do not all come back in the same second.
 * `random` returns [0, 1); 0.5 gives the schedule itself.
 */
export function errorBackoff(failures: number, random: () => number = Math.random): number {
  const planned = Math.min(backoffMaxMs, backoffFirstMs * 2 ** (failures - 1));
  const jittered = planned * (0.8 + 0.4 * random());
  return Math.round(Math.min(backoffMaxMs, jittered));
}

export function createPoller<T>(options: PollerOptions<T>): Poller<T> {
  const backoff = options.backoff ?? errorBackoff;
  const visibility = options.visibility ?? document;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight = false;
  let refreshWanted = false;
  let running = false;
  let failures = 0;
  // Bumped by push(): an answer to a request sent before it is stale and is dropped.
  let generation = 0;
  let pushedInterval = 0;

  const clear = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  const schedule = (ms: number) => {
    clear();
    if (!running || visibility.hidden) return; // becoming visible polls at once
    timer = setTimeout(tick, ms);
  };

  async function tick(): Promise<void> {
    if (!running || visibility.hidden) return;
    if (inFlight) {
      refreshWanted = true;
      return;
    }
    clear();
    inFlight = true;
    const sentIn = generation;
    let next: number;
    try {
      const value = await options.load();
      failures = 0;
      if (sentIn === generation) {
        if (running) options.onValue(value);
        next = options.intervalFor(value);
      } else {
        next = pushedInterval;
      }
    } catch (error) {
      if (options.isFatal?.(error)) {
        running = false;
        inFlight = false;
        options.onError(error);
        return;
      }
      failures += 1;
      if (running) options.onError(error);
      next = backoff(failures);
    }
    inFlight = false;
    if (refreshWanted) {
      refreshWanted = false;
      void tick();
    } else {
      schedule(next);
    }
  }

  const onVisibility = () => {
    if (visibility.hidden) clear();
    else void tick();
  };

  return {
    start() {
      if (running) return;
      running = true;
      visibility.addEventListener('visibilitychange', onVisibility);
      void tick();
    },
    stop() {
      running = false;
      clear();
      visibility.removeEventListener('visibilitychange', onVisibility);
    },
    refresh() {
      void tick();
    },
    push(value) {
      generation += 1;
      failures = 0;
      pushedInterval = options.intervalFor(value);
      options.onValue(value);
      if (!inFlight) schedule(pushedInterval);
    },
  };
}
