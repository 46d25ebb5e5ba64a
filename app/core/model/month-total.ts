import type { MonthReport } from './cost.js';

/**
 * Several endpoints' months so far, added up (issue 18): the admin view's total. Every report
 * is of the same month and the same `now`, so their days line up; each sum is rounded to the
 * cent (hours to the hundredth), as each report's own figures are.
 */
export function sumMonthReports(reports: readonly MonthReport[]): MonthReport | null {
  const [first] = reports;
  if (!first) return null;
  const round = (value: number) => Math.round(value * 100) / 100;
  const total = (pick: (report: MonthReport) => number) =>
    round(reports.reduce((sum, report) => sum + pick(report), 0));
  return {
    since: first.since,
    associationHours: total((report) => report.associationHours),
    connectionHours: total((report) => report.connectionHours),
    costUsd: total((report) => report.costUsd),
    alwaysOnCostUsd: total((report) => report.alwaysOnCostUsd),
    days: first.days.map((day, index) => ({
      date: day.date,
      associationHours: total((report) => report.days[index]?.associationHours ?? 0),
      costUsd: total((report) => report.days[index]?.costUsd ?? 0),
    })),
  };
}
