import type { AwsHealth } from '../adapters/aws/create-aws-health.js';
import type { EndpointSettings } from '../config/endpoint-settings.js';
import { SWEEP_INTERVAL_MINUTES } from '../config/idle-alarm-definition.js';

import type { HealthCheckDeps } from '../core/health-checks.js';
import type { Clock } from '../ports/clock.js';
import type { RunLog } from '../ports/run-log.js';

/** The health checks' ports and what they look at: one endpoint's settings. */
export function healthCheckDeps(
  endpoint: EndpointSettings,
  ports: AwsHealth & { runs: RunLog; clock: Clock },
  eventsFunctionArn: string | null,
): HealthCheckDeps {
  return {
    ...ports,
    targets: {
      endpointId: endpoint.endpointId,
      subnetIds: endpoint.subnetIds,
      alarmName: endpoint.idleAlarmName,
      eventsFunctionArn,
      sweepIntervalMinutes: SWEEP_INTERVAL_MINUTES,
    },
  };
}
