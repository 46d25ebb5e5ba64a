import { generateKeyPairSync, type KeyObject, randomUUID, sign } from 'node:crypto';
import { NonRetryableFetchError } from 'aws-jwt-verify/error';
import type { Fetcher } from 'aws-jwt-verify/https';

/**
 * A local stand-in for what the ALB and Cognito sign, so local mode and the tests run the
 * portal's real verification code (aws-jwt-verify) against keys of their own.
 *
 * - `x-amzn-oidc-data`: ES256, signed by "the ALB". AWS's format: header, payload and
 *   signature base64url encoded *with padding* (ELB user guide, "Authenticate users using an
 *   Application Load Balancer", user claims encoding). aws-jwt-verify accepts that padding.
 *   The header carries `signer` (ALB ARN), `client`, `iss`, `exp`; the public key is served
 *   as PEM at `<ALB_KEYS_URL>/<kid>`, and kid is a UUID (the library insists on one).
 * - `x-amzn-oidc-accesstoken`: a Cognito access token, RS256, keys in a JWKS.
 *
 * Never imported by the Lambda entries: only local-server.ts and tests use it.
 */
export interface LocalSignerOptions {
  albArn: string;
  region: string;
  userPoolId: string;
  clientId: string;
  /** Fix the key ids, e.g. so a test can forge a token under the real kid with another key. */
  albKid?: string;
  cognitoKid?: string;
}

export interface LocalUser {
  sub: string;
  email: string;
  name?: string;
  username?: string;
}

export interface DataTokenOptions {
  expiresInSeconds?: number;
  /** Overrides for tests of the verifier's checks; the defaults are what the ALB would send. */
  signer?: string;
  client?: string;
}

export interface AccessTokenOptions {
  expiresInSeconds?: number;
  clientId?: string;
}

export interface RsaPublicJwk {
  kty: 'RSA';
  n: string;
  e: string;
  kid: string;
  alg: 'RS256';
  use: 'sig';
}

export interface JsonWebKeySet {
  keys: RsaPublicJwk[];
}

export interface LocalSigner {
  readonly albArn: string;
  readonly clientId: string;
  /** The user pool's issuer, `https://cognito-idp.<region>.amazonaws.com/<poolId>`. */
  readonly issuer: string;
  readonly albKid: string;
  readonly cognitoKid: string;
  signDataToken(user: LocalUser, options?: DataTokenOptions): string;
  signAccessToken(user: LocalUser, groups?: string[], options?: AccessTokenOptions): string;
  /** The PEM the ALB key endpoint serves for `kid`, or undefined for an unknown kid. */
  albPublicKeyPem(kid: string): string | undefined;
  cognitoJwks(): JsonWebKeySet;
}

// The ALB's data token lives about a minute; Cognito access tokens an hour by default.
const DATA_TOKEN_SECONDS = 120;
const ACCESS_TOKEN_SECONDS = 3600;

