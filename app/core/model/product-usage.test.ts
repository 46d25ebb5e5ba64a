import { describe, expect, it } from 'vitest';
import { portalUsageThisMonth } from './product-usage.js';
import { newSession } from './session-lifecycle.js';
import type { EndReason, VpnSession } from './vocabulary.js';

const SWEEP_MINUTES = 15;

function session(options: {
  by: string;
  start: string;
  end?: string;
  endReason?: EndReason;
  users?: string[];
  taps?: { by: string; at: string }[];
}): VpnSession {
  const base = newSession({ startedBy: options.by, now: new Date(options.start), subnetCount: 2 });
  return {
    ...base,
    endedAt: options.end ?? null,
    endReason: options.end ? (options.endReason ?? 'idle') : null,
    users: options.users ?? base.users,
    ...(options.taps ? { connectRequests: options.taps } : {}),
  };
}

const usage = (sessions: VpnSession[], now: string) =>
  portalUsageThisMonth({ sessions, now: new Date(now), sweepIntervalMinutes: SWEEP_MINUTES });

describe('portalUsageThisMonth', () => {
  it('estimates a poll every 15 s for everyone in a session, plus their page loads and taps', () => {
    const twoHours = session({
      by: 'mina',
      start: '2026-04-02T09:00:00Z',
      end: '2026-04-02T11:00:00Z',
      users: ['mina', 'kenji'],
      taps: [
        { by: 'mina', at: '2026-04-02T09:00:00Z' },
        { by: 'kenji', at: '2026-04-02T09:10:00Z' },
      ],
    });
    expect(usage([twoHours], '2026-04-02T12:00:00Z')).toMatchObject({
      sessions: 1,
      // 2 people × 7,200 s ÷ 15 s
      statusPolls: 960,
      // + 2 people × 8 page-load requests + 2 taps on Connect
      portalRequests: 978,
      connectRequests: 2,
      hoursWithConnectRequests: 1,
      alarmInvocations: 1,
    });
  });

  it('counts only the part of a session that falls in this month', () => {
    const acrossTheMonth = session({
      by: 'mina',
      start: '2026-03-31T23:00:00Z',
      end: '2026-04-01T01:00:00Z',
    });
    expect(usage([acrossTheMonth], '2026-04-01T02:00:00Z')).toMatchObject({
      statusPolls: 240,
      // Its page loads and its tap on Connect were in March.
      portalRequests: 240,
      connectRequests: 0,
      hoursWithConnectRequests: 0,
    });
  });

  it('counts the sweeps the schedule ran since the 1st, and adds the alarm and warm-ups', () => {
    const warmUp = session({
      by: 'schedule',
      start: '2026-04-01T23:40:00Z',
      end: '2026-04-02T00:10:00Z',
    });
    const turnedOffByAdmin = session({
      by: 'mina',
      start: '2026-04-01T10:00:00Z',
      end: '2026-04-01T10:30:00Z',
      endReason: 'admin',
    });
    const result = usage([warmUp, turnedOffByAdmin], '2026-04-02T01:00:00Z');
    expect(result).toMatchObject({ sweeps: 100, warmUps: 1, alarmInvocations: 1 });
    // 100 sweeps + the warm-up's idle end + the warm-up itself; Disconnect now is the portal's.
    expect(result.eventsInvocations).toBe(102);
  });

  it('polls for nobody in a warm-up nobody joined, but counts its connect request', () => {
    const warmUp = session({ by: 'schedule', start: '2026-04-01T23:40:00Z' });
    expect(usage([warmUp], '2026-04-02T00:40:00Z')).toMatchObject({
      statusPolls: 0,
      portalRequests: 0,
      connectRequests: 1,
      hoursWithConnectRequests: 1,
    });
  });

  it('counts distinct hours with a connect request, when the custom metric was sent', () => {
    const s = session({
      by: 'mina',
      start: '2026-04-02T09:00:00Z',
      taps: [
        { by: 'mina', at: '2026-04-02T09:00:00Z' },
        { by: 'kenji', at: '2026-04-02T09:59:00Z' },
        { by: 'yui', at: '2026-04-02T10:01:00Z' },
      ],
    });
    expect(usage([s], '2026-04-02T11:00:00Z').hoursWithConnectRequests).toBe(2);
  });
});
