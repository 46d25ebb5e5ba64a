import { createMiddleware } from 'hono/factory';
import { CrossSiteRequestError } from '../../core/model/errors.js';
import type { AppEnv } from '../app-env.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * SPEC section 7: the ALB session cookie rides along on any request the browser makes, so
 * an unsafe method must also prove it comes from our own page. Browsers send `Origin` and
 * `Sec-Fetch-Site` on every POST; a request with neither is not from our page either.
 */
export function sameOrigin() {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const site = c.req.header('sec-fetch-site');
    if (site !== undefined && site !== 'same-origin') {
      throw new CrossSiteRequestError(`Cross-site request refused (Sec-Fetch-Site: ${site}).`);
    }
    const origin = c.req.header('origin');
    if (origin !== undefined && !matchesHost(origin, c.req.header('host'))) {
      throw new CrossSiteRequestError('Cross-site request refused (Origin does not match).');
    }
    if (site === undefined && origin === undefined) {
      throw new CrossSiteRequestError('Request refused: it carries no Origin.');
    }
    return next();
  });
}

function matchesHost(origin: string, host: string | undefined): boolean {
  if (!host) return false;
  try {
    return new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}
