import {
  DescribeClientVpnEndpointsCommand,
  EC2Client,
  EC2ServiceException,
  ExportClientVpnClientConfigurationCommand,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AwsCallError } from '../../core/model/errors.js';
import { EC2VpnClientSetup } from './ec2-vpn-client-setup.js';

const ENDPOINT = 'cvpn-endpoint-0123456789abcdef0';

const client = new EC2Client({
  region: 'ap-northeast-2',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
});
const ec2 = mockClient(client);
const sleep = vi.fn(async (_ms: number) => {});
const setup = new EC2VpnClientSetup({
  client,
  endpointId: ENDPOINT,
  call: { sleep, timeoutMs: 50 },
});

beforeEach(() => {
  ec2.reset();
  sleep.mockClear();
});

/** What ExportClientVpnClientConfiguration returns: the endpoint's .ovpn, no client key. */
const OVPN = [
  'client',
  'dev tun',
  'proto udp',
  `remote ${ENDPOINT}.prod.clientvpn.ap-northeast-2.amazonaws.com 443`,
  'remote-random-hostname',
  'resolv-retry infinite',
  'nobind',
  'remote-cert-tls server',
  'cipher AES-256-GCM',
  'verb 3',
  '<ca>',
  '-----BEGIN CERTIFICATE-----',
  'MIIB…',
  '-----END CERTIFICATE-----',
  '</ca>',
  '',
].join('\n');

describe('EC2VpnClientSetup reading the endpoint’s authentication', () => {
  // Shapes: https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeClientVpnEndpoints.html
  // (ClientVpnEndpoint.N) and
  // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ClientVpnEndpoint.html
  // (authenticationOptions: ClientVpnAuthentication objects, selfServicePortalUrl) and
  // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ClientVpnAuthentication.html
  // (type: certificate-authentication | directory-service-authentication |
  // federated-authentication).
  it('asks for this endpoint only and reads mutual authentication as "certificate"', async () => {
    ec2.on(DescribeClientVpnEndpointsCommand).resolves({
      ClientVpnEndpoints: [
        {
          ClientVpnEndpointId: ENDPOINT,
          Status: { Code: 'available' },
          AuthenticationOptions: [
            {
              Type: 'certificate-authentication',
              MutualAuthentication: {
                ClientRootCertificateChain: 'arn:aws:acm:ap-northeast-2:123456789012:certificate/1',
              },
            },
          ],
          SelfServicePortalUrl: '',
        },
      ],
    });

    await expect(setup.describeAuthentication()).resolves.toEqual({
      kinds: ['certificate'],
      selfServicePortalUrl: null,
    });
    expect(ec2.commandCalls(DescribeClientVpnEndpointsCommand)[0]?.args[0].input).toEqual({
      ClientVpnEndpointIds: [ENDPOINT],
    });
  });

  it('reads Active Directory combined with certificates, in a fixed order', async () => {
    ec2.on(DescribeClientVpnEndpointsCommand).resolves({
      ClientVpnEndpoints: [
        {
          ClientVpnEndpointId: ENDPOINT,
          AuthenticationOptions: [
            { Type: 'directory-service-authentication', ActiveDirectory: { DirectoryId: 'd-1' } },
            { Type: 'certificate-authentication' },
          ],
        },
      ],
    });

    await expect(setup.describeAuthentication()).resolves.toEqual({
      kinds: ['certificate', 'directory'],
      selfServicePortalUrl: null,
    });
  });

  it('reads federated sign-in with the self-service portal URL', async () => {
    const portal = `https://self-service.clientvpn.amazonaws.com/endpoints/${ENDPOINT}`;
    ec2.on(DescribeClientVpnEndpointsCommand).resolves({
      ClientVpnEndpoints: [
        {
          ClientVpnEndpointId: ENDPOINT,
          AuthenticationOptions: [
            {
              Type: 'federated-authentication',
              FederatedAuthentication: {
                SamlProviderArn: 'arn:aws:iam::123456789012:saml-provider/okta',
                SelfServiceSamlProviderArn: 'arn:aws:iam::123456789012:saml-provider/okta-ss',
              },
            },
          ],
          SelfServicePortalUrl: portal,
        },
      ],
    });

    await expect(setup.describeAuthentication()).resolves.toEqual({
      kinds: ['federated'],
      selfServicePortalUrl: portal,
    });
  });

  it('links no self-service portal whose URL is not https', async () => {
    ec2.on(DescribeClientVpnEndpointsCommand).resolves({
      ClientVpnEndpoints: [
        {
          ClientVpnEndpointId: ENDPOINT,
          AuthenticationOptions: [{ Type: 'federated-authentication' }],
          SelfServicePortalUrl: 'javascript:alert(1)',
        },
      ],
    });

    expect((await setup.describeAuthentication()).selfServicePortalUrl).toBeNull();
  });

  it('fails as rejected when AWS lists no such endpoint', async () => {
    ec2.on(DescribeClientVpnEndpointsCommand).resolves({ ClientVpnEndpoints: [] });

    const error = await setup.describeAuthentication().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AwsCallError);
    expect((error as AwsCallError).code).toBe('aws_rejected');
  });
});

describe('EC2VpnClientSetup exporting the configuration', () => {
  // Shape: https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ExportClientVpnClientConfiguration.html
  // (request ClientVpnEndpointId; response clientConfiguration: the file's contents, a string).
  it('returns the configuration file of this endpoint as AWS wrote it', async () => {
    ec2.on(ExportClientVpnClientConfigurationCommand).resolves({ ClientConfiguration: OVPN });

    await expect(setup.exportClientConfiguration()).resolves.toBe(OVPN);
    expect(ec2.commandCalls(ExportClientVpnClientConfigurationCommand)[0]?.args[0].input).toEqual({
      ClientVpnEndpointId: ENDPOINT,
    });
  });

  it('fails as unavailable when AWS answers without a configuration', async () => {
    ec2.on(ExportClientVpnClientConfigurationCommand).resolves({});

    const error = await setup.exportClientConfiguration().catch((caught: unknown) => caught);
    expect((error as AwsCallError).code).toBe('aws_unavailable');
  });

  it('maps AWS refusing the call (no permission) to aws_rejected', async () => {
    // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
    ec2.on(ExportClientVpnClientConfigurationCommand).rejects(
      new EC2ServiceException({
        name: 'UnauthorizedOperation',
        $fault: 'client',
        $metadata: { httpStatusCode: 403 },
        message: 'You are not authorized to perform this operation.',
      }),
    );

    const error = await setup.exportClientConfiguration().catch((caught: unknown) => caught);
    expect((error as AwsCallError).code).toBe('aws_rejected');
  });
});
