import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createLocalSigner } from './alb-signer.js';
import { createAlbStandIn } from './alb-stand-in.js';
import { demoUsers } from './demo-users.js';

const ALB_ARN =
  'arn:aws:elasticloadbalancing:eu-west-1:000000000000:loadbalancer/app/local/0000000000000000';

function setUp() {
  const signer = createLocalSigner({
    albArn: ALB_ARN,
    region: 'eu-west-1',
    userPoolId: 'eu-west-1_Local',
    clientId: 'localclient',
  });
  const seen: Headers[] = [];
  const portal = new Hono()
    .get('/signout', (c) =>
      c.redirect('https://auth.example.com/logout?client_id=localclient&logout_uri=x', 302),
    )
    .all('*', (c) => {
      seen.push(c.req.raw.headers);
      return c.text('portal');
    });
  const standIn = createAlbStandIn({
    portal,
    signer,
    users: demoUsers('vpn-admins'),
    adminGroup: 'vpn-admins',
  });
  return { standIn, signer, seen };
}

const asUser = (key: string, headers: Record<string, string> = {}) => ({
  headers: { cookie: `vpn_local_user=${key}`, ...headers },
});

describe('ALB stand-in', () => {
  it('replaces identity headers a client sends with ones it signs itself', async () => {
    const { standIn, seen } = setUp();
    const response = await standIn.request(
      '/api/me',
      asUser('hanako', { 'x-amzn-oidc-data': 'forged', 'x-amzn-oidc-identity': 'someone-else' }),
    );
    expect(await response.text()).toBe('portal');
    const headers = seen[0];
    expect(headers?.get('x-amzn-oidc-data')).not.toBe('forged');
    expect(headers?.get('x-amzn-oidc-data')?.split('.')).toHaveLength(3);
    expect(headers?.get('x-amzn-oidc-accesstoken')).toBeTruthy();
    expect(headers?.get('x-amzn-oidc-identity')).toBe('1b0e6a4c-0002-4c1e-9a57-6b3d2f1a0002');
  });

  it('treats an unknown user in the cookie as signed out', async () => {
    const { standIn, seen } = setUp();
    const response = await standIn.request('/api/status', asUser('mallory'));
    expect(response.status).toBe(302);
    expect(seen).toEqual([]);
  });

  it('never sends the browser off-site after sign-in', async () => {
    const { standIn } = setUp();
    for (const target of ['//evil.example/', 'https://evil.example/', '/_local/signin']) {
      const response = await standIn.request('/_local/signin', {
        method: 'POST',
        body: new URLSearchParams({ user: 'emma', return: target }),
      });
      expect(response.headers.get('location')).toBe('/');
    }
  });

  it('serves the public keys the verifier is pointed at', async () => {
    const { standIn, signer } = setUp();
    const pem = await standIn.request(`/_local/alb-keys/${signer.albKid}`);
    expect(await pem.text()).toContain('BEGIN PUBLIC KEY');
    expect((await standIn.request('/_local/alb-keys/unknown')).status).toBe(404);
    const jwks = await (await standIn.request('/_local/cognito/jwks.json')).json();
    expect(jwks).toEqual(signer.cognitoJwks());
  });

  it("ends the portal's Cognito logout at the local sign-out", async () => {
    const { standIn } = setUp();
    const response = await standIn.request('/signout', asUser('emma'));
    expect(response.headers.get('location')).toBe('/_local/signout');
  });
});
