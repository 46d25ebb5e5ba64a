import { describe, expect, it, vi } from 'vitest';
import { statusByState } from '../testing/fixtures';
import { ApiFailure, createApiClient, SessionExpired } from './client';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
}

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

  it('reports a network failure as offline', async () => {
    const { api } = client(() => {
      throw new TypeError('Failed to fetch');
    });
    await expect(api.status()).rejects.toMatchObject({ code: 'offline' });
  });
});
