import { hostname, networkInterfaces } from 'node:os';
import { type Context, Hono, type Next } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import * as z from '../config/validation.js';
import { API_BODY_LIMIT_BYTES } from '../http/middleware/body-limit.js';
import {
  crossSiteRefusal,
  isCrossSiteNavigation,
  requestSite,
} from '../http/middleware/same-origin.js';
import type { LocalSigner } from './alb-signer.js';
import type { DemoUser } from './demo-users.js';
import { signinPage } from './signin-page.js';

/** Where the stand-in serves its public keys; ALB_KEYS_URL and COGNITO_JWKS_URL point here. */
export const ALB_KEYS_PATH = '/_local/alb-keys';
export const COGNITO_JWKS_PATH = '/_local/cognito/jwks.json';
const SIGNIN_PATH = '/_local/signin';
const SIGNOUT_PATH = '/_local/signout';
const LOCAL_SESSION_COOKIE = 'vpn_local_user';

export interface AlbStandInOptions {
  /** The portal app; it gets each signed-in request with the ALB's headers added. */
  portal: { fetch: (request: Request) => Response | Promise<Response> };
  signer: LocalSigner;
  users: DemoUser[];
  adminGroup: string;
  /**
   * The Host values (`host:port`, lower case) this server answers to: `ownHosts(HOST, port)`.
   * Any other Host is refused, so a site whose name resolves to this machine (DNS
   * rebinding) cannot sign in or drive the simulator through a visitor's browser.
   */
  hosts: readonly string[];
  /** The simulator controls, mounted under /_local. */
  simulator?: Hono;
}

const signinForm = z.object({
  user: z.string().check(z.minLength(1)),
  return: z.optional(z.string()),
});

// Tokens are re-signed at most this often per user; the ALB's own data token lives 2 minutes.
const TOKEN_REUSE_MS = 30_000;

/**
 * The ALB in front of the portal, for local mode: sign-in, session cookie, signed
 * x-amzn-oidc-* headers and the key endpoints, so the portal's real verification runs.
 * Like the ALB, it answers every path without a session with a 302 to sign in.
 */
export function createAlbStandIn(options: AlbStandInOptions): Hono {
  const { signer, users } = options;
  const byKey = new Map(users.map((user) => [user.key, user]));
  const tokens = new Map<string, { data: string; access: string; until: number }>();

  const tokensFor = (user: DemoUser) => {
    const cached = tokens.get(user.key);
    if (cached && cached.until > Date.now()) return cached;
    const identity = { sub: user.sub, email: user.email, name: user.name, username: user.key };
    const fresh = {
      data: signer.signDataToken(identity),
      access: signer.signAccessToken(identity, user.groups),
      until: Date.now() + TOKEN_REUSE_MS,
    };
    tokens.set(user.key, fresh);
    return fresh;
  };

  const hosts = new Set(options.hosts.map((host) => host.toLowerCase()));

  const app = new Hono()
    .use(async (c, next) => {
      if (hosts.has(hostOf(c))) return next();
      // 421 Misdirected Request: this server is not the one the request names. Not 403:
      // no credentials would change the answer; the request is at the wrong address.
      return c.json(
        localError('misdirected_request', 'This server does not answer to that host name.'),
        421,
      );
    })
    .get(SIGNIN_PATH, (c) =>
      c.html(
        signinPage({
          users,
          adminGroup: options.adminGroup,
          returnTo: safeReturn(c.req.query('return')),
        }),
      ),
    )
    .post(SIGNIN_PATH, sameOriginOnly, localBodyLimit, async (c) => {
      const form = signinForm.safeParse(await c.req.parseBody());
      const user = form.success ? byKey.get(form.data.user) : undefined;
      if (!form.success || !user) {
        return c.json(localError('invalid_request', 'Pick one of the demo users.'), 400);
      }
      setCookie(c, LOCAL_SESSION_COOKIE, user.key, { path: '/', httpOnly: true, sameSite: 'Lax' });
      return c.redirect(safeReturn(form.data.return), 302);
    })
    .get(SIGNOUT_PATH, (c) => {
      const site = c.req.header('sec-fetch-site');
      if (isCrossSiteNavigation(site)) {
        return c.json(localError('cross_site_request', 'Another site cannot sign you out.'), 403);
      }
      deleteCookie(c, LOCAL_SESSION_COOKIE, { path: '/' });
      return c.redirect(SIGNIN_PATH, 302);
    })
    .get(`${ALB_KEYS_PATH}/:kid`, (c) => {
      const pem = signer.albPublicKeyPem(c.req.param('kid'));
      return pem ? c.text(pem) : c.text('Not found', 404);
    })
    .get(COGNITO_JWKS_PATH, (c) => c.json(signer.cognitoJwks()));

  if (options.simulator) {
    app.get('/_local/', (c) => c.redirect('/_local', 302)); // the mounted page answers /_local
    app.route('/_local', options.simulator);
  }

  app.all('*', async (c) => {
    const user = byKey.get(getCookie(c, LOCAL_SESSION_COOKIE) ?? '');
    if (!user) {
      const url = new URL(c.req.url);
      return c.redirect(
        `${SIGNIN_PATH}?return=${encodeURIComponent(url.pathname + url.search)}`,
        302,
      );
    }
    const headers = new Headers(c.req.raw.headers);
    // A client must not smuggle in its own identity: the ALB overwrites these headers too.
    for (const name of [...headers.keys()]) {
      if (name.startsWith('x-amzn-oidc-')) headers.delete(name);
    }
    const signed = tokensFor(user);
    headers.set('x-amzn-oidc-data', signed.data);
    headers.set('x-amzn-oidc-accesstoken', signed.access);
    headers.set('x-amzn-oidc-identity', user.sub);
    const response = await options.portal.fetch(new Request(c.req.raw, { headers }));
    return endLogoutLocally(response, signer.clientId);
  });
  return app;
}

