import type { ManualClock } from '../adapters/local/manual-clock.js';
import {
  entryFiringAt,
  nextWarmUps,
  type WarmUpSchedule,
  warmUpsBetween,
} from '../core/model/warm-up-schedule.js';
import { warmUpEvent } from '../events/warm-up-event.js';
import type { Logger } from '../logging/logger.js';
import type { Clock } from '../ports/clock.js';
import type { EventHandler } from './alarm-evaluator.js';

export interface LocalWarmUps {
  /**
   * Sends the handler one warm-up event for each warm-up due since the last check, oldest
   * first, and waits for each. Returns the instants it dispatched.
   */
  check(): Promise<Date[]>;
  /** The next `count` warm-ups strictly after `from` (none without a schedule). */
  upcoming(from: Date, count: number): Date[];
}

/**
 * EventBridge Scheduler in a box: the warm-up schedule evaluated on the simulated clock,
 * each due warm-up sent to the real events function as the event the stack's
 * schedule would send (`warmUpEvent(name, at)`, named `warm-up-<n>` after its entry as in
 * infra/constructs/warm-up-schedules.ts). A warm-up is checked from start-up on: one due
 * before the server started is not replayed.
 */
export function createLocalWarmUps(options: {
  clock: Clock;
  schedule: WarmUpSchedule;
  /** The real events function (createEventsFunction). */
  handler: EventHandler;
  logger: Logger;
  /** Whose warm-ups (issue 18): the events name the endpoint's key; none for the first's. */
  endpoint?: string;
}): LocalWarmUps {
  const { clock, schedule, handler, logger, endpoint } = options;
  let lastChecked = clock.now();

  return {
    async check() {
      const now = clock.now();
      if (schedule.entries.length === 0 || now.getTime() <= lastChecked.getTime()) return [];
      const due = warmUpsBetween(schedule, lastChecked, now);
      lastChecked = now;
      for (const at of due) {
        try {
          await handler(warmUpEvent(scheduleName(schedule, at), at, endpoint));
        } catch (error) {
          // The handler has logged the details; the next warm-up must still run.
          logger.error('warm-up handler failed', {
            scheduledFor: at.toISOString(),
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }
      return due;
    },
    upcoming: (from, count) => nextWarmUps(schedule, from, count),
  };
}

/** Several endpoints' warm-ups as one schedule: each checked in turn, the next ones merged. */
export function allWarmUps(schedules: readonly LocalWarmUps[]): LocalWarmUps {
  return {
    async check() {
      const due: Date[] = [];
      for (const warmUps of schedules) due.push(...(await warmUps.check()));
      return due.sort((a, b) => a.getTime() - b.getTime());
    },
    upcoming: (from, count) =>
      schedules
        .flatMap((warmUps) => warmUps.upcoming(from, count))
        .sort((a, b) => a.getTime() - b.getTime())
        .slice(0, count),
  };
}

/** The stack's name for the schedule of the entry firing at `at`: `warm-up-1`, `warm-up-2`… */
export function scheduleName(schedule: WarmUpSchedule, at: Date): string {
  const entry = entryFiringAt(schedule, at);
  const index = entry ? schedule.entries.indexOf(entry) : 0;
  return `warm-up-${index + 1}`;
}

/**
 * Moves the clock forward by `ms`, stopping at every warm-up on the way and running `tick`
 * (alarm evaluator, sweep, warm-ups) after each stop, so a warm-up starts the VPN at its own
 * time even when the clock jumps a day: the session starts then and the idle timeout runs
 * from then, as in AWS. The clock advances by exactly `ms` in all.
 */
export async function advanceThroughWarmUps(
  clock: ManualClock,
  ms: number,
  warmUps: LocalWarmUps,
  tick: () => Promise<void>,
): Promise<void> {
  let remaining = ms;
  do {
    const now = clock.now().getTime();
    const [stop] = warmUps.upcoming(new Date(now), 1);
    const step = stop ? Math.min(remaining, Math.max(0, stop.getTime() - now)) : remaining;
    clock.advance(step);
    remaining -= step;
    await tick();
  } while (remaining > 0);
}
