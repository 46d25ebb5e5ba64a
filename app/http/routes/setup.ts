import { Hono } from 'hono';
import type { SetupBody } from '../api-types.js';
import type { AppEnv } from '../app-env.js';
import { CLIENT_SETUP_CACHE_MS } from '../client-setup-reader.js';
import { errorBody } from '../middleware/error-handler.js';
import type { EndpointResolver } from '../portal-endpoints.js';

/** iPadOS hands a download of this type (and a `.ovpn` name) to OpenVPN Connect. */
export const OPENVPN_PROFILE_TYPE = 'application/x-openvpn-profile';

/**
 * "Set up this iPad" (issue 16): `GET …/setup` says what the endpoint's authentication
 * means for the employee; `GET …/client-config` is the endpoint's `.ovpn` file. The file
 * is never logged: the request log carries method, path, status and duration only. An
 * endpoint wired without its client setup answers 404, as if the routes were not there.
 */
export function setupRoutes(endpointOf: EndpointResolver) {
  const noSetup = (requestId: string) => errorBody('not_found', 'No such API route.', requestId);
  return new Hono<AppEnv>()
    .get('/setup', async (c) => {
      const { setup } = endpointOf.employee(c);
      if (!setup) return c.json(noSetup(c.get('requestId')), 404);
      const { kinds, selfServicePortalUrl } = await setup.authentication();
      return c.json<SetupBody>({
        authentication: kinds,
        usableWithOpenVpnConnect: kinds.length > 0 && !kinds.includes('federated'),
        selfServicePortalUrl,
        configFileName: setup.fileName,
      });
    })
    .get('/client-config', async (c) => {
      const { setup } = endpointOf.employee(c);
      if (!setup) return c.json(noSetup(c.get('requestId')), 404);
      const file = await setup.configuration();
      return c.body(file, 200, {
        'Content-Type': OPENVPN_PROFILE_TYPE,
        'Content-Disposition': `attachment; filename="${setup.fileName}"`,
        'Cache-Control': `private, max-age=${CLIENT_SETUP_CACHE_MS / 1000}`,
        'X-Content-Type-Options': 'nosniff',
      });
    });
}
