import { describe, expect, it } from 'vitest';
import { InMemoryActivityMetrics, periodStartOf } from './in-memory-activity-metrics.js';

const at = (time: string) => new Date(`2025-01-06T${time}Z`);

describe('InMemoryActivityMetrics', () => {
  it('sums connect requests per 5-minute period', async () => {
    const metrics = new InMemoryActivityMetrics();
    await metrics.recordConnectRequest(at('09:01:00'));
    await metrics.recordConnectRequest(at('09:04:59'));
    await metrics.recordConnectRequest(at('09:05:00'));
    expect(metrics.period(at('09:00:00').getTime())).toEqual({ connects: 2 });
    expect(metrics.period(at('09:05:00').getTime())).toEqual({ connects: 1 });
    expect(metrics.period(at('09:10:00').getTime())).toBeUndefined();
  });

  it('keeps the highest active-connection sample of a period', () => {
    const metrics = new InMemoryActivityMetrics();
    const start = periodStartOf(at('09:00:00'));
    metrics.recordActiveConnections(start, 2);
    metrics.recordActiveConnections(start + 60_000, 1);
    expect(metrics.period(start)).toEqual({ active: 2 });
  });

  it('finds the latest period with a connect request in the range', async () => {
    const metrics = new InMemoryActivityMetrics();
    await metrics.recordConnectRequest(at('09:02:00'));
    await metrics.recordConnectRequest(at('09:12:00'));
    expect(await metrics.lastActivitySince(at('09:00:00'), at('09:30:00'))).toEqual(at('09:10:00'));
    expect(await metrics.lastActivitySince(at('09:00:00'), at('09:10:00'))).toEqual(at('09:00:00'));
    expect(await metrics.lastActivitySince(at('09:15:00'), at('09:45:00'))).toBeNull();
  });

  it('counts a period with a connected client as activity until its end, never past the range', async () => {
    const metrics = new InMemoryActivityMetrics();
    await metrics.recordConnectRequest(at('09:02:00'));
    metrics.recordActiveConnections(periodStartOf(at('09:20:00')), 1);
    metrics.recordActiveConnections(periodStartOf(at('09:30:00')), 0);
    expect(await metrics.lastActivitySince(at('09:00:00'), at('10:00:00'))).toEqual(at('09:25:00'));
    expect(await metrics.lastActivitySince(at('09:00:00'), at('09:22:00'))).toEqual(at('09:22:00'));
    // A period sampled at zero, or not published at all, is no activity.
    expect(await metrics.lastActivitySince(at('09:30:00'), at('10:00:00'))).toBeNull();
  });

  it('forgets everything on reset', async () => {
    const metrics = new InMemoryActivityMetrics();
    await metrics.recordConnectRequest(at('09:02:00'));
    metrics.reset();
    expect(metrics.period(at('09:00:00').getTime())).toBeUndefined();
  });
});
