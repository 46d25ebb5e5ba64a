import type { Fetcher } from 'aws-jwt-verify/https';
import type { AuthVerifier } from '../http/app-env.js';
import { type AlbAuthSettings, createAlbAuthVerifier } from '../http/auth/alb-auth-verifier.js';
import {
  createLocalKeyFetcher,
  createLocalSigner,
  type LocalSigner,
  type LocalUser,
} from '../local-mode/alb-signer.js';

/**
 * Test fixture: a local ALB/Cognito signer and the portal's real verifier, wired together
 * through an in-memory key fetcher. The settings are AWS-shaped (real key URLs, a real
 * region) so the tests prove the AWS configuration works; nothing goes to the network.
 */
export const testAuthSettings: AlbAuthSettings = {
  region: 'eu-west-1',
  albArn:
    'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/vpn-portal/50dc6c495c0c9188',
  albKeysUrl: 'https://public-keys.auth.elb.eu-west-1.amazonaws.com',
  cognito: {
    userPoolId: 'eu-west-1_TestPool1',
    clientId: '4example0client0id0abcdefg',
    domain: 'vpn-portal-test.auth.eu-west-1.amazoncognito.com',
    jwksUrl:
      'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_TestPool1/.well-known/jwks.json',
  },
};

export const testEmployee: LocalUser = {
  sub: '11111111-aaaa-4bbb-8ccc-000000000001',
  email: 'mina.employee@example.com',
  name: 'Mina Employee',
  username: 'mina',
};

export const testAdmin: LocalUser = {
  sub: '22222222-aaaa-4bbb-8ccc-000000000002',
  email: 'kenji.admin@example.com',
  name: 'Kenji Admin',
  username: 'kenji',
};

export const TEST_ADMIN_GROUP = 'vpn-admins';

export interface TestAuth {
  settings: AlbAuthSettings;
  signer: LocalSigner;
  verifier: AuthVerifier;
  /** Every URL the verifier asked for, in order: proves keys are fetched once. */
  fetchedUrls: string[];
  /** The three headers the ALB adds after Cognito sign-in. */
  headersFor(user: LocalUser, groups?: string[]): Record<string, string>;
}

// RSA key generation takes a few hundred milliseconds: one signer per settings per test
// file is enough. Each createTestAuth still gets a fresh verifier with empty key caches.
const signers = new Map<string, LocalSigner>();

function signerFor(settings: AlbAuthSettings): LocalSigner {
  const key = JSON.stringify(settings);
  let signer = signers.get(key);
  if (!signer) {
    signer = createLocalSigner({
      albArn: settings.albArn,
      region: settings.region,
      userPoolId: settings.cognito.userPoolId,
      clientId: settings.cognito.clientId,
    });
    signers.set(key, signer);
  }
  return signer;
}

/** A verifier with empty key caches, wired to a signer's keys with no network. */
export function createTestAuth(settings: AlbAuthSettings = testAuthSettings): TestAuth {
  const signer = signerFor(settings);
  const fetchedUrls: string[] = [];
  const keys = createLocalKeyFetcher(signer, {
    albKeysUrl: settings.albKeysUrl,
    jwksUrl: settings.cognito.jwksUrl,
  });
  const fetcher: Fetcher = {
    fetch: (uri, ...rest) => {
      fetchedUrls.push(uri);
      return keys.fetch(uri, ...rest);
    },
  };
  return {
    settings,
    signer,
    verifier: createAlbAuthVerifier(settings, { fetcher }),
    fetchedUrls,
    headersFor: (user, groups = []) => albAuthHeaders(signer, user, groups),
  };
}

export function albAuthHeaders(
  signer: LocalSigner,
  user: LocalUser,
  groups: string[] = [],
): Record<string, string> {
  return {
    'x-amzn-oidc-data': signer.signDataToken(user),
    'x-amzn-oidc-accesstoken': signer.signAccessToken(user, groups),
    'x-amzn-oidc-identity': user.sub,
  };
}

/**
 * A signer with keys of its own, for forgery tests: it claims the real key ids when told,
 * so a verifier must reject its tokens by their signature alone.
 */
export function createForger(
  settings: AlbAuthSettings = testAuthSettings,
  kids: { albKid?: string; cognitoKid?: string } = {},
): LocalSigner {
  return createLocalSigner({
    albArn: settings.albArn,
    region: settings.region,
    userPoolId: settings.cognito.userPoolId,
    clientId: settings.cognito.clientId,
    ...kids,
  });
}
