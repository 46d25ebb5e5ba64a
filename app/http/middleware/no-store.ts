import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.js';

/**
 * API answers are about one signed-in person and change by the second: no browser or proxy
 * may keep one. Set after the handler ran, so errors, 404s and 405s carry it too.
 */
export function noStore() {
  return createMiddleware<AppEnv>(async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
}
