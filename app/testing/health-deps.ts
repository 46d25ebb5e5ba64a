import { InMemoryRunLog } from '../adapters/local/in-memory-run-log.js';
import { LocalIdleAlarm } from '../adapters/local/local-idle-alarm.js';
import type { ManualClock } from '../adapters/local/manual-clock.js';
import { SimulatedClientVpn } from '../adapters/local/simulated-client-vpn.js';
import {
  localEventsFunctionArn,
  SimulatedHealthProbes,
  SimulatedPermissionProbe,
} from '../adapters/local/simulated-health-probes.js';
import { type HealthCheckDeps, probePermissions } from '../core/health-checks.js';
import { CHANGES_EACH_FUNCTION_MAKES } from '../core/model/health.js';
import { TEST_SUBNETS, testClock } from './core-deps.js';

export const TEST_ENDPOINT = 'cvpn-endpoint-0123456789abcdef0';
export const TEST_REGION = 'ap-northeast-2';
export const TEST_ALARM = 'VpnPortal-idle';

export interface TestHealthDeps extends HealthCheckDeps {
  clock: ManualClock;
  simulator: SimulatedClientVpn;
  alarm: LocalIdleAlarm;
  runs: InMemoryRunLog;
}

/**
 * The health checks against the local adapters (the project's one set of fakes): the
 * simulated endpoint, the local alarm, the in-memory run log, and an events function that
 * answers with its own DryRun calls, as the real one does (events/health-event.ts).
 */
export function testHealthDeps(clock: ManualClock = testClock()): TestHealthDeps {
  const simulator = new SimulatedClientVpn({ clock });
  const alarm = new LocalIdleAlarm(clock);
  const runs = new InMemoryRunLog();
  const eventsRole = new SimulatedPermissionProbe(simulator, 'background');
  return {
    clock,
    simulator,
    alarm,
    runs,
    probes: new SimulatedHealthProbes({
      vpn: simulator,
      alarm,
      region: TEST_REGION,
      subnetIds: TEST_SUBNETS,
    }),
    permissions: new SimulatedPermissionProbe(simulator, 'portal'),
    eventsFunction: {
      check: async () => ({
        outcome: 'answered',
        answers: await probePermissions(eventsRole, CHANGES_EACH_FUNCTION_MAKES.events),
      }),
    },
    targets: {
      endpointId: TEST_ENDPOINT,
      subnetIds: TEST_SUBNETS,
      alarmName: TEST_ALARM,
      eventsFunctionArn: localEventsFunctionArn(TEST_REGION),
      sweepIntervalMinutes: 15,
    },
  };
}
