import { describe, expect, it } from 'vitest';
import { createLocalKeyFetcher, createLocalSigner } from './alb-signer.js';

const options = {
  albArn:
    'arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/app/local/0000000000000000',
  region: 'us-east-1',
  userPoolId: 'us-east-1_LocalPool',
  clientId: 'localclient',
};
const user = { sub: 'user-1', email: 'ana@example.com', name: 'Ana' };

function decodeSegment(segment: string | undefined): Record<string, unknown> {
  return JSON.parse(Buffer.from(segment ?? '', 'base64url').toString('utf8'));
}

describe('createLocalSigner', () => {
  it('signs user claims in the ALB format: padded base64url, ES256, signer and client in the header', () => {
    const signer = createLocalSigner(options);

    const token = signer.signDataToken(user, { expiresInSeconds: 60 });
    const [header, payload, signature] = token.split('.');

    expect(token).toMatch(/^[\w-]+={0,2}\.[\w-]+={0,2}\.[\w-]+={0,2}$/);
    for (const part of [header, payload, signature]) expect((part ?? '').length % 4).toBe(0);
    expect(decodeSegment(header)).toMatchObject({
      alg: 'ES256',
      typ: 'JWT',
      kid: signer.albKid,
      signer: options.albArn,
      client: options.clientId,
      iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_LocalPool',
    });
    expect(decodeSegment(payload)).toMatchObject({
      sub: 'user-1',
      email: 'ana@example.com',
      name: 'Ana',
    });
    expect(signer.albKid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('signs Cognito-shaped access tokens with the groups', () => {
    const signer = createLocalSigner(options);

    const [header, payload] = signer.signAccessToken(user, ['vpn-admins']).split('.');

    expect(decodeSegment(header)).toEqual({ alg: 'RS256', kid: signer.cognitoKid });
    expect(decodeSegment(payload)).toMatchObject({
      sub: 'user-1',
      'cognito:groups': ['vpn-admins'],
      token_use: 'access',
      client_id: 'localclient',
    });
  });

  it('publishes only public keys', () => {
    const signer = createLocalSigner(options);

    expect(signer.albPublicKeyPem(signer.albKid)).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(signer.albPublicKeyPem('another-kid')).toBeUndefined();
    const [jwk] = signer.cognitoJwks().keys;
    expect(jwk).toMatchObject({ kty: 'RSA', kid: signer.cognitoKid, alg: 'RS256', use: 'sig' });
    expect(jwk).not.toHaveProperty('d');
  });
});

describe('createLocalKeyFetcher', () => {
  it('answers the configured key URLs from memory and refuses others', async () => {
    const signer = createLocalSigner(options);
    const fetcher = createLocalKeyFetcher(signer, {
      albKeysUrl: 'http://localhost:3000/_local/alb-keys/',
      jwksUrl: 'http://localhost:3000/_local/jwks.json',
    });
    const text = async (uri: string) => new TextDecoder().decode(await fetcher.fetch(uri));

    expect(await text(`http://localhost:3000/_local/alb-keys/${signer.albKid}`)).toBe(
      signer.albPublicKeyPem(signer.albKid),
    );
    expect(JSON.parse(await text('http://localhost:3000/_local/jwks.json'))).toEqual(
      signer.cognitoJwks(),
    );
    await expect(fetcher.fetch('https://example.com/other')).rejects.toThrow(/404/);
  });
});
