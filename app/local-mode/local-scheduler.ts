import type { AlarmEvaluator } from './alarm-evaluator.js';
import type { LocalWarmUps } from './local-warm-ups.js';
import type { SafetyNetSweep } from './safety-net-sweep.js';

export interface LocalScheduler {
  /** Runs the evaluator, the sweep and the warm-ups once, after any run still in progress. */
  tick(options?: { force?: boolean }): Promise<void>;
  start(intervalMs?: number): void;
  stop(): void;
}

/**
 * Drives the alarm evaluator, the sweep and the warm-up schedule: every second of real time,
 * and on demand right after the clock is advanced. Runs never overlap, so one handler
 * invocation finishes before the next decision is made. Warm-ups run last: what happened
 * up to now is judged first, then the schedule due now fires.
 */
export function createLocalScheduler(
  evaluator: AlarmEvaluator,
  sweep: SafetyNetSweep,
  onError: (error: unknown) => void,
  warmUps?: LocalWarmUps,
): LocalScheduler {
  let chain: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  let timerTickQueued = false;

  // A failed run is reported and must not break the chain for the runs after it.
  const run = async (force: boolean) => {
    try {
      await evaluator.evaluate({ force });
      await sweep.check();
      await warmUps?.check();
    } catch (error) {
      onError(error);
    }
  };

  return {
    tick({ force = false } = {}) {
      chain = chain.then(() => run(force));
      return chain;
    },
    start(intervalMs = 1_000) {
      if (timer) return;
      timer = setInterval(() => {
        // A slow handler must not pile up timer ticks behind it.
        if (timerTickQueued) return;
        timerTickQueued = true;
        chain = chain
          .then(() => run(false))
          .finally(() => {
            timerTickQueued = false;
          });
      }, intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
