import { ALARM_PERIOD_SECONDS } from '../../config/idle-alarm-definition.js';
import { AwsCallError } from '../../core/model/errors.js';
import type { ActivityMetrics } from '../../ports/activity-metrics.js';

const PERIOD_MS = ALARM_PERIOD_SECONDS * 1000;

/** The two metrics the idle alarm reads, for one 5-minute period. Undefined = no data point. */
export interface PeriodData {
  /** Sum of connect requests (VpnPortal ConnectRequests). */
  connects?: number;
  /** Highest active-connection count sampled (AWS/ClientVPN ActiveConnectionsCount, Maximum). */
  active?: number;
}

export function periodStartOf(at: Date | number): number {
  const ms = typeof at === 'number' ? at : at.getTime();
  return Math.floor(ms / PERIOD_MS) * PERIOD_MS;
}

/**
 * CloudWatch in memory: data points per 5-minute period of the simulated clock. Like
 * CloudWatch, a period in which nothing was published has no data at all, which the alarm
 * then treats as missing (idle).
 */
export class InMemoryActivityMetrics implements ActivityMetrics {
  private readonly periods = new Map<number, PeriodData>();
  private readsDown = false;

  async recordConnectRequest(at: Date): Promise<void> {
    const period = this.periodAt(periodStartOf(at));
    period.connects = (period.connects ?? 0) + 1;
  }

  async lastActivitySince(since: Date, until: Date): Promise<Date | null> {
    if (this.readsDown) {
      throw new AwsCallError('GetMetricData', 'throttled', 'Simulated outage: Rate exceeded.');
    }
    // As in GetMetricData, a period counts when its timestamp (its start) lies in the range.
    let latest: number | null = null;
    for (const [start, data] of this.periods) {
      if (start < since.getTime() || start >= until.getTime()) continue;
      const connects = (data.connects ?? 0) > 0 ? start : null;
      const active = (data.active ?? 0) > 0 ? Math.min(start + PERIOD_MS, until.getTime()) : null;
      for (const at of [connects, active]) {
        if (at !== null && (latest === null || at > latest)) latest = at;
      }
    }
    return latest === null ? null : new Date(latest);
  }

  /** Publishes an ActiveConnectionsCount sample; the period keeps its maximum. */
  recordActiveConnections(periodStart: number, count: number): void {
    const period = this.periodAt(periodStartOf(periodStart));
    period.active = Math.max(period.active ?? 0, count);
  }

  /** The data of the period starting at `periodStart`, or undefined when nothing was published. */
  period(periodStart: number): PeriodData | undefined {
    const data = this.periods.get(periodStartOf(periodStart));
    return data === undefined ? undefined : { ...data };
  }

  /** GetMetricData fails (throttled) while `down`; the alarm's own view is unaffected. */
  setReadsUnavailable(down: boolean): void {
    this.readsDown = down;
  }

  get readsUnavailable(): boolean {
    return this.readsDown;
  }

  reset(): void {
    this.periods.clear();
    this.readsDown = false;
  }

  private periodAt(start: number): PeriodData {
    let period = this.periods.get(start);
    if (period === undefined) {
      period = {};
      this.periods.set(start, period);
    }
    return period;
  }
}
