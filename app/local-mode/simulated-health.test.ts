import { describe, expect, it } from 'vitest';
import { ManualClock } from '../adapters/local/manual-clock.js';
import { localEventsFunctionArn } from '../adapters/local/simulated-health-probes.js';
import { SWEEP_INTERVAL_MINUTES } from '../config/idle-alarm-definition.js';
import { firstEndpoint, loadSettings } from '../config/settings.js';
import { runHealthChecks } from '../core/health-checks.js';
import { silentLogger } from '../logging/logger.js';
import { createLocalSimulation } from './local-simulation.js';
import { simulatorRoutes } from './simulator-routes.js';

// Issue 17: local mode runs the same health checks against the simulator, which can make one fail.

function setUp() {
  const clock = new ManualClock({ start: new Date('2025-01-06T09:00:00Z'), runsInRealTime: false });
  const settings = loadSettings({}, 'local');
  const local = createLocalSimulation({ settings, logger: silentLogger, clock });
  const app = simulatorRoutes(local.simulation);
  const post = (path: string, body: unknown) =>
    app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const check = () =>
    runHealthChecks({
      ...local.health,
      clock,
      targets: {
        endpointId: firstEndpoint(settings).endpointId,
        subnetIds: firstEndpoint(settings).subnetIds,
        alarmName: firstEndpoint(settings).idleAlarmName,
        eventsFunctionArn: localEventsFunctionArn(settings.region),
        sweepIntervalMinutes: SWEEP_INTERVAL_MINUTES,
      },
    });
  return { local, post, check, clock };
}

const statusOf = async (report: ReturnType<ReturnType<typeof setUp>['check']>, id: string) =>
  (await report).checks.find((entry) => entry.id === id);

describe('local mode’s health checks', () => {
  it('pass on a fresh simulator once the sweep has run', async () => {
    const { local, check } = setUp();
    await local.simulation.advance(SWEEP_INTERVAL_MINUTES * 60_000);

    const report = await check();

    expect(report.checks.filter((entry) => entry.status !== 'ok')).toEqual([]);
    expect(report.checks.find((entry) => entry.id === 'last-run:sweep')).toMatchObject({
      finding: 'ran',
      outcome: 'nothing',
    });
  });

  it('fail the events function’s Disassociate check when the simulator denies it, until a reset', async () => {
    const { local, post, check } = setUp();

    const response = await post('/api/permissions', {
      operation: 'disassociate',
      caller: 'background',
      allowed: false,
    });

    expect(response.status).toBe(200);
    expect((await response.json()).deniedPermissions).toEqual([
      { operation: 'disassociate', caller: 'background' },
    ]);
    // Asked through the real events function, as the portal asks it with Lambda Invoke.
    expect(
      await statusOf(check(), 'permission:events:DisassociateClientVpnTargetNetwork'),
    ).toMatchObject({
      status: 'failed',
      finding: 'denied',
      aws: { code: 'UnauthorizedOperation' },
    });
    expect(
      await statusOf(check(), 'permission:portal:DisassociateClientVpnTargetNetwork'),
    ).toMatchObject({
      status: 'ok',
    });
    // The role really lacks it: the events function's own call is refused, the portal's is not.
    await expect(
      local.simulation.vpn.as('background').disassociate('cvpn-assoc-0'),
    ).rejects.toThrow(/UnauthorizedOperation/);
    await expect(local.deps.vpn.disassociate('cvpn-assoc-0')).resolves.toBeUndefined();

    await post('/api/permissions', {
      operation: 'disassociate',
      caller: 'background',
      allowed: true,
    });
    expect(
      (await statusOf(check(), 'permission:events:DisassociateClientVpnTargetNetwork'))?.status,
    ).toBe('ok');

    await post('/api/permissions', { operation: 'associate', caller: 'portal', allowed: false });
    await local.simulation.resetAll();
    expect(local.simulation.vpn.deniedPermissions()).toEqual([]);
  });

  it('refuse a permission request that names no role', async () => {
    const { post, local } = setUp();
    const response = await post('/api/permissions', { operation: 'disassociate', allowed: false });
    expect(response.status).toBe(400);
    expect(local.simulation.vpn.deniedPermissions()).toEqual([]);
  });
});
