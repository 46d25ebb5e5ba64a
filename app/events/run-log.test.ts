import { describe, expect, it } from 'vitest';
import { InMemoryRunLog } from '../adapters/local/in-memory-run-log.js';
import { connect } from '../core/connect.js';
import type { Logger } from '../logging/logger.js';
import type { IdleCheckRun, RunLog } from '../ports/run-log.js';
import { ASSOCIATE_MS, testCoreDeps } from '../testing/core-deps.js';
import { createIdleCheckHandler } from './idle-check-handler.js';

// Issue 17: each run of the idle check leaves what it decided for the health panel.

const ALARM = 'vpn-portal-idle';
const alarmEvent = (value: 'OK' | 'ALARM') => ({
  source: 'aws.cloudwatch',
  alarmArn: `arn:aws:cloudwatch:eu-west-1:123456789012:alarm:${ALARM}`,
  alarmData: { alarmName: ALARM, state: { value } },
});
const sweepEvent = { source: 'aws.events', 'detail-type': 'Scheduled Event' };

function linesLogger(lines: string[]): Logger {
  const logger: Logger = {
    info: () => undefined,
    warn: (message) => lines.push(message),
    error: () => undefined,
    child: () => logger,
  };
  return logger;
}

/** Counts the writes, so a run is held to one. */
class CountingRunLog implements RunLog {
  readonly inner = new InMemoryRunLog();
  writes = 0;
  async record(run: IdleCheckRun) {
    this.writes += 1;
    await this.inner.record(run);
  }
  lastRuns() {
    return this.inner.lastRuns();
  }
}

async function setup(runs: RunLog = new CountingRunLog()) {
  const deps = testCoreDeps();
  await connect(deps, 'mina');
  deps.clock.advance(ASSOCIATE_MS);
  const warnings: string[] = [];
  const handler = createIdleCheckHandler({
    ...deps,
    logger: linesLogger(warnings),
    idleAlarmName: ALARM,
    runs,
  });
  return { deps, handler, runs, warnings };
}

describe('the idle check’s run log', () => {
  it('records what the alarm decided, when, in one write', async () => {
    const runs = new CountingRunLog();
    const { deps, handler } = await setup(runs);
    deps.advanceMinutes(31);

    await handler(alarmEvent('ALARM'));

    expect(runs.writes).toBe(1);
    expect(await runs.lastRuns()).toEqual({
      alarm: {
        trigger: 'alarm',
        at: deps.clock.now(),
        outcome: 'disassociated',
        reason: 'Idle for at least 30 minutes.',
      },
    });
  });

  it('records a sweep that left the VPN on, and an alarm event it skipped', async () => {
    const { deps, handler, runs } = await setup();
    deps.advanceMinutes(5);

    await handler(sweepEvent);
    await handler(alarmEvent('OK'));

    const last = await runs.lastRuns();
    expect(last.sweep).toMatchObject({
      outcome: 'declined',
      reason: expect.stringContaining('within the 30-minute idle timeout'),
    });
    expect(last.alarm).toMatchObject({
      outcome: 'skipped',
      reason: 'Alarm state is OK; only ALARM asks for action.',
    });
  });

  it('records a run that failed, with its error, and still fails it', async () => {
    const { deps, handler, runs } = await setup();
    deps.simulator.injectFault({ kind: 'unavailable', operation: 'describeAssociations' });
    deps.simulator.injectFault({ kind: 'unavailable', operation: 'describeAssociations' });
    deps.simulator.injectFault({ kind: 'unavailable', operation: 'describeAssociations' });

    await expect(handler(sweepEvent)).rejects.toThrow();

    expect((await runs.lastRuns()).sweep).toMatchObject({
      trigger: 'sweep',
      outcome: 'failed',
      reason: expect.any(String),
    });
  });

  it('decides and acts even when the record cannot be written, and says so in the log', async () => {
    const broken: RunLog = {
      record: () => Promise.reject(new Error('The sessions table is unreachable.')),
      lastRuns: async () => ({}),
    };
    const { deps, handler, warnings } = await setup(broken);
    deps.advanceMinutes(31);

    await expect(handler(alarmEvent('ALARM'))).resolves.toMatchObject({
      decision: { action: 'disassociate' },
    });
    expect(warnings).toContain('could not record the run for the health panel');
  });

  it('records nothing for an event it rejects', async () => {
    const runs = new CountingRunLog();
    const { handler } = await setup(runs);
    await expect(handler({ source: 'aws.s3' })).rejects.toThrow();
    expect(runs.writes).toBe(0);
  });
});
