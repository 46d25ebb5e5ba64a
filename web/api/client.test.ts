import { describe, expect, it, vi } from 'vitest';
import { statusByState } from '../testing/fixtures';
import { albErrorPage, jsonResponse as json, memoryStorage } from '../testing/http';
import { ApiFailure, createApiClient, PortalUnreachable, SessionExpired } from './client';

function client(answer: () => Response | Promise<Response>) {
  const fetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => answer());
  const reload = vi.fn();
  const api = createApiClient({ fetch, reload, storage: memoryStorage() });
  return { api, fetch, reload };
}

describe('createApiClient', () => {
  it('reads the status as JSON, same-origin, without following redirects', async () => {
    const { api, fetch } = client(() => json(statusByState.ready));
    await expect(api.status()).resolves.toEqual(statusByState.ready);
    expect(fetch).toHaveBeenCalledWith(
      '/api/status',
      expect.objectContaining({ method: 'GET', credentials: 'same-origin', redirect: 'manual' }),
    );
  });

  it('posts connect with a JSON content type and an empty object', async () => {
    const { api, fetch } = client(() => json(statusByState.starting, 202));
    await api.connect();
    const init = fetch.mock.calls[0]?.[1];
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{}');
    expect(init?.headers).toMatchObject({ 'content-type': 'application/json' });
  });

  it('reloads the page when the ALB answers with a sign-in redirect', async () => {
    const redirect = {
      type: 'opaqueredirect',
      status: 0,
      redirected: false,
      headers: new Headers(),
    };
    const { api, reload } = client(() => redirect as Response);
    await expect(api.status()).rejects.toBeInstanceOf(SessionExpired);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('reloads the page when the answer is an HTML sign-in page instead of JSON', async () => {
    const html = () =>
      new Response('<html>Sign in</html>', { headers: { 'content-type': 'text/html' } });
    const { api, reload } = client(html);
    await expect(api.me()).rejects.toBeInstanceOf(SessionExpired);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('reloads only once in a short while, so a broken sign-in cannot loop', async () => {
    const { api, reload } = client(() => json({ error: { code: 'not_authenticated' } }, 401));
    await expect(api.status()).rejects.toBeInstanceOf(SessionExpired);
    await expect(api.status()).rejects.toMatchObject({ code: 'signed_out' });
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('turns the error body into an ApiFailure with its code and reference id', async () => {
    const body = { error: { code: 'not_admin', message: 'Admins only.', requestId: 'req-1' } };
    const { api, reload } = client(() => json(body, 403));
    const failure = await api.adminSessions().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiFailure);
    expect(failure).toMatchObject({ code: 'not_admin', status: 403, requestId: 'req-1' });
    expect(reload).not.toHaveBeenCalled();
  });

  it('reports a network failure as offline, an outage that reloads nothing', async () => {
    const { api, reload } = client(() => {
      throw new TypeError('Failed to fetch');
    });
    const failure = await api.status().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(PortalUnreachable);
    expect(failure).toMatchObject({ code: 'offline', status: 0 });
    expect(reload).not.toHaveBeenCalled();
  });

  it.each([502, 503, 504] as const)(
    'treats the load balancer’s %i HTML page as an outage, not a sign-out',
    async (status) => {
      const { api, reload } = client(() => albErrorPage(status));
      const failure = await api.status().catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(PortalUnreachable);
      expect(failure).toMatchObject({ code: 'unreachable', status, requestId: null });
      expect(reload).not.toHaveBeenCalled();
    },
  );

  it('keeps calling a 502 an outage right after a sign-in reload', async () => {
    // The reload guard is fresh, as on the page that just reloaded: still no "signed out".
    const storage = memoryStorage();
    storage.setItem('vpn-portal.reloaded-at', String(Date.now()));
    const reload = vi.fn();
    const api = createApiClient({ fetch: async () => albErrorPage(502), reload, storage });
    await expect(api.status()).rejects.toMatchObject({ code: 'unreachable' });
    await expect(api.connect()).rejects.toMatchObject({ code: 'unreachable' });
    expect(reload).not.toHaveBeenCalled();
  });

  it.each([
    ['an empty body', () => new Response(null, { status: 500 })],
    ['JSON that is not the portal’s', () => json({ message: 'Internal Server Error' }, 500)],
  ])('treats a 5xx with %s as an outage', async (_case, answer) => {
    const { api, reload } = client(answer);
    await expect(api.status()).rejects.toBeInstanceOf(PortalUnreachable);
    expect(reload).not.toHaveBeenCalled();
  });

  it('keeps the portal’s own JSON error body on a 503: its failure, not an outage', async () => {
    const body = { error: { code: 'aws_unavailable', message: 'EC2 down', requestId: 'req-5' } };
    const { api, reload } = client(() => json(body, 503));
    const failure = await api.status().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiFailure);
    expect(failure).not.toBeInstanceOf(PortalUnreachable);
    expect(failure).toMatchObject({ code: 'aws_unavailable', status: 503, requestId: 'req-5' });
    expect(reload).not.toHaveBeenCalled();
  });

  it('calls one endpoint’s routes by its key, today’s routes without one (issue 18)', async () => {
    const { api, fetch } = client(() => json(statusByState.ready));
    const staging = api.endpoint('staging');
    await staging.status();
    await staging.connect();
    await staging.done();
    await staging.keepOn(2);
    await staging.disconnect();
    await staging.adminSessions();
    await staging.setup();
    await api.status();
    await api.endpoints();
    await api.adminEndpoints();
    const calls = fetch.mock.calls.map(([path, init]) => `${init?.method} ${String(path)}`);
    expect(calls).toEqual([
      'GET /api/endpoints/staging/status',
      'POST /api/endpoints/staging/connect',
      'POST /api/endpoints/staging/done',
      'POST /api/endpoints/staging/keep-on',
      'POST /api/endpoints/staging/disconnect',
      'GET /api/admin/endpoints/staging/sessions',
      'GET /api/endpoints/staging/setup',
      'GET /api/status',
      'GET /api/endpoints',
      'GET /api/admin/endpoints',
    ]);
    expect(fetch.mock.calls[3]?.[1]?.body).toBe('{"hours":2}');
    expect(api.endpoint('staging')).toBe(staging);
  });

  it('escapes an endpoint key in the path', async () => {
    const { api, fetch } = client(() => json(statusByState.off));
    await api.endpoint('a/b').status();
    expect(fetch.mock.calls[0]?.[0]).toBe('/api/endpoints/a%2Fb/status');
  });

  it('reads the refusal of an endpoint the person may not use as endpoint_forbidden', async () => {
    const body = { error: { code: 'endpoint_forbidden', message: 'Not yours.', requestId: 'r' } };
    const { api, reload } = client(() => json(body, 403));
    await expect(api.endpoint('staging').status()).rejects.toMatchObject({
      code: 'endpoint_forbidden',
      status: 403,
    });
    expect(reload).not.toHaveBeenCalled();
  });
});
