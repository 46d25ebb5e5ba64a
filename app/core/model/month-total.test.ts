import { describe, expect, it } from 'vitest';
import type { MonthReport } from './cost.js';
import { sumMonthReports } from './month-total.js';

const seoul: MonthReport = {
  since: '2026-03-01T00:00:00.000Z',
  associationHours: 10.5,
  connectionHours: 4,
  costUsd: 1.25,
  alwaysOnCostUsd: 7.3,
  days: [
    { date: '2026-03-01', associationHours: 4.5, costUsd: 0.5 },
    { date: '2026-03-02', associationHours: 6, costUsd: 0.75 },
  ],
};
const staging: MonthReport = {
  since: '2026-03-01T00:00:00.000Z',
  associationHours: 0.1,
  connectionHours: 0,
  costUsd: 0.01,
  alwaysOnCostUsd: 7.2,
  days: [
    { date: '2026-03-01', associationHours: 0, costUsd: 0 },
    { date: '2026-03-02', associationHours: 0.1, costUsd: 0.01 },
  ],
};

describe('sumMonthReports', () => {
  it('adds every figure and every day of the endpoints, rounded to the cent', () => {
    expect(sumMonthReports([seoul, staging])).toEqual({
      since: '2026-03-01T00:00:00.000Z',
      associationHours: 10.6,
      connectionHours: 4,
      costUsd: 1.26,
      alwaysOnCostUsd: 14.5,
      days: [
        { date: '2026-03-01', associationHours: 4.5, costUsd: 0.5 },
        { date: '2026-03-02', associationHours: 6.1, costUsd: 0.76 },
      ],
    });
  });

  it('is the one report itself for a single endpoint, and nothing for none', () => {
    expect(sumMonthReports([seoul])).toEqual(seoul);
    expect(sumMonthReports([])).toBeNull();
  });
});
