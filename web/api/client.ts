import type {
  AdminSessionsBody,
  ErrorBody,
  MeBody,
  SetupBody,
  StatusBody,
  VpnClientBody,
} from '../../app/http/api-types';
import type { HealthBody, TestNoticeBody } from '../../app/http/health-api-types';
import type { AdminEndpointsBody, EndpointsBody } from './endpoints-body';

/** The portal answered with its JSON error body, or did not answer at all (see PortalUnreachable). */
export class ApiFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly requestId: string | null,
    /** `others_using` (issue 16): how many other people use or asked for the VPN. */
    readonly othersUsing?: number,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

/**
 * An outage, not a sign-out: the request never reached the portal (code `offline`: fetch
 * rejected) or something in front of it answered a 5xx without the portal's JSON error body
 * (code `unreachable`: the ALB's 502/503/504 page when the function fails, times out or is
 * throttled). Nothing to reload; the pollers keep trying with backoff.
 */
export class PortalUnreachable extends ApiFailure {
  constructor(code: 'offline' | 'unreachable', message: string, status: number) {
    super(code, message, status, null);
    this.name = 'PortalUnreachable';
  }
}

/** The ALB's Cognito session ended: the page is reloading so the browser signs in again. */
export class SessionExpired extends Error {
  constructor() {
    super('The sign-in session expired; reloading.');
    this.name = 'SessionExpired';
  }
}

/**
 * What one endpoint answers. Today's routes (`/api/status`, …) are the first endpoint's;
 * `ApiClient.endpoint(key)` gives the same calls for any endpoint (issue 18).
 */
export interface EndpointClient {
  status(): Promise<StatusBody>;
  connect(): Promise<StatusBody>;
  disconnect(): Promise<StatusBody>;
  adminSessions(): Promise<AdminSessionsBody>;
  /** "I'm done, turn it off" (issue 16); 409 `others_using` when someone else uses it. */
  done(): Promise<StatusBody>;
  /** "Keep it on" +1 h / +2 h (issue 16). */
  keepOn(hours: number): Promise<StatusBody>;
  /** The setup page (issue 16): what the endpoint's authentication means, the file's name. */
  setup(): Promise<SetupBody>;
  /** The endpoint's `.ovpn` (issue 16): a plain link the browser downloads, never fetched. */
  clientConfigPath: string;
}

export interface ApiClient extends EndpointClient {
  me(): Promise<MeBody>;
  /** Issue 16: the deployment's VPN app words ("then open WorkSpaces", Keep it on). */
  vpnClient(): Promise<VpnClientBody>;
  /** Issue 18: the endpoints this person may use, the one they used last first. */
  endpoints(): Promise<EndpointsBody>;
  /** Issue 18: every endpoint's state, connections and month, and the month summed. */
  adminEndpoints(): Promise<AdminEndpointsBody>;
  /** The calls of one endpoint; the same object for the same key, so hooks can depend on it. */
  endpoint(key: string): EndpointClient;
  /** The admin view's health panel (issue 17): one entry per check. */
  health(): Promise<HealthBody>;
  /** A test notice through every channel, naming the administrator (issue 17). */
  sendTestNotice(): Promise<TestNoticeBody>;
}

export interface ApiClientOptions {
  fetch?: typeof fetch;
  reload?: () => void;
  /** Guards against a reload loop when the server keeps refusing us. */
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
}

const reloadGuardKey = 'vpn-portal.reloaded-at';
const reloadGuardMs = 15_000;

function isErrorBody(value: unknown): value is ErrorBody {
  const error = (value as { error?: { code?: unknown } } | null)?.error;
  return typeof error?.code === 'string';
}

/**
 * When the ALB session expires, the ALB answers an API call with a redirect to Cognito.
 * With `redirect: 'manual'` that shows up as an opaque redirect; a proxy that follows it
 * anyway hands back an HTML page. Either way the only cure is a full reload.
 */
function isSignInRedirect(response: Response): boolean {
  if (response.type === 'opaqueredirect' || response.redirected) return true;
  return response.status === 401 || (response.status >= 300 && response.status < 400);
}

