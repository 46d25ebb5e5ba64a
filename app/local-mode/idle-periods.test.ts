import { describe, expect, it } from 'vitest';
import { idleAlarmDefinition } from '../config/idle-alarm-definition.js';
import type { ClientConnection } from '../core/model/vocabulary.js';
import {
  activeConnectionsPerPeriod,
  evaluateIdlePeriods,
  type PeriodMetrics,
} from './idle-periods.js';

const definition = idleAlarmDefinition({ idleTimeoutMinutes: 30, metricNamespace: 'VpnPortal' });
const at = (time: string) => new Date(`2025-01-06T${time}Z`);
const data = (entries: Record<string, PeriodMetrics>) => (start: number) =>
  entries[new Date(start).toISOString().slice(11, 19)];

describe('evaluateIdlePeriods', () => {
  it('alarms when all six completed periods have no data (missing means idle)', () => {
    const result = evaluateIdlePeriods(definition, at('10:02:00'), data({}));
    expect(result.alarm).toBe(true);
    expect(result.periods.map((p) => p.periodStart.toISOString().slice(11, 16))).toEqual([
      '09:30',
      '09:35',
      '09:40',
      '09:45',
      '09:50',
      '09:55',
    ]);
    expect(result.periods.every((p) => p.value === null && p.breaching)).toBe(true);
  });

  it('stays OK when one of the periods had a connect request', () => {
    const result = evaluateIdlePeriods(
      definition,
      at('10:02:00'),
      data({ '09:45:00': { connects: 1 } }),
    );
    expect(result).toMatchObject({ alarm: false, breachingCount: 5 });
  });

  it('stays OK when a client was connected in a period, with no connect request', () => {
    const result = evaluateIdlePeriods(
      definition,
      at('10:00:00'),
      data({ '09:30:00': { active: 1 } }),
    );
    expect(result.alarm).toBe(false);
  });

  it('fills a missing metric with zero when the other has data', () => {
    const result = evaluateIdlePeriods(
      definition,
      at('10:00:00'),
      data({ '09:55:00': { active: 0 } }),
    );
    expect(result.periods.at(-1)).toMatchObject({ value: 0, breaching: true });
    expect(result.alarm).toBe(true);
  });

  it('ignores the period still in progress', () => {
    const result = evaluateIdlePeriods(
      definition,
      at('10:04:59'),
      data({ '10:00:00': { connects: 3 } }),
    );
    expect(result.alarm).toBe(true);
  });
});

describe('activeConnectionsPerPeriod', () => {
  const connection = (connectedAt: string, endedAt: string | null): ClientConnection => ({
    connectionId: 'c',
    user: 'kim',
    status: endedAt ? 'terminated' : 'active',
    connectedAt: at(connectedAt),
    endedAt: endedAt ? at(endedAt) : null,
  });

  it('counts a connection in every period it was active, across a jump', () => {
    const samples = activeConnectionsPerPeriod(
      [connection('09:03:00', '09:12:00'), connection('09:20:00', null)],
      at('09:00:00').getTime(),
      at('09:21:00').getTime(),
      300,
    );
    expect(samples.map((s) => s.count)).toEqual([1, 1, 1, 0, 1]);
  });
});