export function createLocalSigner(options: LocalSignerOptions): LocalSigner {
  const alb = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const cognito = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const albKid = options.albKid ?? randomUUID();
  const cognitoKid = options.cognitoKid ?? randomUUID();
  const issuer = `https://cognito-idp.${options.region}.amazonaws.com/${options.userPoolId}`;
  const albPem = alb.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const { n, e } = cognito.publicKey.export({ format: 'jwk' });
  const cognitoJwk: RsaPublicJwk = {
    kty: 'RSA',
    n: String(n),
    e: String(e),
    kid: cognitoKid,
    alg: 'RS256',
    use: 'sig',
  };
  const nowSeconds = () => Math.floor(Date.now() / 1000);

  return {
    albArn: options.albArn,
    clientId: options.clientId,
    issuer,
    albKid,
    cognitoKid,
    signDataToken(user, tokenOptions = {}) {
      const exp = nowSeconds() + (tokenOptions.expiresInSeconds ?? DATA_TOKEN_SECONDS);
      const header = {
        alg: 'ES256',
        kid: albKid,
        signer: tokenOptions.signer ?? options.albArn,
        iss: issuer,
        client: tokenOptions.client ?? options.clientId,
        exp,
        typ: 'JWT',
      };
      // The claims Cognito's userInfo endpoint returns, as the ALB forwards them.
      const payload = {
        sub: user.sub,
        email_verified: 'true',
        email: user.email,
        ...(user.name === undefined ? {} : { name: user.name }),
        username: user.username ?? user.sub,
        exp,
        iss: issuer,
      };
      return signJwt(header, payload, alb.privateKey, 'es256', true);
    },
    signAccessToken(user, groups = [], tokenOptions = {}) {
      const iat = nowSeconds();
      const header = { kid: cognitoKid, alg: 'RS256' };
      const payload = {
        sub: user.sub,
        ...(groups.length > 0 ? { 'cognito:groups': groups } : {}),
        iss: issuer,
        version: 2,
        client_id: tokenOptions.clientId ?? options.clientId,
        token_use: 'access',
        scope: 'openid email profile',
        auth_time: iat,
        exp: iat + (tokenOptions.expiresInSeconds ?? ACCESS_TOKEN_SECONDS),
        iat,
        jti: randomUUID(),
        username: user.username ?? user.sub,
      };
      return signJwt(header, payload, cognito.privateKey, 'rs256', false);
    },
    albPublicKeyPem: (kid) => (kid === albKid ? albPem : undefined),
    cognitoJwks: () => ({ keys: [cognitoJwk] }),
  };
}

export interface LocalKeyUrls {
  /** ALB_KEYS_URL; without it any URL ending in `/<albKid>` is answered. */
  albKeysUrl?: string;
  /** COGNITO_JWKS_URL; without it any URL ending in `jwks.json` is answered. */
  jwksUrl?: string;
}

/**
 * An aws-jwt-verify Fetcher that answers the signer's key URLs from memory: the verifiers
 * run unchanged, with no network and no https server. Unknown URLs fail like a 404 would.
 */
export function createLocalKeyFetcher(signer: LocalSigner, urls: LocalKeyUrls = {}): Fetcher {
  const encode = (text: string): ArrayBuffer => {
    const bytes = new TextEncoder().encode(text);
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  };
  const albKeyUrl = (uri: string): boolean =>
    urls.albKeysUrl === undefined
      ? uri.endsWith(`/${signer.albKid}`)
      : uri === `${urls.albKeysUrl.replace(/\/+$/, '')}/${signer.albKid}`;
  const jwksUrl = (uri: string): boolean =>
    urls.jwksUrl === undefined ? uri.endsWith('jwks.json') : uri === urls.jwksUrl;

  return {
    async fetch(uri) {
      if (albKeyUrl(uri)) return encode(signer.albPublicKeyPem(signer.albKid) ?? '');
      if (jwksUrl(uri)) return encode(JSON.stringify(signer.cognitoJwks()));
      throw new NonRetryableFetchError(uri, 'Status code is 404, expected 200');
    },
  };
}

function signJwt(
  header: object,
  payload: object,
  key: KeyObject,
  algorithm: 'es256' | 'rs256',
  padded: boolean,
): string {
  const encode = (data: Buffer): string => base64Url(data, padded);
  const signingInput = `${encode(Buffer.from(JSON.stringify(header)))}.${encode(
    Buffer.from(JSON.stringify(payload)),
  )}`;
  // JOSE wants ECDSA signatures as raw r||s, not DER.
  const signature = sign('sha256', Buffer.from(signingInput), {
    key,
    ...(algorithm === 'es256' ? { dsaEncoding: 'ieee-p1363' as const } : {}),
  });
  return `${signingInput}.${encode(signature)}`;
}

function base64Url(data: Buffer, padded: boolean): string {
  const text = data.toString('base64url');
  return padded ? text.padEnd(Math.ceil(text.length / 4) * 4, '=') : text;
}
