import { createAwsAdapters } from '../adapters/aws/create-aws-adapters.js';
import { type Settings, vpnPolicy } from '../config/settings.js';
import type { CoreDeps } from '../core/deps.js';
import { systemClock } from '../ports/clock.js';

/** The core's ports against real AWS, built once per process so warm Lambdas reuse them. */
export function createAwsCoreDeps(settings: Settings): CoreDeps {
  return {
    ...createAwsAdapters(settings),
    clock: systemClock,
    policy: vpnPolicy(settings),
  };
}
