import { createAwsClients } from '../adapters/aws/aws-clients.js';
import { createAwsAdapters } from '../adapters/aws/create-aws-adapters.js';
import type { EndpointSettings } from '../config/endpoint-settings.js';
import { type Settings, vpnPolicy } from '../config/settings.js';
import type { CoreDeps } from '../core/deps.js';
import type { Logger } from '../logging/logger.js';
import { systemClock } from '../ports/clock.js';
import type { StatusSnapshotStore } from '../ports/status-snapshots.js';
import type { VpnClientSetup } from '../ports/vpn-client-setup.js';

/**
 * One endpoint as the functions run it (issue 18): its settings, the core's ports bound to it
 * (Client VPN, its sessions, metrics with its `Endpoint` dimension, its idle alarm, its
 * policy), its client setup and its status snapshot.
 */
export interface AwsEndpointContext {
  settings: EndpointSettings;
  deps: CoreDeps;
  vpnSetup: VpnClientSetup;
  snapshots: StatusSnapshotStore;
}

/**
 * Every endpoint's ports against real AWS, built once per process so warm Lambdas reuse them;
 * the endpoints share one set of SDK clients.
 */
export function createAwsEndpointContexts(
  settings: Settings,
  logger: Logger,
): AwsEndpointContext[] {
  const clients = createAwsClients(settings);
  return settings.endpoints.map((endpoint) => {
    const { vpnSetup, snapshots, ...ports } = createAwsAdapters(settings, endpoint, {
      clients,
      logger,
    });
    return {
      settings: endpoint,
      deps: { ...ports, clock: systemClock, policy: vpnPolicy(settings, endpoint) },
      vpnSetup,
      snapshots,
    };
  });
}
