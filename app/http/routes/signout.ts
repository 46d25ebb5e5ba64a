import { Hono } from 'hono';
import { hostedUiHost } from '../../config/setting-schemas.js';
import type { Settings } from '../../config/settings.js';
import { CrossSiteRequestError } from '../../core/model/errors.js';
import type { AppEnv } from '../app-env.js';
import { isCrossSiteNavigation } from '../middleware/same-origin.js';

/**
 * The ALB keeps its Cognito session in up to four cookie shards (it splits cookies larger
 * than 4 KB); all of them must go, each with its own Set-Cookie header, which is why the
 * target group has multi-value headers enabled (SPEC section 3).
 */
const ALB_SESSION_COOKIES = [0, 1, 2, 3].map((shard) => `AWSELBAuthSessionCookie-${shard}`);

export interface SignoutOptions {
  /** Where to send the browser once the cookies are gone; local mode has no Cognito. */
  logoutUrl?: (portalOrigin: string) => string;
}

/**
 * GET /signout: expires the ALB session and ends the Cognito session too (otherwise the
 * ALB would silently sign the user in again from Cognito's own cookie).
 *
 * Another site must not sign people out (a link or an `<img src>` on any page would do),
 * so a request another site started (Sec-Fetch-Site `cross-site` or `same-site`) is
 * refused with 403 and changes nothing. It stays a GET rather than becoming a POST form:
 * the header's Sign out link (`same-origin`), bookmarks and a typed URL (`none`) keep
 * working and the SPA needs no change. Current browsers (Safari since 16.4) send
 * Sec-Fetch-Site; an older one without it is let through, as before, since the worst
 * another site could then do is sign someone out.
 */
export function signoutRoutes(
  settings: Pick<Settings, 'region' | 'cognito'>,
  options: SignoutOptions = {},
) {
  const logoutUrl = options.logoutUrl ?? ((origin) => cognitoLogoutUrl(settings, origin));
  return new Hono<AppEnv>().get('/signout', (c) => {
    c.header('Cache-Control', 'no-store');
    const site = c.req.header('sec-fetch-site');
    if (isCrossSiteNavigation(site)) {
      throw new CrossSiteRequestError(`Sign-out refused: another site asked for it (${site}).`);
    }
    for (const name of ALB_SESSION_COOKIES) {
      c.header(
        'Set-Cookie',
        `${name}=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; Secure; HttpOnly`,
        { append: true },
      );
    }
    return c.redirect(logoutUrl(new URL(c.req.url).origin), 302);
  });
}

/**
 * Cognito's hosted-UI logout endpoint. The logout_uri is the portal root, not a "signed
 * out" page: every path behind the ALB requires sign-in, so no such page could be shown;
 * landing on `/` starts a fresh sign-in instead. It must be listed among the app client's
 * sign-out URLs.
 */
function cognitoLogoutUrl(
  settings: Pick<Settings, 'region' | 'cognito'>,
  portalOrigin: string,
): string {
  // COGNITO_DOMAIN should be the full host (`auth.example.com`, or
  // `<prefix>.auth.<region>.amazoncognito.com`); a bare prefix or a URL is tolerated.
  const url = new URL(
    '/logout',
    `https://${hostedUiHost(settings.cognito.domain, settings.region)}`,
  );
  url.searchParams.set('client_id', settings.cognito.clientId);
  url.searchParams.set('logout_uri', `${portalOrigin}/`);
  return url.toString();
}
