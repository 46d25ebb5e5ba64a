import { createMiddleware } from 'hono/factory';
import { CrossSiteRequestError } from '../../core/model/errors.js';
import type { AppEnv } from '../app-env.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What a request says about where it comes from; `host` is the authority it was sent to. */
export interface RequestSite {
  method: string;
  /** Sec-Fetch-Site */
  site: string | undefined;
  origin: string | undefined;
  host: string | undefined;
}

export interface CrossSiteOptions {
  /**
   * Refuse an unsafe request that has neither Origin nor Sec-Fetch-Site (the portal's
   * rule). Browsers send at least Origin on every POST, so a request without both is not
   * from a browser; only local mode's controls, which scripts and tests drive, let it in.
   */
  requireOrigin?: boolean;
}

/** The header values of a Hono request; `host` defaults to its Host header. */
export function requestSite(
  req: { method: string; header(name: string): string | undefined },
  host = req.header('host'),
): RequestSite {
  return {
    method: req.method,
    site: req.header('sec-fetch-site'),
    origin: req.header('origin'),
    host,
  };
}

/** Why an unsafe request is refused as coming from another site, or null to let it in. */
export function crossSiteRefusal(
  request: RequestSite,
  { requireOrigin = true }: CrossSiteOptions = {},
): string | null {
  if (SAFE_METHODS.has(request.method)) return null;
  const { site, origin } = request;
  if (site !== undefined && site !== 'same-origin') {
    return `Cross-site request refused (Sec-Fetch-Site: ${site}).`;
  }
  if (origin !== undefined && !matchesHost(origin, request.host)) {
    return 'Cross-site request refused (Origin does not match).';
  }
  if (requireOrigin && site === undefined && origin === undefined) {
    return 'Request refused: it carries no Origin.';
  }
  return null;
}

/**
 * A navigation another site started: Sec-Fetch-Site `cross-site` or `same-site`. Our own
 * page's links are `same-origin`, a typed URL or a bookmark is `none`; browsers that send
 * no Sec-Fetch-Site at all (Safari before 16.4) are let through rather than locked out.
 */
export function isCrossSiteNavigation(site: string | undefined): boolean {
  return site === 'cross-site' || site === 'same-site';
}

/**
 * SPEC section 7: the ALB session cookie rides along on any request the browser makes, so
 * an unsafe method must also prove it comes from our own page. Browsers send `Origin` and
 * `Sec-Fetch-Site` on every POST; a request with neither is not from our page either.
 */
export function sameOrigin() {
  return createMiddleware<AppEnv>(async (c, next) => {
    const refusal = crossSiteRefusal(requestSite(c.req));
    if (refusal) throw new CrossSiteRequestError(refusal);
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
