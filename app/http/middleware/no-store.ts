import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.js';

/**
 * API answers are about one signed-in person and change by the second: no browser or proxy
 * may keep one. Set after the handler ran, so errors, 404s and 405s carry it too. The one
 * exception is a successful answer whose route chose `private` caching itself (the VPN
 * configuration file, issue 16): the employee's own browser may keep that for a while.
 */
export function noStore() {
  return createMiddleware<AppEnv>(async (c, next) => {
    await next();
    const chosen = c.res.headers.get('Cache-Control') ?? '';
    if (c.res.status === 200 && /^private(,|$)/.test(chosen)) return;
    c.header('Cache-Control', 'no-store');
  });
}
