import type { StatusBody } from '../http/api-types.js';

/**
 * A browser against the local server, reduced to what integration stories need: one cookie
 * jar, redirects not followed, and the same-origin `Origin` header a real page sends.
 */
export function localBrowser(base: string) {
  const cookies = new Map<string, string>();
  const request = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (cookies.size > 0) {
      headers.set('cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    }
    if (init.method === 'POST') headers.set('origin', base);
    const response = await fetch(`${base}${path}`, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      cookies.set(name.trim(), value);
    }
    return response;
  };
  const postJson = (path: string, body: unknown = {}) =>
    request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const json = async <T>(path: string) => (await (await request(path)).json()) as T;
  const status = () => json<StatusBody>('/api/status');
  return {
    request,
    postJson,
    json,
    status,
    signIn: (user: string) =>
      request('/_local/signin', { method: 'POST', body: new URLSearchParams({ user }) }),
    /** Moves the simulated clock on, as the simulator page's button does. */
    advance: async (minutes: number) => {
      const response = await postJson('/_local/api/clock/advance', { minutes });
      if (response.status !== 200) throw new Error(`advance answered ${response.status}`);
      return (await response.json()) as { now: string; alarm: { value: string } };
    },
    /** Polls the status until `accept` holds, as the SPA does. */
    async waitFor(accept: (body: StatusBody) => boolean, timeoutMs = 8_000) {
      const deadline = Date.now() + timeoutMs;
      let last = await status();
      while (!accept(last)) {
        if (Date.now() > deadline) throw new Error(`Gave up; last status ${JSON.stringify(last)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
        last = await status();
      }
      return last;
    },
  };
}
