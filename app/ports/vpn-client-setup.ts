/**
 * How a client device is set up for the endpoint (issue 16): the endpoint's client
 * authentication and its OpenVPN configuration file. Implemented against EC2
 * (`EC2VpnClientSetup`) and by the simulator (`SimulatedVpnClientSetup`). Read-only.
 */
export interface VpnClientSetup {
  describeAuthentication(): Promise<EndpointAuthentication>;
  /** The endpoint's configuration file (`.ovpn` text): no client certificate or key in it. */
  exportClientConfiguration(): Promise<string>;
}

/**
 * The endpoint's client authentication, in the employee's terms: `certificate` (mutual TLS:
 * the employee's certificate and key come from IT), `directory` (Active Directory: the app
 * asks for a user name and password), `federated` (SAML: only AWS's own client can sign in).
 */
export const VPN_AUTHENTICATION_KINDS = ['certificate', 'directory', 'federated'] as const;
export type VpnAuthenticationKind = (typeof VPN_AUTHENTICATION_KINDS)[number];

export interface EndpointAuthentication {
  /** Each kind the endpoint uses, once, in the order above; an endpoint may combine two. */
  kinds: VpnAuthenticationKind[];
  /** The endpoint's self-service portal (desktop downloads of AWS's client), when it has one. */
  selfServicePortalUrl: string | null;
}
