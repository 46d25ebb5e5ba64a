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
import { EC2DryRunProbe } from './ec2-dry-run-probe.js';

/*
 * The error shapes below are EC2's, from "Error codes for the Amazon EC2 API"
 * (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html), common
 * client error codes:
 *   DryRunOperation: "The user has the required permissions, so the request would have
 *     succeeded, but the DryRun parameter was used." (HTTP 412 on the wire)
 *   UnauthorizedOperation: "You are not authorized to perform this operation." (HTTP 403,
 *     with an encoded authorization failure message)
 * and the DryRun parameter of each action, e.g.
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DisassociateClientVpnTargetNetwork.html:
 * "Checks whether you have the required permissions for the action, without actually making
 * the request, and provides an error response. If you have the required permissions, the
 * error response is DryRunOperation. Otherwise, it is UnauthorizedOperation."
 */

const ENDPOINT = 'cvpn-endpoint-0123456789abcdef0';
const SUBNET_A = 'subnet-0a1b2c3d4e5f60001';
const SUBNET_B = 'subnet-0a1b2c3d4e5f60002';

function ec2Error(name: string, httpStatusCode: number, message = `${name} (stubbed)`) {
  return new EC2ServiceException({
    name,
    $fault: httpStatusCode >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode },
    message,
  });
}
const dryRunOperation = () =>
  ec2Error('DryRunOperation', 412, 'Request would have succeeded, but DryRun flag is set.');
const unauthorized = () =>
  ec2Error(
    'UnauthorizedOperation',
    403,
    'You are not authorized to perform this operation. User: arn:aws:sts::123456789012:assumed-role/VpnPortal-AutoDisconnectHandlerRole/VpnPortal-events is not authorized to perform: ec2:DisassociateClientVpnTargetNetwork on resource: arn:aws:ec2:ap-northeast-2:123456789012:client-vpn-endpoint/cvpn-endpoint-0123456789abcdef0 because no identity-based policy allows the ec2:DisassociateClientVpnTargetNetwork action. Encoded authorization failure message: Zm9v',
  );

const client = new EC2Client({
  region: 'ap-northeast-2',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
});
const ec2 = mockClient(client);
const sleep = vi.fn(async (_ms: number) => {});
const probe = (extraRoutes: { cidr: string; subnetId: string }[] = []) =>
  new EC2DryRunProbe({
    client,
    endpointId: ENDPOINT,
    subnetIds: [SUBNET_A, SUBNET_B],
    extraRoutes,
    call: { sleep, timeoutMs: 50 },
  });

beforeEach(() => {
  ec2.reset();
  sleep.mockClear();
});

