import { describe, expect, it } from 'vitest';
import { testAuthSettings } from '../../testing/test-keys.js';
import { signoutRoutes } from './signout.js';

const settings = { ...testAuthSettings, region: 'eu-west-1' };

describe('GET /signout', () => {
  it('expires all four ALB session cookie shards, one Set-Cookie header each', async () => {
    const res = await signoutRoutes(settings).request('https://vpn.example.com/signout');

    const cookies = res.headers.getSetCookie();
    expect(cookies).toHaveLength(4);
    cookies.forEach((cookie, shard) => {
      expect(cookie).toMatch(new RegExp(`^AWSELBAuthSessionCookie-${shard}=;`));
      expect(cookie).toContain('Max-Age=0');
      expect(cookie).toContain('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
      expect(cookie).toContain('Path=/');
      expect(cookie).toContain('Secure');
      expect(cookie).toContain('HttpOnly');
    });
  });

  it('redirects to the Cognito logout endpoint, coming back to the portal root', async () => {
    const res = await signoutRoutes(settings).request('https://vpn.example.com/signout');

    expect(res.status).toBe(302);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.origin).toBe(`https://${settings.cognito.domain}`);
    expect(location.pathname).toBe('/logout');
    expect(location.searchParams.get('client_id')).toBe(settings.cognito.clientId);
    expect(location.searchParams.get('logout_uri')).toBe('https://vpn.example.com/');
  });

  it('accepts a bare hosted-UI domain prefix', async () => {
    const bare = { ...settings, cognito: { ...settings.cognito, domain: 'vpn-portal' } };

    const res = await signoutRoutes(bare).request('https://vpn.example.com/signout');

    expect(new URL(res.headers.get('location') ?? '').host).toBe(
      'vpn-portal.auth.eu-west-1.amazoncognito.com',
    );
  });

  it('lets local mode choose where the browser goes', async () => {
    const app = signoutRoutes(settings, { logoutUrl: (origin) => `${origin}/_local/signin` });

    const res = await app.request('http://localhost:3000/signout');

    expect(res.headers.get('location')).toBe('http://localhost:3000/_local/signin');
    expect(res.headers.getSetCookie()).toHaveLength(4);
  });
});
