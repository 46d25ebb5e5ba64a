import { describe, expect, it } from 'vitest';
import { ManualClock } from '../adapters/local/manual-clock.js';
import { loadSettings } from '../config/settings.js';
import { connect } from '../core/connect.js';
import type { VpnPolicy } from '../core/model/policy.js';
import { silentLogger } from '../logging/logger.js';
import { createLocalSimulation } from './local-simulation.js';

const MINUTE = 60_000;

async function idleAfterOneTap(policy?: Partial<VpnPolicy>) {
  const clock = new ManualClock({ start: new Date('2026-03-02T00:00:00Z'), runsInRealTime: false });
  const local = createLocalSimulation({
    settings: loadSettings({ IDLE_TIMEOUT_MINUTES: '30' }, 'local'),
    logger: silentLogger,
    clock,
    ...(policy ? { policy } : {}),
  });
  await connect(local.deps, 'someone');
  for (let minute = 0; minute < 60; minute += 1) {
    clock.advance(MINUTE);
    await local.simulation.afterAdvance();
  }
  return local;
}

describe('local simulation policy', () => {
  it('takes the policy from the settings when nothing replaces it', async () => {
    const local = await idleAfterOneTap();
    expect(local.deps.policy.idleTimeoutMinutes).toBe(30);
    expect(local.deps.policy.sweepWaitsForAlarmMinutes).toBeGreaterThan(0);
    // The sweep leaves the alarm its window: the alarm turns the VPN off.
    expect(local.simulation.notifications.sent.map((n) => n.kind)).toEqual(['auto-off']);
  });

  it('replaces parts of it for the portal and the events function alike', async () => {
    const local = await idleAfterOneTap({ sweepWaitsForAlarmMinutes: 0 });
    expect(local.deps.policy.sweepWaitsForAlarmMinutes).toBe(0);
    expect(local.deps.policy.subnetIds).toHaveLength(2);
    // Without the wait, the sweep 30 minutes after the tap beats the alarm (5 minutes later).
    expect(local.simulation.notifications.sent.map((n) => n.kind)).toEqual(['sweep-acted']);
  });
});
