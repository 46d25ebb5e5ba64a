import {
  DescribeClientVpnConnectionsCommand,
  DescribeClientVpnRoutesCommand,
  DescribeClientVpnTargetNetworksCommand,
  EC2Client,
  EC2ServiceException,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AwsCallError } from '../../core/model/errors.js';
import { EC2ClientVpn } from './ec2-client-vpn.js';

const ENDPOINT = 'cvpn-endpoint-0123456789abcdef0';
const SUBNET_A = 'subnet-0a1b2c3d4e5f60001';
const SUBNET_B = 'subnet-0a1b2c3d4e5f60002';
const NOW = new Date('2026-11-29T09:30:00Z');

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
const vpn = new EC2ClientVpn({
  client,
  endpointId: ENDPOINT,
  call: { sleep, timeoutMs: 50 },
  clock: { now: () => NOW },
});

beforeEach(() => {
  ec2.reset();
  sleep.mockClear();
});

describe('EC2ClientVpn reading the endpoint', () => {
  // Shapes: https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_TargetNetwork.html
  // (associationId, targetNetworkId, status.code / status.message) and
  // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeClientVpnTargetNetworks.html
  // (paginated with NextToken, MaxResults 5..1000).
  it('lists associations across pages and leaves out disassociated ones', async () => {
    ec2
      .on(DescribeClientVpnTargetNetworksCommand)
      .resolvesOnce({
        ClientVpnTargetNetworks: [
          {
            AssociationId: 'cvpn-assoc-0aaa',
            TargetNetworkId: SUBNET_A,
            ClientVpnEndpointId: ENDPOINT,
            VpcId: 'vpc-0123',
            Status: { Code: 'associated' },
          },
          {
            AssociationId: 'cvpn-assoc-0old',
            TargetNetworkId: SUBNET_A,
            Status: { Code: 'disassociated' },
          },
        ],
        NextToken: 'page-2',
      })
      .resolvesOnce({
        ClientVpnTargetNetworks: [
          {
            AssociationId: 'cvpn-assoc-0bbb',
            TargetNetworkId: SUBNET_B,
            Status: { Code: 'association-failed', Message: 'Subnet has no free IP addresses' },
          },
        ],
      });

    const associations = await vpn.describeAssociations();

    expect(associations).toEqual([
      { associationId: 'cvpn-assoc-0aaa', subnetId: SUBNET_A, status: 'associated' },
      {
        associationId: 'cvpn-assoc-0bbb',
        subnetId: SUBNET_B,
        status: 'association-failed',
        statusMessage: 'Subnet has no free IP addresses',
      },
    ]);
    const calls = ec2.commandCalls(DescribeClientVpnTargetNetworksCommand);
    expect(calls).toHaveLength(2);
    expect(calls[0]?.args[0].input).toMatchObject({ ClientVpnEndpointId: ENDPOINT });
    expect(calls[1]?.args[0].input).toMatchObject({ NextToken: 'page-2' });
  });

  // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ClientVpnConnection.html gives
  // connectionEstablishedTime / connectionEndTime as strings; the aws-cli example for
  // describe-client-vpn-connections shows them as "2019-08-12 07:57:14" (UTC, no zone) and
  // "-" as the end time of an active connection. Username is set for Active Directory
  // authentication, commonName otherwise. Ended connections stay listed for 60 minutes
  // (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeClientVpnConnections.html).
  it('maps connections, their UTC times and who connected, across pages', async () => {
    ec2
      .on(DescribeClientVpnConnectionsCommand)
      .resolvesOnce({
        Connections: [
          {
            ClientVpnEndpointId: ENDPOINT,
            Timestamp: '2026-11-29 09:25:00',
            ConnectionId: 'cvpn-connection-0aaa',
            Username: 'kim.minji',
            CommonName: 'client1.domain.tld',
            ConnectionEstablishedTime: '2026-11-29 09:00:00',
            ClientIp: '172.31.0.225',
            Status: { Code: 'active' },
            ConnectionEndTime: '-',
          },
        ],
        NextToken: 'more',
      })
      .resolvesOnce({
        Connections: [
          {
            ConnectionId: 'cvpn-connection-0bbb',
            CommonName: 'client2.domain.tld',
            ConnectionEstablishedTime: '2026-11-29 08:10:00',
            Status: { Code: 'terminated' },
            ConnectionEndTime: '2026-11-29 08:40:30',
          },
        ],
      });

    const connections = await vpn.describeConnections();

    expect(connections).toEqual([
      {
        connectionId: 'cvpn-connection-0aaa',
        user: 'kim.minji',
        status: 'active',
        connectedAt: new Date('2026-11-29T09:00:00Z'),
        endedAt: null,
        clientIp: '172.31.0.225',
      },
      {
        connectionId: 'cvpn-connection-0bbb',
        user: 'client2.domain.tld',
        status: 'terminated',
        connectedAt: new Date('2026-11-29T08:10:00Z'),
        endedAt: new Date('2026-11-29T08:40:30Z'),
      },
    ]);
  });

  it('keeps an active connection whose start time it cannot read', async () => {
    ec2.on(DescribeClientVpnConnectionsCommand).resolves({
      Connections: [
        { ConnectionId: 'cvpn-connection-0ccc', Status: { Code: 'active' }, CommonName: 'ipad-7' },
      ],
    });

    const [connection] = await vpn.describeConnections();

    expect(connection).toMatchObject({ status: 'active', connectedAt: NOW, endedAt: null });
  });

  // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ClientVpnConnection.html:
  // ingressBytes ("The number of bytes sent by the client.") and egressBytes ("The number of
  // bytes received by the client.") are "Type: String", "Required: No".
  it('reads the byte counters, which AWS sends as strings, as numbers', async () => {
    ec2.on(DescribeClientVpnConnectionsCommand).resolves({
      Connections: [
        {
          ConnectionId: 'cvpn-connection-0aaa',
          Username: 'kim.minji',
          ConnectionEstablishedTime: '2026-11-29 09:00:00',
          IngressBytes: '1843210',
          EgressBytes: '20431877',
          IngressPackets: '9210',
          EgressPackets: '15022',
          Status: { Code: 'active' },
          ConnectionEndTime: '-',
        },
      ],
    });

    const [connection] = await vpn.describeConnections();

    expect(connection).toMatchObject({ ingressBytes: 1_843_210, egressBytes: 20_431_877 });
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['not a number', 'n/a'],
    ['negative', '-5'],
    ['fractional', '12.5'],
    ['beyond a safe integer', '90071992547409931'],
  ])('leaves a byte counter out when it is %s', async (_case, value) => {
    ec2.on(DescribeClientVpnConnectionsCommand).resolves({
      Connections: [
        {
          ConnectionId: 'cvpn-connection-0aaa',
          CommonName: 'ipad-7',
          IngressBytes: value,
          EgressBytes: '4200',
          Status: { Code: 'active' },
        },
      ],
    });

    const [connection] = await vpn.describeConnections();

    expect(connection).not.toHaveProperty('ingressBytes');
    expect(connection).toMatchObject({ egressBytes: 4200, status: 'active' });
  });

  // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ClientVpnRoute.html:
  // origin is "associate" (added with the association) or "add-route"; status.code is
  // creating | active | failed | deleting.
  it('maps routes with their origin and status across pages', async () => {
    ec2
      .on(DescribeClientVpnRoutesCommand)
      .resolvesOnce({
        Routes: [
          {
            DestinationCidr: '10.0.0.0/16',
            TargetSubnet: SUBNET_A,
            Type: 'Nat',
            Origin: 'associate',
            Status: { Code: 'active' },
          },
        ],
        NextToken: 'next',
      })
      .resolvesOnce({
        Routes: [
          {
            DestinationCidr: '0.0.0.0/0',
            TargetSubnet: SUBNET_A,
            Origin: 'add-route',
            Status: { Code: 'creating' },
          },
        ],
      });

    await expect(vpn.describeRoutes()).resolves.toEqual([
      {
        destinationCidr: '10.0.0.0/16',
        targetSubnetId: SUBNET_A,
        origin: 'associate',
        status: 'active',
      },
      {
        destinationCidr: '0.0.0.0/0',
        targetSubnetId: SUBNET_A,
        origin: 'add-route',
        status: 'creating',
      },
    ]);
  });

  it('retries a throttled listing from the first page, then answers', async () => {
    // EC2 throttles with RequestLimitExceeded:
    // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
    ec2
      .on(DescribeClientVpnTargetNetworksCommand)
      .rejectsOnce(ec2Error('RequestLimitExceeded', 503))
      .resolves({
        ClientVpnTargetNetworks: [
          {
            AssociationId: 'cvpn-assoc-0aaa',
            TargetNetworkId: SUBNET_A,
            Status: { Code: 'associating' },
          },
        ],
      });

    await expect(vpn.describeAssociations()).resolves.toHaveLength(1);
    expect(sleep).toHaveBeenCalledTimes(1);
  });

  it('reports throttling that does not stop as AwsCallError("throttled")', async () => {
    ec2.on(DescribeClientVpnConnectionsCommand).rejects(ec2Error('RequestLimitExceeded', 503));

    const failure = await vpn.describeConnections().catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(AwsCallError);
    expect(failure).toMatchObject({
      code: 'aws_throttled',
      operation: 'DescribeClientVpnConnections',
    });
    expect(ec2.commandCalls(DescribeClientVpnConnectionsCommand)).toHaveLength(3);
  });

  it('reports an EC2 that does not answer in time as unavailable', async () => {
    ec2.on(DescribeClientVpnRoutesCommand).callsFake(() => new Promise(() => {}));

    await expect(vpn.describeRoutes()).rejects.toMatchObject({ code: 'aws_unavailable' });
  });
});
