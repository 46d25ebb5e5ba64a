import {
  AssociateClientVpnTargetNetworkCommand,
  CreateClientVpnRouteCommand,
  DescribeClientVpnTargetNetworksCommand,
  DisassociateClientVpnTargetNetworkCommand,
  type EC2Client,
  TerminateClientVpnConnectionsCommand,
} from '@aws-sdk/client-ec2';
import type { ClientVpnChangeAction } from '../../core/model/health.js';
import type { ExtraRoute } from '../../core/model/vocabulary.js';
import type { DryRunVerdict, PermissionProbe } from '../../ports/health-probes.js';
import { type AwsCallOptions, awsCall, awsErrorName, awsWords } from './aws-call.js';

export interface EC2DryRunProbeOptions {
  client: EC2Client;
  endpointId: string;
  subnetIds: readonly string[];
  extraRoutes: readonly ExtraRoute[];
  call?: AwsCallOptions;
}

/**
 * The two answers a DryRun call is for ("Error codes for the Amazon EC2 API", common client
 * errors: https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html):
 * `DryRunOperation` "The user has the required permissions, so the request would have
 * succeeded, but the DryRun parameter was used"; `UnauthorizedOperation` "You are not
 * authorized to perform this operation".
 */
const ALLOWED = 'DryRunOperation';
const DENIED = 'UnauthorizedOperation';

/** Ids no real association or connection has; with DryRun nothing is touched anyway. */
const PLACEHOLDER_ASSOCIATION = 'cvpn-assoc-00000000000000000';
const PLACEHOLDER_CONNECTION = 'cvpn-connection-00000000000000000';
/** TEST-NET-1 (RFC 5737): a documentation range, for a route when none is configured. */
const DOCUMENTATION_CIDR = '192.0.2.0/24';

/**
 * Proves a permission with the role that makes the call: each action is sent with
 * `DryRun: true` and the parameters the function really uses (this endpoint, a configured
 * subnet, a configured route), so IAM judges the very resources the grant names. Nothing is
 * ever changed. Any answer but the two above is `inconclusive`, quoted as AWS worded it.
 */
export class EC2DryRunProbe implements PermissionProbe {
  private readonly callOptions: AwsCallOptions;

  constructor(private readonly options: EC2DryRunProbeOptions) {
    this.callOptions = options.call ?? {};
  }

  async dryRun(action: ClientVpnChangeAction): Promise<DryRunVerdict> {
    try {
      await this.send(action);
    } catch (error) {
      const code = awsErrorName(error);
      if (code === ALLOWED) return { outcome: 'allowed' };
      if (code === DENIED) return { outcome: 'denied', aws: awsWords(error) };
      return { outcome: 'inconclusive', aws: awsWords(error) };
    }
    return {
      outcome: 'inconclusive',
      aws: {
        code: 'NoDryRunAnswer',
        message: `${action} with DryRun answered as if it had run; nothing proves the permission.`,
      },
    };
  }

  private async send(action: ClientVpnChangeAction): Promise<unknown> {
    const { client, endpointId } = this.options;
    const subnetId = this.options.subnetIds[0] ?? '';
    const call = <T>(send: (abortSignal: AbortSignal) => Promise<T>) =>
      awsCall(action, send, this.callOptions);
    switch (action) {
      case 'AssociateClientVpnTargetNetwork':
        return call((abortSignal) =>
          client.send(
            new AssociateClientVpnTargetNetworkCommand({
              ClientVpnEndpointId: endpointId,
              SubnetId: subnetId,
              DryRun: true,
            }),
            { abortSignal },
          ),
        );
      case 'DisassociateClientVpnTargetNetwork': {
        const associationId = await this.someAssociationId();
        return call((abortSignal) =>
          client.send(
            new DisassociateClientVpnTargetNetworkCommand({
              ClientVpnEndpointId: endpointId,
              AssociationId: associationId,
              DryRun: true,
            }),
            { abortSignal },
          ),
        );
      }
      case 'CreateClientVpnRoute': {
        const route = this.options.extraRoutes[0] ?? { cidr: DOCUMENTATION_CIDR, subnetId };
        return call((abortSignal) =>
          client.send(
            new CreateClientVpnRouteCommand({
              ClientVpnEndpointId: endpointId,
              DestinationCidrBlock: route.cidr,
              TargetVpcSubnetId: route.subnetId,
              DryRun: true,
            }),
            { abortSignal },
          ),
        );
      }
      case 'TerminateClientVpnConnections':
        return call((abortSignal) =>
          client.send(
            new TerminateClientVpnConnectionsCommand({
              ClientVpnEndpointId: endpointId,
              ConnectionId: PLACEHOLDER_CONNECTION,
              DryRun: true,
            }),
            { abortSignal },
          ),
        );
    }
  }

  /**
   * IAM may judge a disassociation by the association's subnet, which EC2 can only look up
   * for an association that exists: use a live one when there is one (the VPN is on).
   */
  private async someAssociationId(): Promise<string> {
    try {
      const output = await awsCall(
        'DescribeClientVpnTargetNetworks',
        (abortSignal) =>
          this.options.client.send(
            new DescribeClientVpnTargetNetworksCommand({
              ClientVpnEndpointId: this.options.endpointId,
            }),
            { abortSignal },
          ),
        this.callOptions,
      );
      const live = output.ClientVpnTargetNetworks?.find(
        (network) => network.AssociationId && network.Status?.Code !== 'disassociated',
      );
      return live?.AssociationId ?? PLACEHOLDER_ASSOCIATION;
    } catch {
      return PLACEHOLDER_ASSOCIATION;
    }
  }
}