describe('EC2DryRunProbe', () => {
  it('reads DryRunOperation as allowed, asking with DryRun for this endpoint and a configured subnet', async () => {
    ec2.on(AssociateClientVpnTargetNetworkCommand).rejects(dryRunOperation());

    await expect(probe().dryRun('AssociateClientVpnTargetNetwork')).resolves.toEqual({
      outcome: 'allowed',
    });
    expect(ec2.commandCalls(AssociateClientVpnTargetNetworkCommand)[0]?.args[0].input).toEqual({
      ClientVpnEndpointId: ENDPOINT,
      SubnetId: SUBNET_A,
      DryRun: true,
    });
  });

  it('reads UnauthorizedOperation as denied, in AWS’s words', async () => {
    ec2.on(TerminateClientVpnConnectionsCommand).rejects(unauthorized());

    const verdict = await probe().dryRun('TerminateClientVpnConnections');

    expect(verdict).toEqual({
      outcome: 'denied',
      aws: {
        code: 'UnauthorizedOperation',
        message: expect.stringContaining('is not authorized to perform: ec2:'),
      },
    });
    expect(verdict.outcome === 'denied' && verdict.aws.message.length).toBeLessThanOrEqual(500);
    expect(ec2.commandCalls(TerminateClientVpnConnectionsCommand)[0]?.args[0].input).toEqual({
      ClientVpnEndpointId: ENDPOINT,
      ConnectionId: 'cvpn-connection-00000000000000000',
      DryRun: true,
    });
  });

  it('reads any other answer as inconclusive, quoting AWS', async () => {
    ec2
      .on(DisassociateClientVpnTargetNetworkCommand)
      .rejects(
        ec2Error(
          'InvalidClientVpnAssociationId.NotFound',
          400,
          "The association ID 'cvpn-assoc-00000000000000000' does not exist",
        ),
      );
    ec2.on(DescribeClientVpnTargetNetworksCommand).resolves({ ClientVpnTargetNetworks: [] });

    await expect(probe().dryRun('DisassociateClientVpnTargetNetwork')).resolves.toEqual({
      outcome: 'inconclusive',
      aws: {
        code: 'InvalidClientVpnAssociationId.NotFound',
        message: "The association ID 'cvpn-assoc-00000000000000000' does not exist",
      },
    });
  });

  it('dry-runs the disassociation of a live association when there is one', async () => {
    ec2.on(DescribeClientVpnTargetNetworksCommand).resolves({
      ClientVpnTargetNetworks: [
        { AssociationId: 'cvpn-assoc-0gone', Status: { Code: 'disassociated' } },
        { AssociationId: 'cvpn-assoc-0live', Status: { Code: 'associated' } },
      ],
    });
    ec2.on(DisassociateClientVpnTargetNetworkCommand).rejects(dryRunOperation());

    await expect(probe().dryRun('DisassociateClientVpnTargetNetwork')).resolves.toEqual({
      outcome: 'allowed',
    });
    expect(ec2.commandCalls(DisassociateClientVpnTargetNetworkCommand)[0]?.args[0].input).toEqual({
      ClientVpnEndpointId: ENDPOINT,
      AssociationId: 'cvpn-assoc-0live',
      DryRun: true,
    });
  });

  it('falls back to a placeholder association when the VPN is off or the list cannot be read', async () => {
    ec2.on(DescribeClientVpnTargetNetworksCommand).rejects(unauthorized());
    ec2.on(DisassociateClientVpnTargetNetworkCommand).rejects(dryRunOperation());

    await probe().dryRun('DisassociateClientVpnTargetNetwork');

    expect(
      ec2.commandCalls(DisassociateClientVpnTargetNetworkCommand)[0]?.args[0].input.AssociationId,
    ).toBe('cvpn-assoc-00000000000000000');
  });

  it('dry-runs a configured route, or a documentation range through the first subnet', async () => {
    ec2.on(CreateClientVpnRouteCommand).rejects(dryRunOperation());

    await probe([{ cidr: '0.0.0.0/0', subnetId: SUBNET_B }]).dryRun('CreateClientVpnRoute');
    await probe().dryRun('CreateClientVpnRoute');

    expect(ec2.commandCalls(CreateClientVpnRouteCommand).map((call) => call.args[0].input)).toEqual(
      [
        {
          ClientVpnEndpointId: ENDPOINT,
          DestinationCidrBlock: '0.0.0.0/0',
          TargetVpcSubnetId: SUBNET_B,
          DryRun: true,
        },
        {
          ClientVpnEndpointId: ENDPOINT,
          DestinationCidrBlock: '192.0.2.0/24',
          TargetVpcSubnetId: SUBNET_A,
          DryRun: true,
        },
      ],
    );
  });

  it('tries again when throttled, and reads a throttled last attempt as inconclusive', async () => {
    ec2
      .on(AssociateClientVpnTargetNetworkCommand)
      .rejectsOnce(ec2Error('RequestLimitExceeded', 503, 'Request limit exceeded.'))
      .rejects(dryRunOperation());
    await expect(probe().dryRun('AssociateClientVpnTargetNetwork')).resolves.toEqual({
      outcome: 'allowed',
    });

    ec2.reset();
    ec2
      .on(AssociateClientVpnTargetNetworkCommand)
      .rejects(ec2Error('RequestLimitExceeded', 503, 'Request limit exceeded.'));
    await expect(probe().dryRun('AssociateClientVpnTargetNetwork')).resolves.toEqual({
      outcome: 'inconclusive',
      aws: { code: 'RequestLimitExceeded', message: 'Request limit exceeded.' },
    });
  });

  it('never takes an answer without the DryRun error as proof', async () => {
    ec2.on(AssociateClientVpnTargetNetworkCommand).resolves({ AssociationId: 'cvpn-assoc-0new' });

    await expect(probe().dryRun('AssociateClientVpnTargetNetwork')).resolves.toMatchObject({
      outcome: 'inconclusive',
      aws: { code: 'NoDryRunAnswer' },
    });
  });
});