/**
 * Everything the local server answers to: the loopback names always, plus the address it
 * listens on, or, listening on every interface (HOST=0.0.0.0, for an iPad), each interface's
 * address and the machine's name. Browsers leave port 80 out of Host.
 */
export function ownHosts(listenHost: string, port: number): string[] {
  const names = new Set(['localhost', '127.0.0.1', '[::1]']);
  const host = listenHost.toLowerCase();
  if (host === '0.0.0.0' || host === '::' || host === '[::]') {
    for (const address of Object.values(networkInterfaces()).flat()) {
      if (!address) continue;
      const ip = address.address.split('%')[0] ?? address.address;
      names.add(address.family === 'IPv6' ? `[${ip}]` : ip);
    }
    const machine = hostname().toLowerCase();
    names.add(machine);
    if (!machine.includes('.')) names.add(`${machine}.local`);
  } else {
    names.add(host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);
  }
  const withPort = [...names].map((name) => `${name}:${port}`);
  return port === 80 ? [...withPort, ...names] : withPort;
}

/** The authority the request was sent to: its Host header (the URL's host without one). */
function hostOf(c: Context): string {
  return (c.req.header('host') ?? new URL(c.req.url).host).toLowerCase();
}

/**
 * The sign-in form may only be posted by the sign-in page itself: a cross-site form POST
 * (which browsers mark with Origin and Sec-Fetch-Site) is refused. A request with neither
 * header is no browser's, so no visitor's cookies ride along: scripts and the benchmarks
 * sign in that way (the Host check above has already let it in).
 */
async function sameOriginOnly(c: Context, next: Next) {
  const refusal = crossSiteRefusal(requestSite(c.req, hostOf(c)), { requireOrigin: false });
  if (refusal) return c.json(localError('cross_site_request', refusal), 403);
  return next();
}

const localBodyLimit = bodyLimit({
  maxSize: API_BODY_LIMIT_BYTES,
  onError: (c) => c.json(localError('payload_too_large', 'The request body is too large.'), 413),
});

function localError(code: string, message: string) {
  return { error: { code, message } };
}

/**
 * Plays Cognito's logout endpoint (`https://<COGNITO_DOMAIN>/logout?client_id=…`), which would
 * end the Cognito session and go to logout_uri: here the browser goes to /_local/signout.
 */
function endLogoutLocally(response: Response, clientId: string): Response {
  const location = response.headers.get('location');
  if (!location || !/^https?:\/\//.test(location)) return response; // the portal's own paths
  const url = new URL(location);
  if (url.pathname !== '/logout' || url.searchParams.get('client_id') !== clientId) {
    return response;
  }
  const rewritten = new Response(response.body, response);
  rewritten.headers.set('location', SIGNOUT_PATH);
  return rewritten;
}

/** Only paths on this server: `//evil.example` or `https://…` would be an open redirect. */
function safeReturn(value: string | undefined): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value.startsWith(SIGNIN_PATH) ? '/' : value;
}
