import type { AwsHealth } from '../adapters/aws/create-aws-health.js';
import { SWEEP_INTERVAL_MINUTES } from '../config/idle-alarm-definition.js';
import type { Settings } from '../config/settings.js';
import type { HealthCheckDeps } from '../core/health-checks.js';
import type { Clock } from '../ports/clock.js';
import type { RunLog } from '../ports/run-log.js';

/** The health checks' ports and what they look at, from the settings the portal started with. */
export function healthCheckDeps(
  settings: Settings,
  ports: AwsHealth & { runs: RunLog; clock: Clock },
  eventsFunctionArn: string | null,
): HealthCheckDeps {
  return {
    ...ports,
    targets: {
      endpointId: settings.endpointId,
      subnetIds: settings.subnetIds,
      alarmName: settings.idleAlarmName,
      eventsFunctionArn,
      sweepIntervalMinutes: SWEEP_INTERVAL_MINUTES,
    },
  };
}
