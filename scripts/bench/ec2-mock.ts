import {
  AssociateClientVpnTargetNetworkCommand,
  type ClientVpnConnection,
  CreateClientVpnRouteCommand,
  DescribeClientVpnConnectionsCommand,
  DescribeClientVpnRoutesCommand,
  DescribeClientVpnTargetNetworksCommand,
  EC2Client,
  EC2ServiceException,
  type Filter,
  type TargetNetwork,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { AWS_LATENCY_MS, sleep } from './latency.js';

/** Every call the mock answered, by command name: the bench counts Describe sets with it. */
export type CallCounts = Record<string, number>;

export interface Ec2Mock {
  client: EC2Client;
  calls: CallCounts;
  /** Associations created, one per Associate call that AWS would have acted on. */
  associations: TargetNetwork[];
}

/**
 * The Client VPN part of EC2, stateful: Associate adds an `associating` association that the
 * Describe calls then list, a repeated ClientToken returns the same association (AWS's
 * idempotency), and a second association of a subnet fails as AWS does. Each answer takes
 * AWS_LATENCY_MS.
 */
export function createEc2Mock(endpointId: string): Ec2Mock {
  const client = new EC2Client({ region: 'eu-west-1', maxAttempts: 1 });
  const mock = mockClient(client);
  const calls: CallCounts = {};
  const associations: TargetNetwork[] = [];
  const byToken = new Map<string, TargetNetwork>();
  const count = (name: string) => {
    calls[name] = (calls[name] ?? 0) + 1;
  };

  mock.on(DescribeClientVpnTargetNetworksCommand).callsFake(async (input) => {
    count('DescribeClientVpnTargetNetworks');
    await sleep(AWS_LATENCY_MS);
    const filters = input.Filters ?? [];
    const wanted = (network: TargetNetwork) =>
      filters.every((filter: Filter) => {
        const value =
          filter.Name === 'target-network-id' ? network.TargetNetworkId : network.AssociationId;
        return filter.Values?.includes(value ?? '') ?? true;
      });
    return { ClientVpnTargetNetworks: associations.filter(wanted) };
  });
  mock.on(DescribeClientVpnConnectionsCommand).callsFake(async () => {
    count('DescribeClientVpnConnections');
    await sleep(AWS_LATENCY_MS);
    return { Connections: [] as ClientVpnConnection[] };
  });
  mock.on(DescribeClientVpnRoutesCommand).callsFake(async () => {
    count('DescribeClientVpnRoutes');
    await sleep(AWS_LATENCY_MS);
    return { Routes: [] };
  });
  mock.on(CreateClientVpnRouteCommand).callsFake(async () => {
    count('CreateClientVpnRoute');
    await sleep(AWS_LATENCY_MS);
    return {};
  });
  mock.on(AssociateClientVpnTargetNetworkCommand).callsFake(async (input) => {
    count('AssociateClientVpnTargetNetwork');
    await sleep(AWS_LATENCY_MS);
    const token = input.ClientToken ?? '';
    const repeated = byToken.get(token);
    if (repeated) return { AssociationId: repeated.AssociationId, Status: repeated.Status };
    if (associations.some((network) => network.TargetNetworkId === input.SubnetId)) {
      throw new EC2ServiceException({
        name: 'InvalidClientVpnDuplicateAssociationException',
        $fault: 'client',
        $metadata: { httpStatusCode: 400 },
        message: `Subnet ${input.SubnetId} is already associated.`,
      });
    }
    const network: TargetNetwork = {
      AssociationId: `cvpn-assoc-${String(associations.length + 1).padStart(17, '0')}`,
      TargetNetworkId: input.SubnetId,
      ClientVpnEndpointId: endpointId,
      VpcId: 'vpc-0123456789abcdef0',
      Status: { Code: 'associating' },
    };
    associations.push(network);
    byToken.set(token, network);
    return { AssociationId: network.AssociationId, Status: network.Status };
  });
  return { client, calls, associations };
}
