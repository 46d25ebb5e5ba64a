import { Hono } from 'hono';
import type { Settings } from '../config/settings.js';
import type { Logger } from '../logging/logger.js';
import type { AppEnv, AuthVerifier } from './app-env.js';
import { albAuth } from './auth/index.js';
import { apiBodyLimit } from './middleware/body-limit.js';
import { errorBody, handleError } from './middleware/error-handler.js';
import { jsonMethodNotAllowed } from './middleware/method-not-allowed.js';
import { noStore } from './middleware/no-store.js';
import { serverRequestId } from './middleware/request-id.js';
import { requestLogging } from './middleware/request-logging.js';
import { sameOrigin } from './middleware/same-origin.js';
import {
  createPortalEndpoints,
  type EndpointResolver,
  firstEndpointResolver,
  keyedEndpointResolver,
  type PortalEndpoint,
  type PortalEndpoints,
} from './portal-endpoints.js';
import { adminRoutes } from './routes/admin.js';
import { connectRoutes } from './routes/connect.js';
import { doneRoutes } from './routes/done.js';
import { endpointsRoutes } from './routes/endpoints.js';
import { keepOnRoutes } from './routes/keep-on.js';
import { setupRoutes } from './routes/setup.js';
import { signoutRoutes } from './routes/signout.js';
import { statusRoutes } from './routes/status.js';
import { vpnClientRoutes } from './routes/vpn-client.js';
import { webAssets } from './routes/web-assets.js';

export interface AppDeps {
  settings: Settings;
  /**
   * Every endpoint, in the settings' order (issue 18), each with the core's ports bound to
   * it, its status snapshot store and its client setup (without which its setup routes
   * answer 404, as in tests that do not need them).
   */
  endpoints: readonly PortalEndpoint[];
  auth: AuthVerifier;
  logger: Logger;
  /** Directory of the built SPA (dist/web); null serves the API alone. */
  webRoot: string | null;
  statusCacheMs?: number;
  /** WARM_UP_HOLIDAYS (`loadWarmUpSettings(env)`); each endpoint's warm-up times are its own. */
  warmUpHolidays?: readonly string[];
  /** How long the setup routes reuse the endpoint's answers (5 minutes unless told). */
  clientSetupCacheMs?: number;
}

/** The whole portal: one Hono app answering every path the ALB forwards. */
export function createApp(
  deps: AppDeps,
  endpoints: PortalEndpoints = createPortalEndpoints(deps.endpoints, {
    ...(deps.statusCacheMs === undefined ? {} : { statusCacheMs: deps.statusCacheMs }),
    ...(deps.warmUpHolidays ? { warmUpHolidays: deps.warmUpHolidays } : {}),
    ...(deps.clientSetupCacheMs === undefined
      ? {}
      : { clientSetupCacheMs: deps.clientSetupCacheMs }),
    logger: deps.logger,
  }),
) {
  const api = new Hono<AppEnv>();
  api
    .use(noStore())
    .use(apiBodyLimit())
    .use(jsonMethodNotAllowed(api))
    .use(sameOrigin())
    // Nothing runs for a request before its tokens are verified: no AWS call, no write.
    .use(albAuth({ verifier: deps.auth, adminGroup: deps.settings.adminGroup }))
    .route('/', endpointsRoutes(endpoints))
    .route('/', vpnClientRoutes(deps.settings))
    // Today's routes answer for the first endpoint, so a page opened before the endpoints
    // were several keeps working; `/endpoints/:key/…` answer for the endpoint named.
    .route('/', endpointRoutes(firstEndpointResolver(endpoints)))
    .route('/endpoints/:key', endpointRoutes(keyedEndpointResolver(endpoints)))
    .route('/', adminRoutes(firstEndpointResolver(endpoints)))
    .route('/', adminRoutes(keyedEndpointResolver(endpoints), '/admin/endpoints/:key/sessions'));
  api.all('*', (c) =>
    c.json(errorBody('not_found', 'No such API route.', c.get('requestId')), 404),
  );

  const app = new Hono<AppEnv>()
    .use(serverRequestId())
    .use(requestLogging(deps.logger))
    .route('/api', api)
    .route('/', signoutRoutes(deps.settings));
  if (deps.webRoot) app.route('/', webAssets({ root: deps.webRoot }));
  app.notFound((c) => c.json(errorBody('not_found', 'Not found.', c.get('requestId')), 404));
  app.onError(handleError);
  return app;
}

/** One endpoint's employee routes, and Disconnect now for administrators. */
function endpointRoutes(endpointOf: EndpointResolver) {
  return new Hono<AppEnv>()
    .route('/', statusRoutes(endpointOf))
    .route('/', connectRoutes(endpointOf))
    .route('/', doneRoutes(endpointOf))
    .route('/', keepOnRoutes(endpointOf))
    .route('/', setupRoutes(endpointOf));
}
