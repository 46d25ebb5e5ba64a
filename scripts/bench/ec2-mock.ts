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

/** One endpoint's part of the mock: what was asked of it and the associations it holds. */
export interface Ec2EndpointState {
  calls: CallCounts;
  associations: TargetNetwork[];
}

/** One call as the mock received it, for benches that attribute calls to their cause. */
export interface Ec2CallRecord {
  operation: string;
  endpointId: string;
  /** performance.now() when the call reached the mock. */
  at: number;
  /** What `causeOf` said when the call was made (the request that caused it, say). */
  cause: string | undefined;
}

export interface Ec2Mock {
  client: EC2Client;
  /** Every endpoint's calls, summed. */
  calls: CallCounts;
  /** Associations created on every endpoint, one per Associate call AWS would have acted on. */
  associations: TargetNetwork[];
  /** Per `ClientVpnEndpointId`: each endpoint keeps its own associations (issue 18). */
  endpoint(endpointId: string): Ec2EndpointState;
  /** Every call in the order received (only kept when `causeOf` is given). */
  log: Ec2CallRecord[];
  /** Forgets the calls counted so far (totals, per endpoint and the log); state stays. */
  resetCalls(): void;
}

export interface Ec2MockOptions {
  /** Names the cause of a call as it is made (an AsyncLocalStorage read, say). */
  causeOf?: () => string | undefined;
}

/**
 * The Client VPN part of EC2, stateful per endpoint (keyed by `ClientVpnEndpointId`): Associate
 * adds an `associating` association that the Describe calls of that endpoint then list, a
 * repeated ClientToken returns the same association (AWS's idempotency), and a second
 * association of a subnet fails as AWS does. Each answer takes AWS_LATENCY_MS.
 */
export function createEc2Mock(options: Ec2MockOptions = {}): Ec2Mock {
  const client = new EC2Client({ region: 'eu-west-1', maxAttempts: 1 });
  const mock = mockClient(client);
  const calls: CallCounts = {};
  const associations: TargetNetwork[] = [];
  const endpoints = new Map<string, Ec2EndpointState & { byToken: Map<string, TargetNetwork> }>();
  const log: Ec2CallRecord[] = [];
  const stateOf = (endpointId: string) => {
    let state = endpoints.get(endpointId);
    if (!state) {
      state = { calls: {}, associations: [], byToken: new Map() };
      endpoints.set(endpointId, state);
    }
    return state;
  };
  const count = (operation: string, input: { ClientVpnEndpointId?: string | undefined }) => {
    const endpointId = input.ClientVpnEndpointId ?? '';
    const state = stateOf(endpointId);
    calls[operation] = (calls[operation] ?? 0) + 1;
    state.calls[operation] = (state.calls[operation] ?? 0) + 1;
    if (options.causeOf) {
      log.push({ operation, endpointId, at: performance.now(), cause: options.causeOf() });
    }
    return state;
  };

  mock.on(DescribeClientVpnTargetNetworksCommand).callsFake(async (input) => {
    const state = count('DescribeClientVpnTargetNetworks', input);
    await sleep(AWS_LATENCY_MS);
    const filters = input.Filters ?? [];
    const wanted = (network: TargetNetwork) =>
      filters.every((filter: Filter) => {
        const value =
          filter.Name === 'target-network-id' ? network.TargetNetworkId : network.AssociationId;
        return filter.Values?.includes(value ?? '') ?? true;
      });
    return { ClientVpnTargetNetworks: state.associations.filter(wanted) };
  });
  mock.on(DescribeClientVpnConnectionsCommand).callsFake(async (input) => {
    count('DescribeClientVpnConnections', input);
    await sleep(AWS_LATENCY_MS);
    return { Connections: [] as ClientVpnConnection[] };
  });
  mock.on(DescribeClientVpnRoutesCommand).callsFake(async (input) => {
    count('DescribeClientVpnRoutes', input);
    await sleep(AWS_LATENCY_MS);
    return { Routes: [] };
  });
  mock.on(CreateClientVpnRouteCommand).callsFake(async (input) => {
    count('CreateClientVpnRoute', input);
    await sleep(AWS_LATENCY_MS);
    return {};
  });
  mock.on(AssociateClientVpnTargetNetworkCommand).callsFake(async (input) => {
    const state = count('AssociateClientVpnTargetNetwork', input);
    await sleep(AWS_LATENCY_MS);
    const token = input.ClientToken ?? '';
    const repeated = state.byToken.get(token);
    if (repeated) return { AssociationId: repeated.AssociationId, Status: repeated.Status };
    if (state.associations.some((network) => network.TargetNetworkId === input.SubnetId)) {
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
      ClientVpnEndpointId: input.ClientVpnEndpointId,
      VpcId: 'vpc-0123456789abcdef0',
      Status: { Code: 'associating' },
    };
    associations.push(network);
    state.associations.push(network);
    state.byToken.set(token, network);
    return { AssociationId: network.AssociationId, Status: network.Status };
  });
  return {
    client,
    calls,
    associations,
    endpoint: (endpointId) => {
      const { calls: endpointCalls, associations: endpointAssociations } = stateOf(endpointId);
      return { calls: endpointCalls, associations: endpointAssociations };
    },
    log,
    resetCalls: () => {
      for (const key of Object.keys(calls)) delete calls[key];
      for (const state of endpoints.values()) {
        for (const key of Object.keys(state.calls)) delete state.calls[key];
      }
      log.length = 0;
    },
  };
}
