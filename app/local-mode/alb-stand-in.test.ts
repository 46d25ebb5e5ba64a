import { networkInterfaces } from 'node:os';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../adapters/local/manual-clock.js';
import { loadSettings } from '../config/settings.js';
import { silentLogger } from '../logging/logger.js';
import { createLocalSigner } from './alb-signer.js';
import { createAlbStandIn, ownHosts } from './alb-stand-in.js';
import { demoUsers } from './demo-users.js';
import { createLocalSimulation } from './local-simulation.js';
import { simulatorRoutes } from './simulator-routes.js';

const ALB_ARN =
  'arn:aws:elasticloadbalancing:eu-west-1:000000000000:loadbalancer/app/local/0000000000000000';

const ORIGIN = 'http://localhost:3000';

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
  const local = createLocalSimulation({
    settings: loadSettings({}, 'local'),
    logger: silentLogger,
    clock: new ManualClock({ start: new Date('2025-01-06T09:00:00Z'), runsInRealTime: false }),
  });
  const app = createAlbStandIn({
    portal,
    signer,
    users: demoUsers('vpn-admins'),
    adminGroup: 'vpn-admins',
    hosts: ['localhost:3000', '127.0.0.1:3000'],
    simulator: simulatorRoutes(local.simulation),
  });
  // As the browser addresses it: http://localhost:3000 (app.request takes the URL's host).
  const standIn = {
    request: (path: string, init?: RequestInit) => app.request(ORIGIN + path, init),
  };
  return { standIn, signer, seen, local };
}

/** The sign-in page's own form POST, as Chromium sends it; `undefined` leaves a header out. */
function signInForm(user: string, headers: Record<string, string | undefined> = {}): RequestInit {
  const all: Record<string, string | undefined> = {
    'content-type': 'application/x-www-form-urlencoded',
    origin: ORIGIN,
    'sec-fetch-site': 'same-origin',
    ...headers,
  };
  return {
    method: 'POST',
    headers: Object.entries(all).filter((entry): entry is [string, string] => !!entry[1]),
    body: new URLSearchParams({ user, return: '/' }).toString(),
  };
}

async function expectRefused(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.getSetCookie()).toEqual([]);
  expect(await response.json()).toEqual({ error: { code, message: expect.any(String) } });
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

describe('ALB stand-in, only for this server and its own pages', () => {
  it('refuses a request naming another host (DNS rebinding) with 421 and signs no one in', async () => {
    const { standIn, seen } = setUp();
    const response = await standIn.request(
      '/_local/signin',
      signInForm('admin', { host: 'evil.example', origin: 'http://evil.example' }),
    );
    await expectRefused(response, 421, 'misdirected_request');
    const portal = await standIn.request('/api/me', asUser('admin', { host: 'evil.example' }));
    await expectRefused(portal, 421, 'misdirected_request');
    expect(seen).toEqual([]);
  });

  it('refuses to drive the simulator for another host', async () => {
    const { standIn, local } = setUp();
    await local.deps.vpn.associate('subnet-0a1b2c3d4e5f60001', 't');
    const response = await standIn.request('/_local/api/reset', {
      method: 'POST',
      headers: { host: 'evil.example:3000', 'content-type': 'application/json' },
      body: '{}',
    });
    await expectRefused(response, 421, 'misdirected_request');
    expect(local.simulation.vpn.inspectAssociations()).toHaveLength(1);
  });

  it('refuses a cross-site form POST to the sign-in with 403 and sets no session', async () => {
    const { standIn } = setUp();
    const crossSite = await standIn.request(
      '/_local/signin',
      signInForm('admin', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }),
    );
    await expectRefused(crossSite, 403, 'cross_site_request');
    // A browser without Sec-Fetch-Site still names the other site in Origin.
    const foreignOrigin = await standIn.request(
      '/_local/signin',
      signInForm('admin', { origin: 'https://evil.example', 'sec-fetch-site': undefined }),
    );
    await expectRefused(foreignOrigin, 403, 'cross_site_request');
    const opaque = await standIn.request('/_local/signin', signInForm('admin', { origin: 'null' }));
    await expectRefused(opaque, 403, 'cross_site_request');
  });

  it('signs in from its own page, and a script that sends no Origin at all', async () => {
    const { standIn } = setUp();
    for (const init of [
      signInForm('admin'),
      { method: 'POST', body: new URLSearchParams({ user: 'admin' }) },
    ]) {
      const response = await standIn.request('/_local/signin', init);
      expect(response.status).toBe(302);
      expect(response.headers.getSetCookie()).toEqual([
        expect.stringMatching(/^vpn_local_user=admin;/),
      ]);
    }
  });

  it('answers the loopback address it also listens on', async () => {
    const { standIn } = setUp();
    const response = await standIn.request('/_local/signin', {
      headers: { host: '127.0.0.1:3000' },
    });
    expect(response.status).toBe(200);
  });

  it('refuses a sign-in form larger than a few KB with 413 before reading it', async () => {
    const { standIn } = setUp();
    const response = await standIn.request('/_local/signin', {
      ...signInForm('admin'),
      body: new URLSearchParams({ user: 'admin', return: `/${'a'.repeat(5_000)}` }).toString(),
    });
    await expectRefused(response, 413, 'payload_too_large');
  });

  it('refuses a sign-out another site started, and keeps the session', async () => {
    const { standIn } = setUp();
    const response = await standIn.request(
      '/_local/signout',
      asUser('emma', { 'sec-fetch-site': 'cross-site' }),
    );
    await expectRefused(response, 403, 'cross_site_request');
    const own = await standIn.request(
      '/_local/signout',
      asUser('emma', { 'sec-fetch-site': 'same-origin' }),
    );
    expect(own.status).toBe(302);
    expect(own.headers.getSetCookie()).toEqual([expect.stringMatching(/^vpn_local_user=;/)]);
  });

  it('refuses a cross-site POST to the simulator and takes a same-origin one', async () => {
    const { standIn } = setUp();
    const post = (headers: Record<string, string>) =>
      standIn.request('/_local/api/clock/advance', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ minutes: 5 }),
      });
    const refused = await post({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    await expectRefused(refused, 403, 'cross_site_request');
    const own = await post({ origin: ORIGIN, 'sec-fetch-site': 'same-origin' });
    expect(own.status).toBe(200);
    expect((await own.json()).advancedMinutes).toBe(5);
  });
});

describe('ownHosts', () => {
  it('answers to the loopback names on a loopback address', () => {
    expect(ownHosts('127.0.0.1', 3000).sort()).toEqual(
      ['127.0.0.1:3000', '[::1]:3000', 'localhost:3000'].sort(),
    );
  });

  it('adds the address it was told to listen on', () => {
    expect(ownHosts('192.168.1.20', 3000)).toContain('192.168.1.20:3000');
    expect(ownHosts('fd00::20', 3000)).toContain('[fd00::20]:3000');
    expect(ownHosts('192.168.1.20', 3000)).not.toContain('evil.example:3000');
  });

  it('adds every interface address when listening on all of them', () => {
    const hosts = ownHosts('0.0.0.0', 3000);
    const ipv4 = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address?.family === 'IPv4')
      .map((address) => `${address?.address}:3000`);
    expect(hosts).toEqual(expect.arrayContaining(['localhost:3000', ...ipv4]));
  });

  it('accepts a Host without the port on port 80', () => {
    expect(ownHosts('127.0.0.1', 80)).toEqual(
      expect.arrayContaining(['localhost:80', 'localhost']),
    );
  });
});
