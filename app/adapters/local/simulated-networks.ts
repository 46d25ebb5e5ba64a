import { randomBytes } from 'node:crypto';
import { AwsCallError } from '../../core/model/errors.js';
import type { Association, ExtraRoute, VpnRoute } from '../../core/model/vocabulary.js';

interface SimulatedAssociation extends Association {
  /** Simulated time of the last status change; transitions are due a fixed delay later. */
  sinceMs: number;
  /** Set by an injected association failure: where `associating` ends instead. */
  failWith?: string;
}

export interface SimulatedNetworksOptions {
  associateMs: number;
  disassociateMs: number;
  /** The VPC's CIDR: the route every association brings with it. */
  vpcCidr: string;
}

/**
 * The target networks of the simulated endpoint and the routes that come with them:
 * `associating → associated` (or `association-failed`), `disassociating → gone`, each a
 * fixed delay after it began, applied by `settle(now)` in the order they fell due.
 */
export class SimulatedNetworks {
  private associations: SimulatedAssociation[] = [];
  private routes: VpnRoute[] = [];
  private nextAssociationFailure: string | null = null;
  /** Every ClientToken an association was made with, and what it answered then. */
  private tokens = new Map<string, Association>();

  constructor(private readonly options: SimulatedNetworksOptions) {}

  list(): Association[] {
    return this.associations.map(publicAssociation);
  }

  listRoutes(): VpnRoute[] {
    return this.routes.map((route) => ({ ...route }));
  }

  anyAssociated(): boolean {
    return this.associations.some((a) => a.status === 'associated');
  }

  /** The next association ends `association-failed` with `message`, as AWS reports it. */
  failNextAssociation(message: string): void {
    this.nextAssociationFailure = message;
  }

  reset(): void {
    this.associations = [];
    this.tokens = new Map();
    this.routes = [];
    this.nextAssociationFailure = null;
  }

  associate(subnetId: string, clientToken: string, nowMs: number): Association {
    // EC2 remembers a ClientToken for good: a repeat "succeeds without performing any
    // further actions", answering the original association (with its current status while
    // it exists), even once that association is gone; other parameters are a mismatch.
    // https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-idempotency.html
    const original = this.tokens.get(clientToken);
    if (original) {
      if (original.subnetId !== subnetId) {
        throw new AwsCallError('associate', 'rejected', 'IdempotentParameterMismatch');
      }
      const current = this.associations.find((a) => a.associationId === original.associationId);
      return current ? publicAssociation(current) : { ...original };
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
      sinceMs: nowMs,
      ...(this.nextAssociationFailure === null ? {} : { failWith: this.nextAssociationFailure }),
    };
    this.nextAssociationFailure = null;
    this.associations.push(association);
    this.tokens.set(clientToken, publicAssociation(association));
    return publicAssociation(association);
  }

  /** Starts removing an association; answers true when no associated network is left. */
  disassociate(associationId: string, nowMs: number): boolean {
    const association = this.associations.find((a) => a.associationId === associationId);
    if (!association || association.status === 'disassociating') return false;
    if (association.status === 'disassociated') return false;
    association.status = 'disassociating';
    association.sinceMs = nowMs;
    return !this.anyAssociated();
  }

  createRoute(route: ExtraRoute): void {
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

  /** Applies every transition that is due on the simulated clock, in the order they fell due. */
  settle(nowMs: number): void {
    const due = this.associations
      .map((a) => ({ a, at: a.sinceMs + this.delayOf(a) }))
      .filter(({ a, at }) => Number.isFinite(at) && at <= nowMs && a.status !== 'disassociated')
      .sort((x, y) => x.at - y.at);
    for (const { a, at } of due) {
      a.sinceMs = at;
      if (a.status === 'associating') this.finishAssociating(a);
      else if (a.status === 'disassociating') this.finishDisassociating(a);
    }
    this.associations = this.associations.filter((a) => a.status !== 'disassociated');
  }

  private delayOf(association: SimulatedAssociation): number {
    if (association.status === 'associating') return this.options.associateMs;
    if (association.status === 'disassociating') return this.options.disassociateMs;
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
      destinationCidr: this.options.vpcCidr,
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
