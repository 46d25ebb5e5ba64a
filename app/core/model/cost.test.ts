import { describe, expect, it } from 'vitest';
import { associationHours, connectionHours, monthReport, sessionCostUsd } from './cost.js';
import { newSession } from './session-lifecycle.js';
import type { SessionConnection, VpnSession } from './vocabulary.js';

const PRICES = { associationHourUsd: 0.1, connectionHourUsd: 0.05 };

function session(options: {
  start: string;
  end?: string;
  subnets?: number;
  connections?: SessionConnection[];
  queued?: boolean;
}): VpnSession {
  const base = newSession({
    startedBy: 'u',
    now: new Date(options.start),
    subnetCount: options.subnets ?? 1,
    queued: options.queued ?? false,
  });
  return {
    ...base,
    endedAt: options.end ?? null,
    endReason: options.end ? 'idle' : null,
    connections: options.connections ?? [],
  };
}

function conn(from: string, to: string | null): SessionConnection {
  return { connectionId: `c-${from}`, user: 'u', connectedAt: from, endedAt: to };
}

describe('associationHours', () => {
  it('multiplies the hours the session lasted by its subnets', () => {
    const s = session({ start: '2026-03-02T09:00:00Z', end: '2026-03-02T12:00:00Z', subnets: 2 });
    expect(associationHours(s, new Date('2026-03-02T15:00:00Z'))).toBe(6);
  });

  it('counts an open session up to now', () => {
    const s = session({ start: '2026-03-02T09:00:00Z' });
    expect(associationHours(s, new Date('2026-03-02T09:30:00Z'))).toBe(0.5);
  });

  it('counts nothing for a connect still queued behind a stop', () => {
    const s = session({ start: '2026-03-02T09:00:00Z', queued: true });
    expect(associationHours(s, new Date('2026-03-02T10:00:00Z'))).toBe(0);
  });
});

describe('connectionHours', () => {
  it('adds up ended connections, and open ones until the session ends', () => {
    const s = session({
      start: '2026-03-02T09:00:00Z',
      end: '2026-03-02T12:00:00Z',
      connections: [
        conn('2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z'),
        conn('2026-03-02T10:00:00Z', null),
      ],
    });
    expect(connectionHours(s, new Date('2026-03-02T20:00:00Z'))).toBe(3);
  });
});

describe('sessionCostUsd', () => {
  it('prices association hours × subnets and connection hours separately', () => {
    const s = session({
      start: '2026-03-02T09:00:00Z',
      end: '2026-03-02T12:00:00Z',
      subnets: 2,
      connections: [conn('2026-03-02T09:10:00Z', '2026-03-02T10:10:00Z')],
    });
    // 3 h × 2 subnets × $0.10 + 1 connection-hour × $0.05
    expect(sessionCostUsd(s, new Date('2026-03-02T12:00:00Z'), PRICES)).toBe(0.65);
  });
});

describe('monthReport', () => {
  const now = new Date('2026-03-02T12:00:00Z');

  it('compares the month so far with keeping every subnet associated around the clock', () => {
    const s = session({
      start: '2026-03-02T09:00:00Z',
      end: '2026-03-02T12:00:00Z',
      subnets: 2,
      connections: [conn('2026-03-02T09:10:00Z', '2026-03-02T10:10:00Z')],
    });
    const report = monthReport([s], now, 2, PRICES);
    expect(report).toMatchObject({
      since: '2026-03-01T00:00:00.000Z',
      associationHours: 6,
      connectionHours: 1,
      costUsd: 0.65,
      // 36 hours since the 1st × 2 subnets × $0.10 + the same connection-hour
      alwaysOnCostUsd: 7.25,
    });
  });

  it('counts only the part of a session that falls in this month', () => {
    const s = session({ start: '2026-02-28T22:00:00Z', end: '2026-03-01T01:00:00Z' });
    const report = monthReport([s], now, 1, PRICES);
    expect(report.associationHours).toBe(1);
    expect(report.costUsd).toBe(0.1);
  });

  it('splits the hours per UTC day, one entry per day so far', () => {
    const s = session({ start: '2026-03-01T23:00:00Z', end: '2026-03-02T01:00:00Z' });
    const report = monthReport([s], now, 1, PRICES);
    expect(report.days).toEqual([
      { date: '2026-03-01', associationHours: 1, costUsd: 0.1 },
      { date: '2026-03-02', associationHours: 1, costUsd: 0.1 },
    ]);
  });

  it('costs nothing when the VPN was never on this month', () => {
    const report = monthReport([], now, 2, PRICES);
    expect(report.costUsd).toBe(0);
    expect(report.alwaysOnCostUsd).toBe(7.2);
  });
});
