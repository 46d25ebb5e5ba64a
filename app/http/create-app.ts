import { Hono } from 'hono';
import type { Settings } from '../config/settings.js';
import type { CoreDeps } from '../core/deps.js';
import type { HealthCheckDeps } from '../core/health-checks.js';
import type { WarmUpSchedule } from '../core/model/warm-up-schedule.js';
import type { Logger } from '../logging/logger.js';
import type { StatusSnapshotStore } from '../ports/status-snapshots.js';
import type { VpnClientSetup } from '../ports/vpn-client-setup.js';
import type { AppEnv, AuthVerifier } from './app-env.js';
import { albAuth } from './auth/index.js';
import { apiBodyLimit } from './middleware/body-limit.js';
import { errorBody, handleError } from './middleware/error-handler.js';
import { jsonMethodNotAllowed } from './middleware/method-not-allowed.js';
import { noStore } from './middleware/no-store.js';
import { serverRequestId } from './middleware/request-id.js';
import { requestLogging } from './middleware/request-logging.js';
import { sameOrigin } from './middleware/same-origin.js';
import { createPortalServices, type PortalServices } from './portal-services.js';
import { adminRoutes } from './routes/admin.js';
import { connectRoutes } from './routes/connect.js';
import { doneRoutes } from './routes/done.js';
import { healthRoutes } from './routes/health.js';
import { keepOnRoutes } from './routes/keep-on.js';
import { setupRoutes } from './routes/setup.js';
import { signoutRoutes } from './routes/signout.js';
import { statusRoutes } from './routes/status.js';
import { vpnClientRoutes } from './routes/vpn-client.js';
import { webAssets } from './routes/web-assets.js';
import { createWarmUpView } from './warm-up-view.js';

export interface AppDeps extends CoreDeps {
  settings: Settings;
  auth: AuthVerifier;
  logger: Logger;
  /** Directory of the built SPA (dist/web); null serves the API alone. */
  webRoot: string | null;
  statusCacheMs?: number;
  /** The fleet-wide status snapshot (the sessions table in AWS); per process without one. */
  snapshots?: StatusSnapshotStore;
  /** From `loadWarmUpSettings(env)` (issue 9); without it the bodies carry no warm-up fields. */
  warmUpSchedule?: WarmUpSchedule;
  /**
   * The endpoint's client setup (issue 16): `GET /api/setup` and `GET /api/client-config`.
   * Without it those routes are not there (404), as in tests that do not need them.
   */
  vpnSetup?: VpnClientSetup;
  /** How long the setup routes reuse the endpoint's answers (5 minutes unless told). */
  clientSetupCacheMs?: number;
  /**
   * The admin view's health checks (issue 17): `GET /api/admin/health` and
   * `POST /api/admin/health/test-notice`. Without them those routes are not there (404).
   */
  health?: HealthCheckDeps;
  /** How long one run of the health checks answers (a minute unless told). */
  healthCacheMs?: number;
}

/** The whole portal: one Hono app answering every path the ALB forwards. */
export function createApp(
  deps: AppDeps,
  services: PortalServices = createPortalServices(deps, deps.statusCacheMs, {
    ...(deps.snapshots ? { snapshots: deps.snapshots } : {}),
    logger: deps.logger,
  }),
) {
  const warmUp = createWarmUpView(deps.warmUpSchedule);
  const api = new Hono<AppEnv>();
  api
    .use(noStore())
    .use(apiBodyLimit())
    .use(jsonMethodNotAllowed(api))
    .use(sameOrigin())
    // Nothing runs for a request before its tokens are verified: no AWS call, no write.
    .use(albAuth({ verifier: deps.auth, adminGroup: deps.settings.adminGroup }))
    .route('/', statusRoutes(services, warmUp))
    .route('/', connectRoutes(services, warmUp))
    .route('/', adminRoutes(services, warmUp))
    .route('/', vpnClientRoutes(deps.settings))
    .route('/', doneRoutes(services, warmUp))
    .route('/', keepOnRoutes(services, warmUp));
  if (deps.vpnSetup) {
    api.route(
      '/',
      setupRoutes({
        setup: deps.vpnSetup,
        clock: deps.clock,
        endpointId: deps.settings.endpointId,
        ...(deps.clientSetupCacheMs === undefined ? {} : { cacheMs: deps.clientSetupCacheMs }),
      }),
    );
  }
  if (deps.health) {
    api.route(
      '/',
      healthRoutes({
        checks: deps.health,
        notifier: deps.notifier,
        ...(deps.healthCacheMs === undefined ? {} : { cacheMs: deps.healthCacheMs }),
      }),
    );
  }
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