const isJson = (response: Response) =>
  (response.headers.get('content-type') ?? '').includes('json');

/**
 * A 5xx is never a sign-out. With the portal's JSON error body it is the portal's own
 * failure; anything else (the ALB's HTML error page, an empty or foreign body) means the
 * portal did not answer.
 */
async function serverFailure(response: Response): Promise<ApiFailure> {
  const text = await response.text().catch(() => '');
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: an error page from in front of the portal
  }
  if (isErrorBody(body)) {
    const { code, message, requestId } = body.error;
    return new ApiFailure(code, message, response.status, requestId);
  }
  return new PortalUnreachable(
    'unreachable',
    `HTTP ${response.status} without the portal's error body`,
    response.status,
  );
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  const reload = options.reload ?? (() => location.reload());
  const storage = options.storage ?? sessionStorage;

  const expire = (): never => {
    const last = Number(storage.getItem(reloadGuardKey) ?? 0);
    if (Date.now() - last > reloadGuardMs) {
      storage.setItem(reloadGuardKey, String(Date.now()));
      reload();
      throw new SessionExpired();
    }
    // We just reloaded and still get no JSON: show an error instead of looping.
    throw new ApiFailure('signed_out', 'The portal did not accept the sign-in.', 401, null);
  };

  async function request<T>(method: 'GET' | 'POST', path: string, payload = '{}'): Promise<T> {
    let response: Response;
    try {
      response = await fetchImpl(path, {
        method,
        credentials: 'same-origin',
        redirect: 'manual',
        cache: 'no-store',
        headers:
          method === 'POST'
            ? { accept: 'application/json', 'content-type': 'application/json' }
            : { accept: 'application/json' },
        ...(method === 'POST' ? { body: payload } : {}),
      });
    } catch {
      throw new PortalUnreachable('offline', 'The portal could not be reached.', 0);
    }
    if (isSignInRedirect(response)) return expire();
    if (response.status >= 500) throw await serverFailure(response);
    // A 2xx/4xx HTML page is the sign-in page, reached through a proxy that followed the redirect.
    if (!isJson(response)) return expire();
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return expire();
    }
    if (!response.ok) {
      if (isErrorBody(body)) {
        const { code, message, requestId, othersUsing } = body.error;
        throw new ApiFailure(code, message, response.status, requestId, othersUsing);
      }
      throw new ApiFailure('internal', `HTTP ${response.status}`, response.status, null);
    }
    return body as T;
  }

  const endpointCalls = (base: string, adminSessionsPath: string): EndpointClient => ({
    status: () => request<StatusBody>('GET', `${base}/status`),
    connect: () => request<StatusBody>('POST', `${base}/connect`),
    disconnect: () => request<StatusBody>('POST', `${base}/disconnect`),
    adminSessions: () => request<AdminSessionsBody>('GET', adminSessionsPath),
    done: () => request<StatusBody>('POST', `${base}/done`),
    keepOn: (hours) => request<StatusBody>('POST', `${base}/keep-on`, JSON.stringify({ hours })),
    setup: () => request<SetupBody>('GET', `${base}/setup`),
    clientConfigPath: `${base}/client-config`,
  });
  const byKey = new Map<string, EndpointClient>();

  return {
    ...endpointCalls('/api', '/api/admin/sessions'),
    me: () => request<MeBody>('GET', '/api/me'),
    vpnClient: () => request<VpnClientBody>('GET', '/api/vpn-client'),
    health: () => request<HealthBody>('GET', '/api/admin/health'),
    sendTestNotice: () => request<TestNoticeBody>('POST', '/api/admin/health/test-notice'),
    endpoints: () => request<EndpointsBody>('GET', '/api/endpoints'),
    adminEndpoints: () => request<AdminEndpointsBody>('GET', '/api/admin/endpoints'),
    endpoint: (key) => {
      const known = byKey.get(key);
      if (known) return known;
      const path = encodeURIComponent(key);
      const calls = endpointCalls(
        `/api/endpoints/${path}`,
        `/api/admin/endpoints/${path}/sessions`,
      );
      byKey.set(key, calls);
      return calls;
    },
  };
}
