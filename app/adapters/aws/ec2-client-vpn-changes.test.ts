import {
  AssociateClientVpnTargetNetworkCommand,
  CreateClientVpnRouteCommand,
  DescribeClientVpnTargetNetworksCommand,
  DisassociateClientVpnTargetNetworkCommand,
  EC2Client,
  EC2ServiceException,
  TerminateClientVpnConnectionsCommand,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EC2ClientVpn } from './ec2-client-vpn.js';

/*
 * The "already done" answers below are EC2 error codes from
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html:
 *   InvalidClientVpnDuplicateAssociationException: "The specified target network has already
 *     been associated with the Client VPN endpoint."
 *   InvalidClientVpnAssociationIdNotFound: "The specified target network association cannot be
 *     found." (the live API also spells it InvalidClientVpnAssociationId.NotFound)
 *   InvalidClientVpnDuplicateRoute: "The specified route has already been added to the Client
 *     VPN endpoint."
 *   InvalidClientVpnConnection.IdNotFound: listed with "The specified Client VPN endpoint cannot
 *     be found."; by its name, the connection id is unknown (already gone).
 * ClientToken, AWS's idempotency token, is a request parameter of
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AssociateClientVpnTargetNetwork.html
 * and https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateClientVpnRoute.html.
 */

const ENDPOINT = 'cvpn-endpoint-0123456789abcdef0';
const SUBNET_A = 'subnet-0a1b2c3d4e5f60001';

function ec2Error(name: string, httpStatusCode = 400) {
  return new EC2ServiceException({
    name,
    $fault: httpStatusCode >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode },
    message: `${name} (stubbed)`,
  });
}

const client = new EC2Client({
  region: 'us-east-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
});
const ec2 = mockClient(client);
const sleep = vi.fn(async (_ms: number) => {});
const vpn = new EC2ClientVpn({ client, endpointId: ENDPOINT, call: { sleep, timeoutMs: 50 } });

beforeEach(() => {
  ec2.reset();
  sleep.mockClear();
});

describe('EC2ClientVpn.associate', () => {
  it('associates the subnet with the idempotency token and returns it as associating', async () => {
    ec2.on(AssociateClientVpnTargetNetworkCommand).resolves({
      AssociationId: 'cvpn-assoc-0new',
      Status: { Code: 'associating' },
    });

    const association = await vpn.associate(SUBNET_A, 'session-1:subnet-a');

    expect(association).toEqual({
      associationId: 'cvpn-assoc-0new',
      subnetId: SUBNET_A,
      status: 'associating',
    });
    expect(ec2.commandCalls(AssociateClientVpnTargetNetworkCommand)[0]?.args[0].input).toEqual({
      ClientVpnEndpointId: ENDPOINT,
      SubnetId: SUBNET_A,
      ClientToken: 'session-1:subnet-a',
    });
  });

  it('treats a duplicate association as success and returns the existing one', async () => {
    ec2
      .on(AssociateClientVpnTargetNetworkCommand)
      .rejects(ec2Error('InvalidClientVpnDuplicateAssociationException'));
    ec2.on(DescribeClientVpnTargetNetworksCommand).resolves({
      ClientVpnTargetNetworks: [
        {
          AssociationId: 'cvpn-assoc-0old',
          TargetNetworkId: SUBNET_A,
          Status: { Code: 'disassociated' },
        },
        {
          AssociationId: 'cvpn-assoc-0cur',
          TargetNetworkId: SUBNET_A,
          Status: { Code: 'associated' },
        },
      ],
    });

    const association = await vpn.associate(SUBNET_A, 'session-2:subnet-a');

    expect(association).toEqual({
      associationId: 'cvpn-assoc-0cur',
      subnetId: SUBNET_A,
      status: 'associated',
    });
    expect(
      ec2.commandCalls(DescribeClientVpnTargetNetworksCommand)[0]?.args[0].input,
    ).toMatchObject({
      Filters: [{ Name: 'target-network-id', Values: [SUBNET_A] }],
    });
  });

  it('returns an existing association that is still disassociating, so connect can queue', async () => {
    ec2
      .on(AssociateClientVpnTargetNetworkCommand)
      .rejects(ec2Error('InvalidClientVpnDuplicateAssociationException'));
    ec2.on(DescribeClientVpnTargetNetworksCommand).resolves({
      ClientVpnTargetNetworks: [
        {
          AssociationId: 'cvpn-assoc-0cur',
          TargetNetworkId: SUBNET_A,
          Status: { Code: 'disassociating' },
        },
      ],
    });

    await expect(vpn.associate(SUBNET_A, 't')).resolves.toMatchObject({ status: 'disassociating' });
  });

  it('passes on any other refusal as AwsCallError("rejected") without retrying', async () => {
    ec2
      .on(AssociateClientVpnTargetNetworkCommand)
      .rejects(ec2Error('InvalidClientVpnSubnetId.DuplicateAz'));

    await expect(vpn.associate(SUBNET_A, 't')).rejects.toMatchObject({
      code: 'aws_rejected',
      operation: 'AssociateClientVpnTargetNetwork',
    });
    expect(ec2.commandCalls(AssociateClientVpnTargetNetworkCommand)).toHaveLength(1);
  });

  it('retries a throttled associate with the same token', async () => {
    ec2
      .on(AssociateClientVpnTargetNetworkCommand)
      .rejectsOnce(ec2Error('RequestLimitExceeded', 503))
      .resolves({ AssociationId: 'cvpn-assoc-0new', Status: { Code: 'associating' } });

    await vpn.associate(SUBNET_A, 'same-token');

    const tokens = ec2
      .commandCalls(AssociateClientVpnTargetNetworkCommand)
      .map((call) => call.args[0].input.ClientToken);
    expect(tokens).toEqual(['same-token', 'same-token']);
  });
});

