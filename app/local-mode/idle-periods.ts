import type { IdleAlarmDefinition } from '../config/idle-alarm-definition.js';
import type { ClientConnection } from '../core/model/vocabulary.js';

/** The metric data of one period, as InMemoryActivityMetrics stores it. */
export interface PeriodMetrics {
  connects?: number;
  active?: number;
}

export interface PeriodEvaluation {
  periodStart: Date;
  /** The expression's value, or null when neither metric has a data point (missing). */
  value: number | null;
  breaching: boolean;
}

export interface IdleEvaluation {
  periods: PeriodEvaluation[];
  breachingCount: number;
  /** True when at least M of the last N completed periods breach. */
  alarm: boolean;
}

/**
 * Applies the idle alarm definition as CloudWatch does: the last N *completed* periods,
 * `FILL(connects, 0) + FILL(active, 0) < threshold`, missing data as configured (breaching),
 * and ALARM when at least M of them breach. Pure, so the rule is tested without waiting.
 */
export function evaluateIdlePeriods(
  definition: IdleAlarmDefinition,
  now: Date,
  dataOf: (periodStart: number) => PeriodMetrics | undefined,
): IdleEvaluation {
  const periodMs = definition.periodSeconds * 1000;
  const currentStart = Math.floor(now.getTime() / periodMs) * periodMs;
  const periods: PeriodEvaluation[] = [];
  for (let back = definition.evaluationPeriods; back >= 1; back--) {
    const start = currentStart - back * periodMs;
    const value = idleExpression(dataOf(start));
    const breaching =
      value === null ? definition.treatMissingData === 'breaching' : value < definition.threshold;
    periods.push({ periodStart: new Date(start), value, breaching });
  }
  const breachingCount = periods.filter((period) => period.breaching).length;
  return { periods, breachingCount, alarm: breachingCount >= definition.datapointsToAlarm };
}

/** `FILL(connects, 0) + FILL(active, 0)`: FILL only fills when the other metric has data. */
function idleExpression(data: PeriodMetrics | undefined): number | null {
  if (data?.connects === undefined && data?.active === undefined) return null;
  return (data.connects ?? 0) + (data.active ?? 0);
}

/**
 * What ActiveConnectionsCount would report for each period from `fromMs` to `toMs`: the
 * connections active at some moment of the period (an upper bound of the maximum, which is
 * all the "< 1" rule needs). Ended connections stay listed for an hour, so nothing is lost
 * when the clock jumps.
 */
export function activeConnectionsPerPeriod(
  connections: readonly ClientConnection[],
  fromMs: number,
  toMs: number,
  periodSeconds: number,
): { periodStart: number; count: number }[] {
  const periodMs = periodSeconds * 1000;
  const samples: { periodStart: number; count: number }[] = [];
  for (let start = Math.floor(fromMs / periodMs) * periodMs; start <= toMs; start += periodMs) {
    const end = Math.min(start + periodMs, toMs + 1);
    const count = connections.filter(
      (c) => c.connectedAt.getTime() < end && (c.endedAt === null || c.endedAt.getTime() > start),
    ).length;
    samples.push({ periodStart: start, count });
  }
  return samples;
}
