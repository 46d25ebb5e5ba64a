import { SWEEP_INTERVAL_MINUTES } from '../config/idle-alarm-definition.js';
import type { Logger } from '../logging/logger.js';
import type { Clock } from '../ports/clock.js';
import type { EventHandler } from './alarm-evaluator.js';
import { scheduledEvent } from './local-events.js';

export interface SafetyNetSweep {
  /** Invokes the handler once if a new slot (SWEEP_INTERVAL_MINUTES) of the simulated clock began. */
  check(): Promise<boolean>;
  reset(): void;
}

/**
 * SPEC section 4, rule 4: the EventBridge schedule that runs the auto-disconnect decision
 * even when an alarm was missed. After a clock jump it runs once, not once per slot: each
 * run looks at the live state, so the skipped ones would decide the same.
 */
export function createSafetyNetSweep(options: {
  clock: Clock;
  handler: EventHandler;
  logger: Logger;
  region: string;
  intervalMinutes?: number;
}): SafetyNetSweep {
  const slotMs = (options.intervalMinutes ?? SWEEP_INTERVAL_MINUTES) * 60_000;
  const slotOf = (ms: number) => Math.floor(ms / slotMs);
  let lastSlot = slotOf(options.clock.now().getTime());

  return {
    async check() {
      const slot = slotOf(options.clock.now().getTime());
      if (slot <= lastSlot) return false;
      lastSlot = slot;
      const event = scheduledEvent({
        region: options.region,
        ruleName: 'vpn-auto-disconnect-sweep',
        at: new Date(slot * slotMs),
      });
      try {
        await options.handler(event);
      } catch (error) {
        options.logger.error('auto-disconnect handler failed on the sweep', {
          error: error instanceof Error ? error.message : String(error),
        });
      }
      return true;
    },
    reset() {
      lastSlot = slotOf(options.clock.now().getTime());
    },
  };
}
