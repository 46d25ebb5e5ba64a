import {
  AssociateClientVpnTargetNetworkCommand,
  CreateClientVpnRouteCommand,
  DisassociateClientVpnTargetNetworkCommand,
  type EC2Client,
  type Filter,
  paginateDescribeClientVpnConnections,
  paginateDescribeClientVpnRoutes,
  paginateDescribeClientVpnTargetNetworks,
  TerminateClientVpnConnectionsCommand,
  type TerminateClientVpnConnectionsCommandOutput,
} from '@aws-sdk/client-ec2';
import { AwsCallError } from '../../core/model/errors.js';
import type {
  Association,
  ClientConnection,
  ExtraRoute,
  VpnRoute,
} from '../../core/model/vocabulary.js';
import type { ClientVpn } from '../../ports/client-vpn.js';
import { type Clock, systemClock } from '../../ports/clock.js';
import { type AwsCallOptions, awsCall, awsErrorName } from './aws-call.js';
import {
  present,
  toAssociation,
  toClientConnection,
  toVpnRoute,
} from './ec2-client-vpn-mapping.js';

export interface EC2ClientVpnOptions {
  client: EC2Client;
  endpointId: string;
  call?: AwsCallOptions;
  clock?: Clock;
}

/** EC2 error codes (API reference, "Error codes for the Amazon EC2 API") read as "already done". */
const DUPLICATE_ASSOCIATION = 'InvalidClientVpnDuplicateAssociationException';
const DUPLICATE_ROUTE = 'InvalidClientVpnDuplicateRoute';
// The reference spells it without a dot; the live API has been seen answering with one.
const ASSOCIATION_NOT_FOUND = new Set([
  'InvalidClientVpnAssociationIdNotFound',
  'InvalidClientVpnAssociationId.NotFound',
]);

/**
 * TerminateClientVpnConnections naming a connection the endpoint does not have (any more).
 * The reference's description reads "The specified Client VPN endpoint cannot be found.",
 * but the code is about the connection id: gone is what we asked for.
 */
const CONNECTION_NOT_FOUND = 'InvalidClientVpnConnection.IdNotFound';

const PAGE_SIZE = 100;

/** The Client VPN port against the EC2 API. Every call is safe to repeat. */
export class EC2ClientVpn implements ClientVpn {
  private readonly client: EC2Client;
  private readonly endpointId: string;
  private readonly callOptions: AwsCallOptions;
  private readonly clock: Clock;

  constructor(options: EC2ClientVpnOptions) {
    this.client = options.client;
    this.endpointId = options.endpointId;
    this.callOptions = options.call ?? {};
    this.clock = options.clock ?? systemClock;
  }

  async describeAssociations(): Promise<Association[]> {
    const all = await this.listAssociations();
    return all.filter((association) => association.status !== 'disassociated');
  }

  async describeConnections(): Promise<ClientConnection[]> {
    // One awsCall around the whole pagination: a retry restarts from the first page, so the
    // answer is one consistent listing rather than pages stitched across a throttle.
    const connections = await awsCall(
      'DescribeClientVpnConnections',
      async (abortSignal) => {
        const found = [];
        const pages = paginateDescribeClientVpnConnections(
          { client: this.client, pageSize: PAGE_SIZE },
          { ClientVpnEndpointId: this.endpointId },
          { abortSignal },
        );
        for await (const page of pages) found.push(...(page.Connections ?? []));
        return found;
      },
      this.callOptions,
    );
    const now = this.clock.now();
    return connections.map((connection) => toClientConnection(connection, now)).filter(present);
  }

  async describeRoutes(): Promise<VpnRoute[]> {
    const routes = await awsCall(
      'DescribeClientVpnRoutes',
      async (abortSignal) => {
        const found = [];
        const pages = paginateDescribeClientVpnRoutes(
          { client: this.client, pageSize: PAGE_SIZE },
          { ClientVpnEndpointId: this.endpointId },
          { abortSignal },
        );
        for await (const page of pages) found.push(...(page.Routes ?? []));
        return found;
      },
      this.callOptions,
    );
    return routes.map(toVpnRoute).filter(present);
  }