describe('EC2ClientVpn.disassociate', () => {
  it('disassociates the association from the endpoint', async () => {
    ec2.on(DisassociateClientVpnTargetNetworkCommand).resolves({
      AssociationId: 'cvpn-assoc-0cur',
      Status: { Code: 'disassociating' },
    });

    await vpn.disassociate('cvpn-assoc-0cur');

    expect(ec2.commandCalls(DisassociateClientVpnTargetNetworkCommand)[0]?.args[0].input).toEqual({
      ClientVpnEndpointId: ENDPOINT,
      AssociationId: 'cvpn-assoc-0cur',
    });
  });

  it.each(['InvalidClientVpnAssociationIdNotFound', 'InvalidClientVpnAssociationId.NotFound'])(
    'treats %s (the association is gone) as success',
    async (code) => {
      ec2.on(DisassociateClientVpnTargetNetworkCommand).rejects(ec2Error(code));

      await expect(vpn.disassociate('cvpn-assoc-0gone')).resolves.toBeUndefined();
    },
  );

  it('treats a refusal for an association already disassociating as success', async () => {
    ec2.on(DisassociateClientVpnTargetNetworkCommand).rejects(ec2Error('IncorrectState'));
    ec2.on(DescribeClientVpnTargetNetworksCommand).resolves({
      ClientVpnTargetNetworks: [
        {
          AssociationId: 'cvpn-assoc-0cur',
          TargetNetworkId: SUBNET_A,
          Status: { Code: 'disassociating' },
        },
      ],
    });

    await expect(vpn.disassociate('cvpn-assoc-0cur')).resolves.toBeUndefined();
  });

  it('passes on a refusal for an association that is still there', async () => {
    ec2
      .on(DisassociateClientVpnTargetNetworkCommand)
      .rejects(ec2Error('UnauthorizedOperation', 403));
    ec2.on(DescribeClientVpnTargetNetworksCommand).resolves({
      ClientVpnTargetNetworks: [
        {
          AssociationId: 'cvpn-assoc-0cur',
          TargetNetworkId: SUBNET_A,
          Status: { Code: 'associated' },
        },
      ],
    });

    await expect(vpn.disassociate('cvpn-assoc-0cur')).rejects.toMatchObject({
      code: 'aws_rejected',
    });
  });
});

describe('EC2ClientVpn.createRoute', () => {
  it('adds the route with its description and idempotency token', async () => {
    ec2.on(CreateClientVpnRouteCommand).resolves({ Status: { Code: 'creating' } });

    await vpn.createRoute(
      { cidr: '0.0.0.0/0', subnetId: SUBNET_A, description: 'internet' },
      'session-1:0.0.0.0/0',
    );

    expect(ec2.commandCalls(CreateClientVpnRouteCommand)[0]?.args[0].input).toEqual({
      ClientVpnEndpointId: ENDPOINT,
      DestinationCidrBlock: '0.0.0.0/0',
      TargetVpcSubnetId: SUBNET_A,
      Description: 'internet',
      ClientToken: 'session-1:0.0.0.0/0',
    });
  });

  it('treats a duplicate route as success', async () => {
    ec2.on(CreateClientVpnRouteCommand).rejects(ec2Error('InvalidClientVpnDuplicateRoute'));

    await expect(
      vpn.createRoute({ cidr: '0.0.0.0/0', subnetId: SUBNET_A }, 't'),
    ).resolves.toBeUndefined();
  });

  it('reports a route request that times out as unavailable', async () => {
    ec2.on(CreateClientVpnRouteCommand).callsFake(() => new Promise(() => {}));

    await expect(
      vpn.createRoute({ cidr: '0.0.0.0/0', subnetId: SUBNET_A }, 't'),
    ).rejects.toMatchObject({ code: 'aws_unavailable', operation: 'CreateClientVpnRoute' });
  });
});

// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_TerminateClientVpnConnections.html:
// request ClientVpnEndpointId (required) and ConnectionId; response clientVpnEndpointId,
// username and connectionStatuses, an array of TerminateConnectionStatus (connectionId,
// previousStatus, currentStatus), each a ClientVpnConnectionStatus whose code is
// active | failed-to-terminate | terminating | terminated
// (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_TerminateConnectionStatus.html).
describe('EC2ClientVpn.terminateConnection', () => {
  const CONNECTION = 'cvpn-connection-04e7e1b2f0daf9460';

  it('ends that one connection of this endpoint', async () => {
    ec2.on(TerminateClientVpnConnectionsCommand).resolves({
      ClientVpnEndpointId: ENDPOINT,
      Username: 'emma.wilson@example.com',
      ConnectionStatuses: [
        {
          ConnectionId: CONNECTION,
          PreviousStatus: { Code: 'active' },
          CurrentStatus: { Code: 'terminating' },
        },
      ],
    });

    await vpn.terminateConnection(CONNECTION);

    const calls = ec2.commandCalls(TerminateClientVpnConnectionsCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input).toEqual({
      ClientVpnEndpointId: ENDPOINT,
      ConnectionId: CONNECTION,
    });
  });

  it('treats a connection that had already ended as success', async () => {
    ec2.on(TerminateClientVpnConnectionsCommand).resolves({
      ClientVpnEndpointId: ENDPOINT,
      ConnectionStatuses: [
        {
          ConnectionId: CONNECTION,
          PreviousStatus: { Code: 'terminated' },
          CurrentStatus: { Code: 'terminated' },
        },
      ],
    });

    await expect(vpn.terminateConnection(CONNECTION)).resolves.toBeUndefined();
  });

  it('treats a connection the endpoint does not know (any more) as success', async () => {
    ec2
      .on(TerminateClientVpnConnectionsCommand)
      .rejects(ec2Error('InvalidClientVpnConnection.IdNotFound'));

    await expect(vpn.terminateConnection(CONNECTION)).resolves.toBeUndefined();
    expect(ec2.commandCalls(TerminateClientVpnConnectionsCommand)).toHaveLength(1);
  });

  it('reports a connection AWS failed to end as rejected, with AWS’s words', async () => {
    ec2.on(TerminateClientVpnConnectionsCommand).resolves({
      ClientVpnEndpointId: ENDPOINT,
      ConnectionStatuses: [
        {
          ConnectionId: CONNECTION,
          PreviousStatus: { Code: 'active' },
          CurrentStatus: { Code: 'failed-to-terminate', Message: 'Internal error' },
        },
      ],
    });

    await expect(vpn.terminateConnection(CONNECTION)).rejects.toMatchObject({
      code: 'aws_rejected',
      message: expect.stringContaining('Internal error'),
    });
  });

  it('passes on any other refusal without retrying', async () => {
    ec2.on(TerminateClientVpnConnectionsCommand).rejects(ec2Error('UnauthorizedOperation', 403));

    await expect(vpn.terminateConnection(CONNECTION)).rejects.toMatchObject({
      code: 'aws_rejected',
    });
    expect(ec2.commandCalls(TerminateClientVpnConnectionsCommand)).toHaveLength(1);
  });

  it('retries a throttled call', async () => {
    ec2
      .on(TerminateClientVpnConnectionsCommand)
      .rejectsOnce(ec2Error('RequestLimitExceeded', 503))
      .resolves({ ClientVpnEndpointId: ENDPOINT, ConnectionStatuses: [] });

    await vpn.terminateConnection(CONNECTION);

    expect(ec2.commandCalls(TerminateClientVpnConnectionsCommand)).toHaveLength(2);
  });
});
