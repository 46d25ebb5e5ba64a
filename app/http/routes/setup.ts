import { Hono } from 'hono';
import { StatusCache } from '../../core/status-cache.js';
import type { Clock } from '../../ports/clock.js';
import type { VpnClientSetup } from '../../ports/vpn-client-setup.js';
import type { SetupBody } from '../api-types.js';
import type { AppEnv } from '../app-env.js';

/**
 * The endpoint's configuration and authentication change only when an administrator edits
 * the endpoint: a warm Lambda reads them once per five minutes, which is also how long the
 * employee's browser may keep the file.
 */
export const CLIENT_SETUP_CACHE_MS = 5 * 60_000;

/** iPadOS hands a download of this type (and a `.ovpn` name) to OpenVPN Connect. */
export const OPENVPN_PROFILE_TYPE = 'application/x-openvpn-profile';

export interface SetupRoutesDeps {
  setup: VpnClientSetup;
  clock: Clock;
  endpointId: string;
  /** How long a warm instance reuses what it read; local mode passes 0 (the simulator switches). */
  cacheMs?: number;
}

/**
 * "Set up this iPad" (issue 16): `GET /api/setup` says what the endpoint's authentication
 * means for the employee; `GET /api/client-config` is the endpoint's `.ovpn` file. The file
 * is never logged: the request log carries method, path, status and duration only.
 */
export function setupRoutes(deps: SetupRoutesDeps) {
  const cacheMs = deps.cacheMs ?? CLIENT_SETUP_CACHE_MS;
  const authentication = new StatusCache(
    () => deps.setup.describeAuthentication(),
    deps.clock,
    cacheMs,
  );
  const configuration = new StatusCache(
    () => deps.setup.exportClientConfiguration(),
    deps.clock,
    cacheMs,
  );
  const fileName = configFileName(deps.endpointId);

  return new Hono<AppEnv>()
    .get('/setup', async (c) => {
      const { kinds, selfServicePortalUrl } = await authentication.get();
      return c.json<SetupBody>({
        authentication: kinds,
        usableWithOpenVpnConnect: kinds.length > 0 && !kinds.includes('federated'),
        selfServicePortalUrl,
        configFileName: fileName,
      });
    })
    .get('/client-config', async (c) => {
      const file = await configuration.get();
      return c.body(file, 200, {
        'Content-Type': OPENVPN_PROFILE_TYPE,
        'Content-Disposition': `attachment; filename="${fileName}"`,
        'Cache-Control': `private, max-age=${CLIENT_SETUP_CACHE_MS / 1000}`,
        'X-Content-Type-Options': 'nosniff',
      });
    });
}

/** `cvpn-endpoint-0123….ovpn`: only characters every file system and header accept. */
export function configFileName(endpointId: string): string {
  const safe = endpointId.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^\.+/, '') || 'vpn';
  return `${safe}.ovpn`;
}
