import type { AwsClients } from '../adapters/aws/aws-clients.js';
import { createAwsClients } from '../adapters/aws/aws-clients.js';
import { type AwsAdapters, createAwsAdapters } from '../adapters/aws/create-aws-adapters.js';
import { type Settings, vpnPolicy } from '../config/settings.js';
import type { CoreDeps } from '../core/deps.js';
import type { Logger } from '../logging/logger.js';
import { systemClock } from '../ports/clock.js';
import type { VpnClientSetup } from '../ports/vpn-client-setup.js';

/**
 * The core's ports against real AWS, built once per process so warm Lambdas reuse them, and
 * the status snapshot the portal shares with its other instances. Pass `clients` to share
 * them (and their sockets) with the health checks.
 */
export function createAwsCoreDeps(
  settings: Settings,
  logger: Logger,
  clients: AwsClients = createAwsClients(settings),
): CoreDeps & { vpnSetup: VpnClientSetup } & Pick<AwsAdapters, 'snapshots' | 'runs'> {
  return {
    ...createAwsAdapters(settings, { logger, clients }),
    clock: systemClock,
    policy: vpnPolicy(settings),
  };
}
