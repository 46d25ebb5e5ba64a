import type { EndpointAuthentication, VpnClientSetup } from '../../ports/vpn-client-setup.js';

/** The endpoint variants the simulator serves: mutual certificates, AD, or SAML sign-in. */
export const SIMULATED_AUTHENTICATIONS = ['mutual', 'directory', 'federated'] as const;
export type SimulatedAuthentication = (typeof SIMULATED_AUTHENTICATIONS)[number];

export interface SimulatedVpnClientSetupOptions {
  endpointId: string;
  region: string;
  authentication?: SimulatedAuthentication;
}

/**
 * The simulated endpoint's client setup: a sample configuration file shaped like the one
 * `ExportClientVpnClientConfiguration` returns (a fake CA, no client key), and the
 * authentication the simulator page switched it to.
 */
export class SimulatedVpnClientSetup implements VpnClientSetup {
  private current: SimulatedAuthentication;
  /** How many times the configuration was exported, for tests of the portal's cache. */
  exports = 0;

  constructor(private readonly options: SimulatedVpnClientSetupOptions) {
    this.current = options.authentication ?? 'mutual';
  }

  get authentication(): SimulatedAuthentication {
    return this.current;
  }

  use(authentication: SimulatedAuthentication): void {
    this.current = authentication;
  }

  async describeAuthentication(): Promise<EndpointAuthentication> {
    switch (this.current) {
      case 'mutual':
        return { kinds: ['certificate'], selfServicePortalUrl: null };
      case 'directory':
        return { kinds: ['certificate', 'directory'], selfServicePortalUrl: null };
      case 'federated':
        return {
          kinds: ['federated'],
          selfServicePortalUrl: `https://self-service.clientvpn.amazonaws.com/endpoints/${this.options.endpointId}`,
        };
    }
  }

  async exportClientConfiguration(): Promise<string> {
    this.exports += 1;
    return sampleConfiguration(this.options.endpointId, this.options.region, this.current);
  }
}

/** A configuration file like AWS's export, with a CA that is plainly not a real one. */
export function sampleConfiguration(
  endpointId: string,
  region: string,
  authentication: SimulatedAuthentication,
): string {
  const lines = [
    'client',
    'dev tun',
    'proto udp',
    `remote ${endpointId}.prod.clientvpn.${region}.amazonaws.com 443`,
    'remote-random-hostname',
    'resolv-retry infinite',
    'nobind',
    'remote-cert-tls server',
    'cipher AES-256-GCM',
    'verb 3',
    ...(authentication === 'directory' ? ['auth-user-pass'] : []),
    ...(authentication === 'federated'
      ? ['auth-user-pass', 'auth-federate', 'auth-retry interact', 'auth-nocache']
      : []),
    '<ca>',
    '-----BEGIN CERTIFICATE-----',
    'U0lNVUxBVEVEIENBIC0gbG9jYWwgbW9kZSBvZiBWUE4gT24gRGVtYW5kLCBub3Qg',
    'YSByZWFsIGNlcnRpZmljYXRl',
    '-----END CERTIFICATE-----',
    '</ca>',
    '',
    'reneg-sec 0',
    '',
  ];
  return lines.join('\n');
}
