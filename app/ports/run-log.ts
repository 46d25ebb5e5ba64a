import type { IdleCheckOutcome, IdleCheckTrigger } from '../core/model/health.js';

/** One run of the idle check, as the events function recorded it. */
export interface IdleCheckRun {
  trigger: IdleCheckTrigger;
  at: Date;
  outcome: IdleCheckOutcome;
  /** The decision's reason, or what made the run fail. */
  reason: string;
}

export type LastRuns = Partial<Record<IdleCheckTrigger, IdleCheckRun>>;

/**
 * When the alarm's and the sweep's idle checks last ran and what they decided (issue 17):
 * one small record per trigger, overwritten by each run, so a run costs one write and the
 * health check one read. Implemented on the sessions table (`DynamoDbRunLog`) and in memory.
 */
export interface RunLog {
  record(run: IdleCheckRun): Promise<void>;
  lastRuns(): Promise<LastRuns>;
}
