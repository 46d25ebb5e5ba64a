import { randomBytes } from 'node:crypto';
import { AwsCallError } from '../../core/model/errors.js';
import type {
  Association,
  ClientConnection,
  ExtraRoute,
  VpnRoute,
} from '../../core/model/vocabulary.js';
import type { ClientVpn } from '../../ports/client-vpn.js';
import type { Clock } from '../../ports/clock.js';
import { SimulatedConnections } from './simulated-connections.js';
import {
  type ClientVpnOperation,
  FaultQueue,
  type InjectedFault,
  type SimulatedCaller,
} from './simulated-faults.js';

export {
  CLIENT_VPN_OPERATIONS,
  type ClientVpnOperation,
  type InjectedFault,
  SIMULATED_CALLERS,
  type SimulatedCaller,
} from './simulated-faults.js';

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

interface SimulatedAssociation extends Association {
  clientToken: string;
  /** Simulated time of the last status change; transitions are due a fixed delay later. */
  sinceMs: number;
  /** Set by an injected association failure: where `associating` ends instead. */
  failWith?: string;
}

/**
 * The Client VPN endpoint in memory, behaving as AWS does: statuses move on the shared
 * simulated clock (settled lazily on every call), routes follow associations, ended
 * connections stay listed for an hour, and faults can be injected for the next call.
 */
export class SimulatedClientVpn implements ClientVpn {
  private readonly clock: Clock;
  private readonly associateMs: number;
  private readonly disassociateMs: number;
  private readonly vpcCidr: string;
  private associations: SimulatedAssociation[] = [];
  private readonly connections = new SimulatedConnections();
  private routes: VpnRoute[] = [];
  private readonly faults = new FaultQueue();
  private nextAssociationFailure: string | null = null;

