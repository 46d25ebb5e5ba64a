import type { IdleCheckRun, LastRuns, RunLog } from '../../ports/run-log.js';

/** The last run of each idle check, in memory: local mode's and the tests'. */
export class InMemoryRunLog implements RunLog {
  private runs: LastRuns = {};

  async record(run: IdleCheckRun): Promise<void> {
    // As the DynamoDB log: a run that finishes after a newer one never moves the record back.
    const held = this.runs[run.trigger];
    if (held && held.at.getTime() > run.at.getTime()) return;
    this.runs = { ...this.runs, [run.trigger]: { ...run, at: new Date(run.at) } };
  }

  async lastRuns(): Promise<LastRuns> {
    return structuredClone(this.runs);
  }

  /** Local mode's simulator reset: no run happened yet. */
  reset(): void {
    this.runs = {};
  }
}
