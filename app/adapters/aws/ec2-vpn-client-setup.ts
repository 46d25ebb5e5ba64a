import {
  DescribeClientVpnEndpointsCommand,
  type EC2Client,
  ExportClientVpnClientConfigurationCommand,
} from '@aws-sdk/client-ec2';
import { AwsCallError } from '../../core/model/errors.js';
import {
  type EndpointAuthentication,
  VPN_AUTHENTICATION_KINDS,
  type VpnAuthenticationKind,
  type VpnClientSetup,
} from '../../ports/vpn-client-setup.js';
import { type AwsCallOptions, awsCall } from './aws-call.js';

export interface EC2VpnClientSetupOptions {
  client: EC2Client;
  endpointId: string;
  call?: AwsCallOptions;
}

/**
 * `ClientVpnAuthentication.Type` (EC2 API reference, API_ClientVpnAuthentication) in the
 * port's words; a type AWS adds later is left out rather than guessed.
 */
const KIND_OF_TYPE: Record<string, VpnAuthenticationKind> = {
  'certificate-authentication': 'certificate',
  'directory-service-authentication': 'directory',
  'federated-authentication': 'federated',
};

/** The endpoint's client setup read from EC2: two read-only calls, on this endpoint only. */
export class EC2VpnClientSetup implements VpnClientSetup {
  private readonly client: EC2Client;
  private readonly endpointId: string;
  private readonly callOptions: AwsCallOptions;

  constructor(options: EC2VpnClientSetupOptions) {
    this.client = options.client;
    this.endpointId = options.endpointId;
    this.callOptions = options.call ?? {};
  }

  async describeAuthentication(): Promise<EndpointAuthentication> {
    const output = await awsCall(
      'DescribeClientVpnEndpoints',
      (abortSignal) =>
        this.client.send(
          new DescribeClientVpnEndpointsCommand({ ClientVpnEndpointIds: [this.endpointId] }),
          { abortSignal },
        ),
      this.callOptions,
    );
    const endpoint = output.ClientVpnEndpoints?.find(
      (candidate) => candidate.ClientVpnEndpointId === this.endpointId,
    );
    if (!endpoint) {
      throw new AwsCallError(
        'DescribeClientVpnEndpoints',
        'rejected',
        `DescribeClientVpnEndpoints: AWS lists no endpoint ${this.endpointId}.`,
      );
    }
    const types = new Set((endpoint.AuthenticationOptions ?? []).map((option) => option.Type));
    return {
      kinds: VPN_AUTHENTICATION_KINDS.filter((kind) =>
        [...types].some((type) => type !== undefined && KIND_OF_TYPE[type] === kind),
      ),
      selfServicePortalUrl: httpsUrl(endpoint.SelfServicePortalUrl),
    };
  }

  async exportClientConfiguration(): Promise<string> {
    const output = await awsCall(
      'ExportClientVpnClientConfiguration',
      (abortSignal) =>
        this.client.send(
          new ExportClientVpnClientConfigurationCommand({ ClientVpnEndpointId: this.endpointId }),
          { abortSignal },
        ),
      this.callOptions,
    );
    if (!output.ClientConfiguration) {
      throw new AwsCallError(
        'ExportClientVpnClientConfiguration',
        'unavailable',
        'ExportClientVpnClientConfiguration: AWS answered without a configuration.',
      );
    }
    return output.ClientConfiguration;
  }
}

/** Only an https URL becomes a link on the employee's page. */
function httpsUrl(value: string | undefined): string | null {
  if (!value) return null;
  try {
    return new URL(value).protocol === 'https:' ? value : null;
  } catch {
    return null;
  }
}
