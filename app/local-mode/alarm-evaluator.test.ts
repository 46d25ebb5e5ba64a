import { describe, expect, it } from 'vitest';
import { InMemoryActivityMetrics } from '../adapters/local/in-memory-activity-metrics.js';
import { LocalIdleAlarm } from '../adapters/local/local-idle-alarm.js';
import { ManualClock } from '../adapters/local/manual-clock.js';
import { idleAlarmDefinition } from '../config/idle-alarm-definition.js';
import type { ClientConnection } from '../core/model/vocabulary.js';
import { silentLogger } from '../logging/logger.js';
import { createAlarmEvaluator } from './alarm-evaluator.js';

const MINUTE = 60_000;

function setUp(options: { declineWith?: string } = {}) {
  const clock = new ManualClock({ start: new Date('2025-01-06T09:00:30Z'), runsInRealTime: false });
  const metrics = new InMemoryActivityMetrics();
  const alarm = new LocalIdleAlarm(clock);
  const connections: ClientConnection[] = [];
  const events: Record<string, unknown>[] = [];
  const evaluator = createAlarmEvaluator({
    clock,
    definition: idleAlarmDefinition({ idleTimeoutMinutes: 30, metricNamespace: 'VpnPortal' }),
    metrics,
    alarm,
    connections: () => connections,
    handler: async (event) => {
      events.push(event as Record<string, unknown>);
      if (options.declineWith) await alarm.reset(options.declineWith);
    },
    logger: silentLogger,
    alarmName: 'local-idle-alarm',
    endpointId: 'cvpn-endpoint-0123456789abcdef0',
    region: 'local',
  });
  return { clock, metrics, alarm, connections, events, evaluator };
}

describe('alarm evaluator', () => {
  it('invokes the handler with a CloudWatch alarm event when the VPN has been idle', async () => {
    const { clock, metrics, events, evaluator, alarm } = setUp();
    await evaluator.evaluate(); // at start-up nothing happened for 30 minutes: ALARM
    events.length = 0;
    await metrics.recordConnectRequest(clock.now());
    clock.advance(5 * MINUTE);
    await evaluator.evaluate();
    expect(alarm.state.value).toBe('OK');

    clock.advance(29 * MINUTE);
    await evaluator.evaluate({ force: true });
    expect(events).toEqual([]);
    clock.advance(2 * MINUTE);
    await evaluator.evaluate({ force: true });
    expect(alarm.state.value).toBe('ALARM');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      source: 'aws.cloudwatch',
      alarmArn: 'arn:aws:cloudwatch:local:000000000000:alarm:local-idle-alarm',
      alarmData: {
        alarmName: 'local-idle-alarm',
        state: { value: 'ALARM' },
        previousState: { value: 'OK' },
        configuration: {
          metrics: [{ id: 'idle', expression: 'FILL(connects, 0) + FILL(active, 0)' }, {}, {}],
        },
      },
    });
  });

  it('fires only on the transition, not while the alarm stays in ALARM', async () => {
    const { clock, events, evaluator } = setUp();
    await evaluator.evaluate();
    clock.advance(10 * MINUTE);
    await evaluator.evaluate({ force: true });
    expect(events).toHaveLength(1);
  });

  it('replays the evaluations skipped by a jump, so a busy period still re-arms the alarm', async () => {
    const { clock, metrics, events, evaluator } = setUp();
    await evaluator.evaluate(); // nothing happened before start-up: ALARM, the VPN is off
    expect(events).toHaveLength(1);
    await metrics.recordConnectRequest(clock.now());
    clock.advance(40 * MINUTE);
    await evaluator.evaluate({ force: true });
    expect(events).toHaveLength(2);
  });

  it('keeps the VPN on while a fake client stays connected across a jump', async () => {
    const { clock, connections, events, evaluator, alarm } = setUp();
    await evaluator.evaluate();
    events.length = 0;
    connections.push({
      connectionId: 'c1',
      user: 'kim',
      status: 'active',
      connectedAt: clock.now(),
      endedAt: null,
    });
    clock.advance(60 * MINUTE);
    await evaluator.evaluate({ force: true });
    expect(alarm.state.value).toBe('OK');
    expect(events).toEqual([]);
  });

  it('fires again after the handler declined and reset the alarm, a minute later', async () => {
    const { clock, events, evaluator, alarm } = setUp({ declineWith: 'still starting' });
    await evaluator.evaluate();
    expect(alarm.state.value).toBe('OK');
    await evaluator.evaluate();
    expect(events).toHaveLength(1);
    clock.advance(MINUTE);
    await evaluator.evaluate();
    expect(events).toHaveLength(2);
  });
});
