import { describe, expect, it } from 'vitest';
import { InvalidEventError } from '../core/model/errors.js';
import type { Logger } from '../logging/logger.js';
import { TEST_START, TEST_SUBNETS, testCoreDeps } from '../testing/core-deps.js';
import { createEventsFunction } from './events-function.js';
import {
  createWarmUpHandler,
  parseWarmUpEvent,
  WARM_UP_EVENT_SOURCE,
  warmUpEvent,
  warmUpTargetInput,
} from './warm-up-event.js';

function recordingLogger(lines: { level: string; message: string }[]): Logger {
  const logger: Logger = {
    info: (message) => lines.push({ level: 'info', message }),
    warn: (message) => lines.push({ level: 'warn', message }),
    error: (message) => lines.push({ level: 'error', message }),
    child: () => logger,
  };
  return logger;
}

function setup(holidays: string[] = []) {
  const lines: { level: string; message: string }[] = [];
  const deps = {
    ...testCoreDeps(),
    logger: recordingLogger(lines),
    idleAlarmName: 'vpn-portal-idle',
    warmUp: {
      schedule: {
        entries: [{ days: ['mon' as const], time: '09:00', timeZone: 'UTC' }],
        holidays,
      },
    },
  };
  return { deps, lines };
}

describe('warm-up event', () => {
  it('is the input the stack gives each schedule, with the Scheduler’s time placeholder', () => {
    expect(warmUpTargetInput('vpn-portal-warm-up-0')).toEqual({
      source: 'vpn-portal.warm-up',
      scheduleName: 'vpn-portal-warm-up-0',
      scheduledFor: '<aws.scheduler.scheduled-time>',
    });
  });

  it('parses the time Scheduler fills in', () => {
    const parsed = parseWarmUpEvent({
      source: WARM_UP_EVENT_SOURCE,
      scheduleName: 'vpn-portal-warm-up-0',
      scheduledFor: '2022-03-22T18:59:43Z',
    });

    expect(parsed).toEqual({
      scheduleName: 'vpn-portal-warm-up-0',
      scheduledFor: new Date('2022-03-22T18:59:43Z'),
    });
  });

  it.each([
    ['an unfilled placeholder', warmUpTargetInput('s')],
    [
      'a missing schedule name',
      { source: WARM_UP_EVENT_SOURCE, scheduledFor: '2026-03-02T09:00:00Z' },
    ],
    ['a date without a time', { ...warmUpEvent('s', TEST_START), scheduledFor: '2026-03-02' }],
    ['an unknown zone', { ...warmUpEvent('s', TEST_START), timeZone: 'Nowhere/City' }],
    ['another source', { ...warmUpEvent('s', TEST_START), source: 'aws.events' }],
    ['no object at all', 'warm up please'],
  ])('rejects %s', (_case, event) => {
    expect(() => parseWarmUpEvent(event)).toThrow(InvalidEventError);
  });
});

describe('createWarmUpHandler', () => {
  it('starts the VPN for a valid event, as a session started by the schedule', async () => {
    const { deps, lines } = setup();

    const result = await createWarmUpHandler(deps)(warmUpEvent('vpn-portal-warm-up-0', TEST_START));

    expect(result).toEqual({
      trigger: 'warm-up',
      scheduleName: 'vpn-portal-warm-up-0',
      scheduledFor: TEST_START.toISOString(),
      action: 'connected',
      outcome: 'started',
      warnings: [],
    });
    expect(await deps.store.getOpen()).toMatchObject({ startedBy: 'schedule' });
    expect(lines).toEqual([{ level: 'info', message: 'warm-up' }]);
  });

  it('touches nothing and throws for an invalid event', async () => {
    const { deps, lines } = setup();

    await expect(
      createWarmUpHandler(deps)({ source: WARM_UP_EVENT_SOURCE, scheduleName: 'x' }),
    ).rejects.toThrow(InvalidEventError);

    expect(deps.vpn.calls.associate).toBe(0);
    expect(deps.metrics.period(TEST_START.getTime())).toBeUndefined();
    expect(lines).toEqual([{ level: 'error', message: 'rejected event' }]);
  });

  it('skips a holiday that the schedule could not leave out', async () => {
    const { deps } = setup(['2026-03-02']);

    const result = await createWarmUpHandler(deps)(warmUpEvent('w', TEST_START));

    expect(result).toMatchObject({ action: 'skipped', reason: 'holiday' });
    expect(deps.vpn.calls.associate).toBe(0);
  });

  it('logs and throws when AWS refuses the association', async () => {
    const { deps, lines } = setup();
    deps.simulator.injectFault({ kind: 'unavailable', operation: 'associate' });

    await expect(createWarmUpHandler(deps)(warmUpEvent('w', TEST_START))).rejects.toMatchObject({
      code: 'aws_unavailable',
    });
    expect(lines).toEqual([{ level: 'error', message: 'warm-up failed' }]);
  });
});

/** The one endpoint of `setup()` as the events function takes it (issue 18). */
function eventsDeps({ logger, idleAlarmName, warmUp, ...deps }: ReturnType<typeof setup>['deps']) {
  return {
    endpoints: [
      { settings: { key: 'vpn', idleAlarmName, warmUps: warmUp.schedule.entries }, deps },
    ],
    logger,
    warmUp: { holidays: warmUp.schedule.holidays },
  };
}

describe('createEventsFunction', () => {
  it('routes a warm-up event to the warm-up', async () => {
    const { deps } = setup();

    const result = await createEventsFunction(eventsDeps(deps))(warmUpEvent('w', TEST_START));

    expect(result).toMatchObject({ endpoint: 'vpn', trigger: 'warm-up', outcome: 'started' });
    expect(await deps.simulator.describeAssociations()).toHaveLength(TEST_SUBNETS.length);
  });

  it('still hands the sweep and the alarm to the auto-disconnect handler', async () => {
    const { deps } = setup();
    const handle = createEventsFunction(eventsDeps(deps));

    const sweep = await handle({ source: 'aws.events', 'detail-type': 'Scheduled Event' });

    expect(sweep).toMatchObject({
      trigger: 'sweep',
      endpoints: [{ endpoint: 'vpn', trigger: 'sweep', decision: { action: 'nothing' } }],
    });
    await expect(handle({ source: 'aws.s3' })).rejects.toThrow(InvalidEventError);
    expect(deps.vpn.calls.associate).toBe(0);
  });
});
