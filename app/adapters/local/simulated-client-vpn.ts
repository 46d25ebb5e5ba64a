import type {
  Association,
  ClientConnection,
  ExtraRoute,
  VpnRoute,
} from '../../core/model/vocabulary.js';
import type { ClientVpn } from '../../ports/client-vpn.js';
import type { Clock } from '../../ports/clock.js';
import { SimulatedConnections, type SimulatedTraffic } from './simulated-connections.js';
import {
  type ClientVpnOperation,
  FaultQueue,
  type InjectedFault,
  type SimulatedCaller,
} from './simulated-faults.js';
import { SimulatedNetworks } from './simulated-networks.js';
import {
  type DeniedPermission,
  type PermissionOperation,
  SimulatedPermissions,
} from './simulated-permissions.js';

export { SIMULATED_BYTES_PER_MINUTE, type SimulatedTraffic } from './simulated-connections.js';
export {
  CLIENT_VPN_OPERATIONS,
  type ClientVpnOperation,
  type InjectedFault,
  SIMULATED_CALLERS,
  type SimulatedCaller,
} from './simulated-faults.js';
export {
  type DeniedPermission,
  PERMISSION_OPERATIONS,
  type PermissionOperation,
} from './simulated-permissions.js';

export interface SimulatedClientVpnOptions {
  clock: Clock;
  /** How long `associating` lasts on the simulated clock; AWS takes minutes, demos seconds. */
  associateMs?: number;
  disassociateMs?: number;
  /** The VPC's CIDR: the route every association brings with it. */
  vpcCidr?: string;
}

/** A simulator control was misused (e.g. a client connecting while nothing is associated). */
export class SimulatorError extends Error {
  constructor(
    readonly code: 'not_associated' | 'unknown_connection',
    message: string,
  ) {
    super(message);
    this.name = 'SimulatorError';
  }
}

/**
 * The Client VPN endpoint in memory, behaving as AWS does: statuses move on the shared
 * simulated clock (settled lazily on every call), routes follow associations, ended
 * connections stay listed for an hour, and faults can be injected for the next call.
 */
export class SimulatedClientVpn implements ClientVpn {
  private readonly clock: Clock;
  private readonly networks: SimulatedNetworks;
  private readonly connections = new SimulatedConnections();
  private readonly faults = new FaultQueue();
  private readonly permissions = new SimulatedPermissions();

  constructor(options: SimulatedClientVpnOptions) {
    this.clock = options.clock;
    this.networks = new SimulatedNetworks({
      associateMs: options.associateMs ?? 5_000,
      disassociateMs: options.disassociateMs ?? 3_000,
      vpcCidr: options.vpcCidr ?? '10.0.0.0/16',
    });
  }

  describeAssociations(): Promise<Association[]> {
    return this.as().describeAssociations();
  }

  describeConnections(): Promise<ClientConnection[]> {
    return this.as().describeConnections();
  }

  describeRoutes(): Promise<VpnRoute[]> {
    return this.as().describeRoutes();
  }

  associate(subnetId: string, clientToken: string): Promise<Association> {
    return this.as().associate(subnetId, clientToken);
  }

  disassociate(associationId: string): Promise<void> {
    return this.as().disassociate(associationId);
  }

  createRoute(route: ExtraRoute, clientToken: string): Promise<void> {
    return this.as().createRoute(route, clientToken);
  }

  terminateConnection(connectionId: string): Promise<void> {
    return this.as().terminateConnection(connectionId);
  }

  /**
   * The same endpoint as one caller sees it: faults injected for that caller (or for any)
   * meet its calls, faults meant for another caller do not.
   */
  as(caller?: SimulatedCaller): ClientVpn {
    return {
      describeAssociations: async () => {
        this.begin('describeAssociations', caller);
        return this.inspectAssociations();
      },
      describeConnections: async () => {
        this.begin('describeConnections', caller);
        return this.listClients();
      },
      describeRoutes: async () => {
        this.begin('describeRoutes', caller);
        return this.inspectRoutes();
      },
      associate: async (subnetId, clientToken) => {
        this.begin('associate', caller);
        return this.networks.associate(subnetId, clientToken, this.clock.now().getTime());
      },
      disassociate: async (associationId) => {
        this.begin('disassociate', caller);
        const now = this.clock.now();
        // Clients lose the tunnel as soon as no associated network is left to carry it.
        if (this.networks.disassociate(associationId, now.getTime())) {
          this.connections.terminateAll(now);
        }
      },
      createRoute: async (route) => {
        this.begin('createRoute', caller);
        this.networks.createRoute(route);
      },
      terminateConnection: async (connectionId) => {
        this.begin('terminateConnection', caller);
        // As AWS: ending one that already ended, or one it never had, changes nothing.
        this.connections.terminate(connectionId, this.clock.now());
      },
    };
  }

