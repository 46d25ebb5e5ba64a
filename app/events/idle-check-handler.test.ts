import { describe, expect, it } from 'vitest';
import { connect } from '../core/connect.js';
import { InvalidEventError } from '../core/model/errors.js';
import type { Logger } from '../logging/logger.js';
import { ASSOCIATE_MS, testCoreDeps } from '../testing/core-deps.js';
import { createIdleCheckHandler } from './idle-check-handler.js';

const ALARM = 'vpn-portal-idle';

function alarmEvent(value: 'OK' | 'ALARM', alarmName = ALARM) {
  return {
    source: 'aws.cloudwatch',
    alarmArn: `arn:aws:cloudwatch:eu-west-1:123456789012:alarm:${alarmName}`,
    alarmData: { alarmName, state: { value, reason: 'Threshold Crossed' } },
  };
}

const scheduledEvent = { source: 'aws.events', 'detail-type': 'Scheduled Event', detail: {} };

function recordingLogger(lines: { level: string; message: string }[]): Logger {
  const logger: Logger = {
    info: (message) => lines.push({ level: 'info', message }),
    warn: (message) => lines.push({ level: 'warn', message }),
    error: (message) => lines.push({ level: 'error', message }),
    child: () => logger,
  };
  return logger;
}

async function setup() {
  const deps = testCoreDeps();
  await connect(deps, 'mina');
  deps.clock.advance(ASSOCIATE_MS);
  const lines: { level: string; message: string }[] = [];
  const handler = createIdleCheckHandler({
    ...deps,
    logger: recordingLogger(lines),
    idleAlarmName: ALARM,
  });
  return { deps, handler, lines };
}

describe('auto-disconnect handler', () => {
  it('disassociates on the idle alarm when the VPN is idle', async () => {
    const { deps, handler } = await setup();
    deps.advanceMinutes(31);
    expect(await handler(alarmEvent('ALARM'))).toMatchObject({
      trigger: 'alarm',
      decision: { action: 'disassociate' },
    });
  });

  it('runs the same decision for the scheduled sweep, once the alarm has had its window', async () => {
    const { deps, handler } = await setup();
    deps.advanceMinutes(41);
    expect(await handler(scheduledEvent)).toMatchObject({
      trigger: 'sweep',
      decision: { action: 'disassociate' },
    });
  });

  it('skips an alarm event whose state is OK', async () => {
    const { deps, handler } = await setup();
    deps.advanceMinutes(31);
    expect(await handler(alarmEvent('OK'))).toMatchObject({
      trigger: 'alarm',
      skipped: expect.any(String),
    });
    expect(deps.vpn.calls.disassociate).toBe(0);
  });

  it.each([
    ['garbage', { hello: 'world' }],
    ['another alarm', alarmEvent('ALARM', 'billing-alarm')],
  ])('rejects %s with a clear error, touches nothing and logs it', async (_label, event) => {
    const { deps, handler, lines } = await setup();
    deps.advanceMinutes(31);
    await expect(handler(event)).rejects.toBeInstanceOf(InvalidEventError);
    expect(deps.vpn.calls.disassociate).toBe(0);
    expect(deps.alarm.resetHistory).toEqual([]);
    expect(lines).toEqual([{ level: 'error', message: 'rejected event' }]);
  });

  it('does nothing twice when the alarm invocation is retried', async () => {
    const { deps, handler } = await setup();
    deps.advanceMinutes(31);
    await handler(alarmEvent('ALARM'));
    const calls = deps.vpn.calls.disassociate;
    expect(await handler(alarmEvent('ALARM'))).toMatchObject({ decision: { action: 'nothing' } });
    expect(deps.vpn.calls.disassociate).toBe(calls);
  });
});
