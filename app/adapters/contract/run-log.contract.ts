import { describe, expect, it } from 'vitest';
import type { IdleCheckRun, RunLog } from '../../ports/run-log.js';

/**
 * The behaviour every RunLog must show, run against the in-memory log and DynamoDB
 * (dynalite). `makeLog` must return an empty log each time.
 */
export function runLogContract(name: string, makeLog: () => RunLog | Promise<RunLog>): void {
  const T0 = Date.parse('2026-03-02T09:00:00Z');
  const run = (
    trigger: IdleCheckRun['trigger'],
    minutes: number,
    overrides: Partial<IdleCheckRun> = {},
  ) => ({
    trigger,
    at: new Date(T0 + minutes * 60_000),
    outcome: 'nothing' as const,
    reason: 'No association to remove (already off or stopping).',
    ...overrides,
  });

  describe(`${name} honours the RunLog contract`, () => {
    it('has no runs before anything was recorded', async () => {
      const log = await makeLog();
      await expect(log.lastRuns()).resolves.toEqual({});
    });

    it('keeps the last run of each trigger, with its time, outcome and reason', async () => {
      const log = await makeLog();
      await log.record(run('sweep', 0));
      await log.record(
        run('alarm', 5, { outcome: 'disassociated', reason: 'Idle for at least 30 minutes.' }),
      );
      await log.record(run('sweep', 15, { outcome: 'declined', reason: '1 client(s) connected.' }));

      await expect(log.lastRuns()).resolves.toEqual({
        alarm: run('alarm', 5, {
          outcome: 'disassociated',
          reason: 'Idle for at least 30 minutes.',
        }),
        sweep: run('sweep', 15, { outcome: 'declined', reason: '1 client(s) connected.' }),
      });
    });

    it('never moves a record back in time when an older run finishes last', async () => {
      const log = await makeLog();
      await log.record(run('sweep', 30, { outcome: 'nothing' }));
      await log.record(run('sweep', 15, { outcome: 'failed', reason: 'timed out' }));

      await expect(log.lastRuns()).resolves.toEqual({ sweep: run('sweep', 30) });
    });
  });
}