  async associate(subnetId: string, clientToken: string): Promise<Association> {
    try {
      const output = await awsCall(
        'AssociateClientVpnTargetNetwork',
        (abortSignal) =>
          this.client.send(
            new AssociateClientVpnTargetNetworkCommand({
              ClientVpnEndpointId: this.endpointId,
              SubnetId: subnetId,
              ClientToken: clientToken,
            }),
            { abortSignal },
          ),
        this.callOptions,
      );
      const association = toAssociation({
        AssociationId: output.AssociationId,
        TargetNetworkId: subnetId,
        Status: output.Status,
      });
      if (association) return association;
      throw new AwsCallError(
        'AssociateClientVpnTargetNetwork',
        'unavailable',
        'AssociateClientVpnTargetNetwork: AWS answered without an association id.',
      );
    } catch (error) {
      if (awsErrorName(error) !== DUPLICATE_ASSOCIATION) throw error;
      // Someone (another request, another token) associated it first: that one is ours too.
      const existing = await this.listAssociations([
        { Name: 'target-network-id', Values: [subnetId] },
      ]);
      const live = existing.find((association) => association.status !== 'disassociated');
      if (live) return live;
      throw new AwsCallError(
        'AssociateClientVpnTargetNetwork',
        'rejected',
        `AssociateClientVpnTargetNetwork: AWS says ${subnetId} is already associated but lists no such association.`,
        { cause: error },
      );
    }
  }

  async disassociate(associationId: string): Promise<void> {
    try {
      await awsCall(
        'DisassociateClientVpnTargetNetwork',
        (abortSignal) =>
          this.client.send(
            new DisassociateClientVpnTargetNetworkCommand({
              ClientVpnEndpointId: this.endpointId,
              AssociationId: associationId,
            }),
            { abortSignal },
          ),
        this.callOptions,
      );
    } catch (error) {
      if (ASSOCIATION_NOT_FOUND.has(awsErrorName(error) ?? '')) return;
      if (!(error instanceof AwsCallError) || error.code !== 'aws_rejected') throw error;
      // EC2 has no documented code for "already disassociating", so look instead of guessing.
      if (await this.isGoneOrGoing(associationId)) return;
      throw error;
    }
  }

  async createRoute(route: ExtraRoute, clientToken: string): Promise<void> {
    try {
      await awsCall(
        'CreateClientVpnRoute',
        (abortSignal) =>
          this.client.send(
            new CreateClientVpnRouteCommand({
              ClientVpnEndpointId: this.endpointId,
              DestinationCidrBlock: route.cidr,
              TargetVpcSubnetId: route.subnetId,
              Description: route.description,
              ClientToken: clientToken,
            }),
            { abortSignal },
          ),
        this.callOptions,
      );
    } catch (error) {
      if (awsErrorName(error) === DUPLICATE_ROUTE) return;
      throw error;
    }
  }

  async terminateConnection(connectionId: string): Promise<void> {
    let output: TerminateClientVpnConnectionsCommandOutput;
    try {
      output = await awsCall(
        'TerminateClientVpnConnections',
        (abortSignal) =>
          this.client.send(
            new TerminateClientVpnConnectionsCommand({
              ClientVpnEndpointId: this.endpointId,
              ConnectionId: connectionId,
            }),
            { abortSignal },
          ),
        this.callOptions,
      );
    } catch (error) {
      if (awsErrorName(error) === CONNECTION_NOT_FOUND) return;
      throw error;
    }
    // Success, or already ended: `terminating` / `terminated` (or no status at all). Only
    // `failed-to-terminate` means the client is still connected.
    const status = (output.ConnectionStatuses ?? []).find(
      (entry) => entry.ConnectionId === undefined || entry.ConnectionId === connectionId,
    );
    if (status?.CurrentStatus?.Code === 'failed-to-terminate') {
      throw new AwsCallError(
        'TerminateClientVpnConnections',
        'rejected',
        `TerminateClientVpnConnections: AWS could not end ${connectionId} (${status.CurrentStatus.Message ?? 'failed-to-terminate'}).`,
      );
    }
  }

  private async isGoneOrGoing(associationId: string): Promise<boolean> {
    try {
      const found = await this.listAssociations([
        { Name: 'association-id', Values: [associationId] },
      ]);
      const match = found.find((association) => association.associationId === associationId);
      return !match || match.status === 'disassociating' || match.status === 'disassociated';
    } catch (error) {
      if (ASSOCIATION_NOT_FOUND.has(awsErrorName(error) ?? '')) return true;
      throw error;
    }
  }

  /** Every association, `disassociated` ones included (callers decide). */
  private async listAssociations(filters?: Filter[]): Promise<Association[]> {
    const networks = await awsCall(
      'DescribeClientVpnTargetNetworks',
      async (abortSignal) => {
        const found = [];
        const pages = paginateDescribeClientVpnTargetNetworks(
          { client: this.client, pageSize: PAGE_SIZE },
          { ClientVpnEndpointId: this.endpointId, Filters: filters },
          { abortSignal },
        );
        for await (const page of pages) found.push(...(page.ClientVpnTargetNetworks ?? []));
        return found;
      },
      this.callOptions,
    );
    return networks.map(toAssociation).filter(present);
  }
}
