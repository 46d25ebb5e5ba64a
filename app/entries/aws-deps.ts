import { createAwsAdapters } from '../adapters/aws/create-aws-adapters.js';
import type { Settings } from '../config/settings.js';
import type { CoreDeps } from '../core/deps.js';
import { systemClock } from '../ports/clock.js';

/** The core's ports against real AWS, built once per process so warm Lambdas reuse them. */
export function createAwsCoreDeps(settings: Settings): CoreDeps {
  return {
    ...createAwsAdapters(settings),
    clock: systemClock,
    policy: {
      subnetIds: settings.subnetIds,
      extraRoutes: settings.extraRoutes,
      idleTimeoutMinutes: settings.idleTimeoutMinutes,
      prices: settings.prices,
    },
  };
}
