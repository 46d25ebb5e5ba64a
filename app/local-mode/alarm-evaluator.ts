import type { InMemoryActivityMetrics } from '../adapters/local/in-memory-activity-metrics.js';
import type { LocalIdleAlarm } from '../adapters/local/local-idle-alarm.js';
import type { IdleAlarmDefinition } from '../config/idle-alarm-definition.js';
import type { ClientConnection } from '../core/model/vocabulary.js';
import type { Logger } from '../logging/logger.js';
import type { Clock } from '../ports/clock.js';
import {
  activeConnectionsPerPeriod,
  evaluateIdlePeriods,
  type IdleEvaluation,
} from './idle-periods.js';
import { cloudWatchAlarmEvent } from './local-events.js';

export type EventHandler = (event: unknown) => Promise<unknown>;

export interface AlarmEvaluatorOptions {
  clock: Clock;
  definition: IdleAlarmDefinition;
  metrics: InMemoryActivityMetrics;
  alarm: LocalIdleAlarm;
  /** Where ActiveConnectionsCount comes from: the simulated endpoint's connection list. */
  connections: () => ClientConnection[];
  /** The real events function (createEventsFunction), as the alarm action invokes it. */
  handler: EventHandler;
  logger: Logger;
  alarmName: string;
  endpointId: string;
  region: string;
}

export interface AlarmEvaluator {
  /**
   * Samples active connections, then evaluates, as CloudWatch does, at most once per
   * simulated minute unless `force` (the clock was just advanced). On OK → ALARM it
   * invokes the handler and waits for it.
   */
  evaluate(options?: { force?: boolean }): Promise<IdleEvaluation | null>;
  /** Forgets what was sampled and evaluated (the alarm itself is reset by its owner). */
  reset(): void;
}

const MINUTE_MS = 60_000;

/** CloudWatch in a box: the same alarm definition as the stack, applied to local metrics. */
export function createAlarmEvaluator(options: AlarmEvaluatorOptions): AlarmEvaluator {
  const { clock, definition, metrics, alarm, logger } = options;
  let sampledUntil = clock.now().getTime();
  // Starts as if just evaluated, so the first evaluation looks at the state of start-up.
  let lastEvaluatedMs = sampledUntil - MINUTE_MS;

  const sample = (nowMs: number): void => {
    const samples = activeConnectionsPerPeriod(
      options.connections(),
      sampledUntil,
      nowMs,
      definition.periodSeconds,
    );
    for (const { periodStart, count } of samples)
      metrics.recordActiveConnections(periodStart, count);
    sampledUntil = nowMs;
  };

  /** One CloudWatch evaluation at `at`; true when it fired the alarm action. */
  const evaluateAt = async (at: Date): Promise<{ result: IdleEvaluation; fired: boolean }> => {
    const result = evaluateIdlePeriods(definition, at, (start) => metrics.period(start));
    const wanted = result.alarm ? 'ALARM' : 'OK';
    const previous = alarm.state;
    if (previous.value === wanted) return { result, fired: false };

    const reason = stateReason(result, definition);
    alarm.setState(wanted, reason);
    logger.info('idle alarm changed state', { from: previous.value, to: wanted, reason });
    // CloudWatch runs alarm actions only on the transition into ALARM.
    if (wanted === 'OK') return { result, fired: false };
    const event = cloudWatchAlarmEvent({
      alarmName: options.alarmName,
      region: options.region,
      endpointId: options.endpointId,
      definition,
      state: { value: 'ALARM', reason, since: at },
      previousState: previous,
    });
    try {
      await options.handler(event);
    } catch (error) {
      logger.error('auto-disconnect handler failed on the alarm event', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
    return { result, fired: true };
  };

  return {
    async evaluate({ force = false } = {}) {
      const nowMs = clock.now().getTime();
      sample(nowMs);
      if (!force && Math.floor(nowMs / MINUTE_MS) === Math.floor(lastEvaluatedMs / MINUTE_MS)) {
        return null;
      }
      // After a jump, replay the evaluations CloudWatch would have made at each period
      // boundary, so a busy period in between still moves the alarm to OK and back.
      const periodMs = definition.periodSeconds * 1000;
      const times: number[] = [];
      for (
        let t = (Math.floor(lastEvaluatedMs / periodMs) + 1) * periodMs;
        t < nowMs;
        t += periodMs
      ) {
        times.push(t);
      }
      times.push(nowMs);
      lastEvaluatedMs = nowMs;
      let latest: IdleEvaluation | null = null;
      for (const t of times) {
        const { result, fired } = await evaluateAt(new Date(t));
        latest = result;
        // The handler acted on the live state of now; replaying further would only re-fire.
        if (fired) break;
      }
      return latest;
    },
    reset() {
      sampledUntil = clock.now().getTime();
      lastEvaluatedMs = sampledUntil;
    },
  };
}

function stateReason(result: IdleEvaluation, definition: IdleAlarmDefinition): string {
  const values = result.periods.map((p) => (p.value === null ? 'missing' : String(p.value)));
  return `Threshold Crossed: ${result.breachingCount} out of the last ${definition.evaluationPeriods} datapoints [${values.join(', ')}] were less than the threshold (${definition.threshold}) or missing (treated as breaching).`;
}