  // ---- simulator controls (not part of the port, so never subject to injected faults) ----

  /** What DescribeClientVpnTargetNetworks would answer, without the fault injection. */
  inspectAssociations(): Association[] {
    this.settle();
    return this.networks.list();
  }

  inspectRoutes(): VpnRoute[] {
    this.settle();
    return this.networks.listRoutes();
  }

  /** Active connections and those ended in the last 60 minutes, oldest first. */
  listClients(): ClientConnection[] {
    this.settle();
    return this.connections.list(this.clock.now());
  }

  /** A fake VPN client connects as `user`; AWS only lets it in while a network is associated. */
  connectClient(user: string, traffic: SimulatedTraffic = 'working'): ClientConnection {
    this.settle();
    if (!this.networks.anyAssociated()) {
      throw new SimulatorError('not_associated', 'No subnet is associated: the VPN is not ready.');
    }
    return this.connections.connect(user, this.clock.now(), traffic);
  }

  /**
   * From now on the client carries `traffic`: `keepalive-only` is the iPad put away with
   * its VPN app still connected.
   */
  setClientTraffic(connectionId: string, traffic: SimulatedTraffic): ClientConnection {
    this.settle();
    const now = this.clock.now();
    const connection = this.connections.setTraffic(connectionId, traffic, now)
      ? this.connections.find(connectionId, now)
      : undefined;
    if (!connection) {
      throw new SimulatorError('unknown_connection', `No active connection ${connectionId}.`);
    }
    return connection;
  }

  disconnectClient(connectionId: string): ClientConnection {
    this.settle();
    this.connections.terminate(connectionId, this.clock.now());
    const connection = this.connections.find(connectionId, this.clock.now());
    if (!connection) {
      throw new SimulatorError('unknown_connection', `No connection ${connectionId}.`);
    }
    return connection;
  }

  /** Queues a failure for the next call of `fault.operation` (or of any operation) by `fault.caller` (or by anyone). */
  injectFault(fault: InjectedFault): void {
    this.faults.inject(fault);
  }

  /** The next association ends `association-failed` with `message`, as AWS reports it. */
  failNextAssociation(message: string): void {
    this.networks.failNextAssociation(message);
  }

  pendingFaults(): InjectedFault[] {
    return this.faults.pending();
  }

  /** Takes a permission away from one caller's role (or gives it back): its calls are refused. */
  setPermission(permission: DeniedPermission, allowed: boolean): void {
    if (allowed) this.permissions.allow(permission);
    else this.permissions.deny(permission);
  }

  deniedPermissions(): DeniedPermission[] {
    return this.permissions.list();
  }

  /**
   * What a DryRun of `operation` answers `caller`: allowed unless its role lost the
   * permission. It changes nothing and meets no injected fault, as AWS checks only IAM.
   */
  dryRun(operation: PermissionOperation, caller: SimulatedCaller): 'allowed' | 'denied' {
    return this.permissions.isDenied(operation, caller) ? 'denied' : 'allowed';
  }

  reset(): void {
    this.networks.reset();
    this.connections.clear();
    this.faults.clear();
    this.permissions.clear();
  }

  // ---- internals ----

  private begin(operation: ClientVpnOperation, caller: SimulatedCaller | undefined): void {
    this.permissions.throwIfDenied(operation, caller);
    this.faults.throwIfFaulted(operation, caller);
    this.settle();
  }

  /** Applies every transition that is due on the simulated clock. */
  private settle(): void {
    const now = this.clock.now();
    this.networks.settle(now.getTime());
    this.connections.forgetEndedBefore(now);
  }
}