  constructor(options: SimulatedClientVpnOptions) {
    this.clock = options.clock;
    this.associateMs = options.associateMs ?? 5_000;
    this.disassociateMs = options.disassociateMs ?? 3_000;
    this.vpcCidr = options.vpcCidr ?? '10.0.0.0/16';
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
        return this.associateNow(subnetId, clientToken);
      },
      disassociate: async (associationId) => {
        this.begin('disassociate', caller);
        this.disassociateNow(associationId);
      },
      createRoute: async (route) => {
        this.begin('createRoute', caller);
        this.createRouteNow(route);
      },
    };
  }

  private associateNow(subnetId: string, clientToken: string): Association {
    const byToken = this.associations.find((a) => a.clientToken === clientToken);
    if (byToken) {
      if (byToken.subnetId !== subnetId) {
        throw new AwsCallError('associate', 'rejected', 'IdempotentParameterMismatch');
      }
      return publicAssociation(byToken);
    }
    const current = this.associations.find(
      (a) => a.subnetId === subnetId && a.status !== 'disassociated',
    );
    // AWS answers InvalidClientVpnDuplicateAssociationException here; the port (like the EC2
    // adapter) turns it into success with the association that already exists.
    if (current?.status === 'associating' || current?.status === 'associated') {
      return publicAssociation(current);
    }
    if (current?.status === 'disassociating') {
      throw new AwsCallError('associate', 'rejected', `Subnet ${subnetId} is being disassociated.`);
    }
    if (current) current.status = 'disassociated'; // a failed one is replaced
    const association: SimulatedAssociation = {
      associationId: `cvpn-assoc-${randomBytes(9).toString('hex').slice(0, 17)}`,
      subnetId,
      status: 'associating',
      clientToken,
      sinceMs: this.clock.now().getTime(),
      ...(this.nextAssociationFailure === null ? {} : { failWith: this.nextAssociationFailure }),
    };
    this.nextAssociationFailure = null;
    this.associations.push(association);
    return publicAssociation(association);
  }

  private disassociateNow(associationId: string): void {
    const association = this.associations.find((a) => a.associationId === associationId);
    if (!association || association.status === 'disassociating') return;
    if (association.status === 'disassociated') return;
    association.status = 'disassociating';
    association.sinceMs = this.clock.now().getTime();
    // Clients lose the tunnel as soon as no associated network is left to carry it.
    if (!this.associations.some((a) => a.status === 'associated')) {
      this.connections.terminateAll(this.clock.now());
    }
  }

  private createRouteNow(route: ExtraRoute): void {
    const target = this.associations.find(
      (a) =>
        a.subnetId === route.subnetId && (a.status === 'associated' || a.status === 'associating'),
    );
    if (!target) {
      throw new AwsCallError(
        'createRoute',
        'rejected',
        `InvalidClientVpnActiveAssociationNotFound: subnet ${route.subnetId} is not associated.`,
      );
    }
    const exists = this.routes.some(
      (r) => r.destinationCidr === route.cidr && r.targetSubnetId === route.subnetId,
    );
    if (exists) return; // InvalidClientVpnDuplicateRoute, which the port treats as success
    this.routes.push({
      destinationCidr: route.cidr,
      targetSubnetId: route.subnetId,
      origin: 'add-route',
      status: 'active',
    });
  }

  // ---- simulator controls (not part of the port, so never subject to injected faults) ----

  /** What DescribeClientVpnTargetNetworks would answer, without the fault injection. */
  inspectAssociations(): Association[] {
    this.settle();
    return this.associations.map(publicAssociation);
  }

  inspectRoutes(): VpnRoute[] {
    this.settle();
    return this.routes.map((route) => ({ ...route }));
  }

  /** Active connections and those ended in the last 60 minutes, oldest first. */
  listClients(): ClientConnection[] {
    this.settle();
    return this.connections.list();
  }

  /** A fake VPN client connects as `user`; AWS only lets it in while a network is associated. */
  connectClient(user: string): ClientConnection {
    this.settle();
    if (!this.associations.some((a) => a.status === 'associated')) {
      throw new SimulatorError('not_associated', 'No subnet is associated: the VPN is not ready.');
    }
    return this.connections.connect(user, this.clock.now());
  }

  disconnectClient(connectionId: string): ClientConnection {
    this.settle();
    this.connections.terminate(connectionId, this.clock.now());
    const connection = this.connections.find(connectionId);
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
    this.nextAssociationFailure = message;
  }

  pendingFaults(): InjectedFault[] {
    return this.faults.pending();
  }

  reset(): void {
    this.associations = [];
    this.connections.clear();
    this.routes = [];
    this.faults.clear();
    this.nextAssociationFailure = null;
  }

  // ---- internals ----

  private begin(operation: ClientVpnOperation, caller: SimulatedCaller | undefined): void {
    this.faults.throwIfFaulted(operation, caller);
    this.settle();
  }

  /** Applies every transition that is due on the simulated clock, in the order they fell due. */
  private settle(): void {
    const nowMs = this.clock.now().getTime();
    const due = this.associations
      .map((a) => ({ a, at: a.sinceMs + this.delayOf(a) }))
      .filter(({ a, at }) => Number.isFinite(at) && at <= nowMs && a.status !== 'disassociated')
      .sort((x, y) => x.at - y.at);
    for (const { a, at } of due) {
      a.sinceMs = at;
      if (a.status === 'associating') this.finishAssociating(a);
      else if (a.status === 'disassociating') this.finishDisassociating(a);
    }
    this.connections.forgetEndedBefore(new Date(nowMs));
    this.associations = this.associations.filter((a) => a.status !== 'disassociated');
  }

  private delayOf(association: SimulatedAssociation): number {
    if (association.status === 'associating') return this.associateMs;
    if (association.status === 'disassociating') return this.disassociateMs;
    return Number.POSITIVE_INFINITY;
  }

  private finishAssociating(association: SimulatedAssociation): void {
    if (association.failWith !== undefined) {
      association.status = 'association-failed';
      association.statusMessage = association.failWith;
      return;
    }
    association.status = 'associated';
    this.routes.push({
      destinationCidr: this.vpcCidr,
      targetSubnetId: association.subnetId,
      origin: 'associate',
      status: 'active',
    });
  }

  private finishDisassociating(association: SimulatedAssociation): void {
    association.status = 'disassociated';
    const remaining = this.associations.some(
      (a) => a.status !== 'disassociated' && a.status !== 'association-failed',
    );
    // The last subnet takes every route with it, configured extra routes included.
    this.routes = remaining
      ? this.routes.filter(
          (r) => !(r.origin === 'associate' && r.targetSubnetId === association.subnetId),
        )
      : [];
  }
}

function publicAssociation(association: SimulatedAssociation): Association {
  const { associationId, subnetId, status, statusMessage } = association;
  return statusMessage === undefined
    ? { associationId, subnetId, status }
    : { associationId, subnetId, status, statusMessage };
}
