import { type AwsClients, createAwsClients } from '../adapters/aws/aws-clients.js';
import { createAwsAdapters } from '../adapters/aws/create-aws-adapters.js';
import type { EndpointSettings } from '../config/endpoint-settings.js';
import { type Settings, vpnPolicy } from '../config/settings.js';
import type { CoreDeps } from '../core/deps.js';
import type { Logger } from '../logging/logger.js';
import { systemClock } from '../ports/clock.js';
import type { RunLog } from '../ports/run-log.js';
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
  /** The idle check's last runs on this endpoint (issue 17's health panel). */
  runs: RunLog;
}

/**
 * Every endpoint's ports against real AWS, built once per process so warm Lambdas reuse them;
 * the endpoints share one set of SDK clients (pass `clients` to share them, and their sockets,
 * with the health checks too).
 */
export function createAwsEndpointContexts(
  settings: Settings,
  logger: Logger,
  clients: AwsClients = createAwsClients(settings),
): AwsEndpointContext[] {
  return settings.endpoints.map((endpoint) => {
    const { vpnSetup, snapshots, runs, ...ports } = createAwsAdapters(settings, endpoint, {
      clients,
      logger,
    });
    return {
      settings: endpoint,
      deps: { ...ports, clock: systemClock, policy: vpnPolicy(settings, endpoint) },
      vpnSetup,
      snapshots,
      runs,
    };
  });
}
