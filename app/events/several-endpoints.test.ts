import { describe, expect, it } from 'vitest';
import { connect } from '../core/connect.js';
import { InvalidEventError } from '../core/model/errors.js';
import type { Logger } from '../logging/logger.js';
import { ASSOCIATE_MS, type TestCoreDeps, testCoreDeps } from '../testing/core-deps.js';
import { createEventsFunction } from './events-function.js';
import { WARM_UP_EVENT_SOURCE, warmUpEvent } from './warm-up-event.js';

/*
 * Issue 18: one events function for every endpoint. The alarm event names its alarm: the
 * Lambda action payload of a CloudWatch alarm carries `alarmData.alarmName` beside
 * `alarmData.state.value` ("Lambda alarm actions", CloudWatch User Guide,
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html#Lambda-action-payload;
 * the same shape as aws_lambda_events' example-cloudwatch-alarm-metric.json fixture).
 */
function alarmEvent(alarmName: string) {
  return {
    source: 'aws.cloudwatch',
    alarmArn: `arn:aws:cloudwatch:ap-northeast-2:123456789012:alarm:${alarmName}`,
    accountId: '123456789012',
    time: '2026-03-02T09:40:00.000+0000',
    region: 'ap-northeast-2',
    alarmData: {
      alarmName,
      state: {
        value: 'ALARM',
        reason: 'Threshold Crossed',
        timestamp: '2026-03-02T09:40:00.000+0000',
      },
      previousState: { value: 'OK', reason: 'Threshold Crossed' },
    },
  };
}
const sweepEvent = { source: 'aws.events', 'detail-type': 'Scheduled Event', detail: {} };

function recordingLogger(lines: { level: string; message: string }[]): Logger {
  const logger: Logger = {
    info: (message) => lines.push({ level: 'info', message }),
    warn: (message) => lines.push({ level: 'warn', message }),
    error: (message) => lines.push({ level: 'error', message }),
    child: () => logger,
  };
  return logger;
}

/** Seoul and Staging, both connected and then idle past their timeout. */
async function idleEndpoints() {
  const seoul = testCoreDeps();
  const staging = testCoreDeps();
  for (const deps of [seoul, staging]) {
    await connect(deps, 'mina');
    deps.clock.advance(ASSOCIATE_MS);
  }
  const lines: { level: string; message: string }[] = [];
  const handle = createEventsFunction({
    endpoints: [
      {
        settings: {
          key: 'seoul',
          idleAlarmName: 'idle-seoul',
          warmUps: [{ days: ['mon'], time: '09:00', timeZone: 'UTC' }],
        },
        deps: seoul,
      },
      {
        settings: {
          key: 'staging',
          idleAlarmName: 'idle-staging',
          warmUps: [{ days: ['mon'], time: '09:00', timeZone: 'UTC' }],
        },
        deps: staging,
      },
    ],
    logger: recordingLogger(lines),
  });
  const idle = (minutes: number) => {
    for (const deps of [seoul, staging]) deps.advanceMinutes(minutes);
  };
  return { seoul, staging, handle, lines, idle };
}

const disassociations = (deps: TestCoreDeps) => deps.vpn.calls.disassociate;

describe('the events function with several endpoints', () => {
  it('turns off only the endpoint whose idle alarm fired', async () => {
    const { seoul, staging, handle, idle } = await idleEndpoints();
    idle(31);

    const result = await handle(alarmEvent('idle-staging'));

    expect(result).toMatchObject({
      endpoint: 'staging',
      trigger: 'alarm',
      decision: { action: 'disassociate' },
    });
    expect(disassociations(staging)).toBeGreaterThan(0);
    expect(disassociations(seoul)).toBe(0);
  });

  it("rejects an alarm that is no endpoint's, clearly, and changes nothing", async () => {
    const { seoul, staging, handle, idle, lines } = await idleEndpoints();
    idle(31);

    await expect(handle(alarmEvent('billing-alarm'))).rejects.toThrow(
      /"billing-alarm", which is no endpoint's idle alarm \("idle-seoul", "idle-staging"\)/,
    );
    await expect(handle({ source: 'aws.s3' })).rejects.toBeInstanceOf(InvalidEventError);
    expect(disassociations(seoul) + disassociations(staging)).toBe(0);
    expect(seoul.alarm.resetHistory).toEqual([]);
    expect(lines.filter((line) => line.message === 'rejected event')).toHaveLength(2);
  });

  it('sweeps every endpoint', async () => {
    const { seoul, staging, handle, idle } = await idleEndpoints();
    idle(41);

    const result = await handle(sweepEvent);

    expect(result).toMatchObject({
      trigger: 'sweep',
      endpoints: [
        { endpoint: 'seoul', decision: { action: 'disassociate' } },
        { endpoint: 'staging', decision: { action: 'disassociate' } },
      ],
    });
    expect(disassociations(seoul)).toBeGreaterThan(0);
    expect(disassociations(staging)).toBeGreaterThan(0);
  });

  it('sweeps the other endpoints when one fails, then fails visibly naming it', async () => {
    const { seoul, staging, handle, idle, lines } = await idleEndpoints();
    idle(41);
    seoul.simulator.injectFault({ kind: 'unavailable', operation: 'describeAssociations' });
    seoul.simulator.injectFault({ kind: 'unavailable', operation: 'describeAssociations' });
    seoul.simulator.injectFault({ kind: 'unavailable', operation: 'describeAssociations' });

    await expect(handle(sweepEvent)).rejects.toThrow(
      /failed for seoul; the other endpoints were checked/,
    );

    expect(disassociations(staging)).toBeGreaterThan(0);
    expect(disassociations(seoul)).toBe(0);
    expect(lines).toContainEqual({ level: 'error', message: 'sweep failed for an endpoint' });
  });

  it('warms up the endpoint the event names, and the first for an event without a key', async () => {
    const seoul = testCoreDeps();
    const staging = testCoreDeps();
    const warmUps = [{ days: ['mon' as const], time: '09:00', timeZone: 'UTC' }];
    const handle = createEventsFunction({
      endpoints: [
        { settings: { key: 'seoul', idleAlarmName: 'idle-seoul', warmUps }, deps: seoul },
        { settings: { key: 'staging', idleAlarmName: 'idle-staging', warmUps }, deps: staging },
      ],
      logger: recordingLogger([]),
    });
    const monday0900 = seoul.clock.now();

    await expect(handle(warmUpEvent('warm-up-1', monday0900, 'staging'))).resolves.toMatchObject({
      endpoint: 'staging',
      outcome: 'started',
    });
    expect(await seoul.store.getOpen()).toBeNull();
    // A schedule made before issue 18 sends no key: it is the first endpoint's.
    await expect(handle(warmUpEvent('warm-up-1', monday0900))).resolves.toMatchObject({
      endpoint: 'seoul',
      outcome: 'started',
    });
    await expect(
      handle({
        ...warmUpEvent('warm-up-1', monday0900),
        endpoint: 'tokyo',
        source: WARM_UP_EVENT_SOURCE,
      }),
    ).rejects.toThrow(/"tokyo", which is no endpoint's key/);
  });
});
