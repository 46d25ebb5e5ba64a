import type { Context } from 'hono';
import type { EndpointSettings } from '../config/endpoint-settings.js';
import type { CoreDeps } from '../core/deps.js';
import { EndpointForbiddenError, EndpointNotFoundError } from '../core/model/errors.js';
import type { Logger } from '../logging/logger.js';
import type { StatusSnapshotStore } from '../ports/status-snapshots.js';
import type { VpnClientSetup } from '../ports/vpn-client-setup.js';
import type { AppEnv, AuthenticatedUser } from './app-env.js';
import { type ClientSetupReader, createClientSetupReader } from './client-setup-reader.js';
import { createPortalServices, type PortalServices } from './portal-services.js';
import { type AudiencedSchedule, createWarmUpView, type WarmUpView } from './warm-up-view.js';

/** One endpoint as the entries hand it to the portal (issue 18). */
export interface PortalEndpoint {
  settings: EndpointSettings;
  /** The core's ports bound to this endpoint. */
  deps: CoreDeps;
  /** Its client setup; without it its setup routes answer 404. */
  vpnSetup?: VpnClientSetup;
  /** Its fleet-wide status snapshot (the sessions table in AWS); per process without one. */
  snapshots?: StatusSnapshotStore;
}

/** What the routes of one endpoint run on: its use cases, status snapshot and views. */
export interface EndpointServices extends PortalServices {
  settings: EndpointSettings;
  warmUp: WarmUpView;
  setup: ClientSetupReader | null;
}

export interface PortalEndpointsOptions {
  statusCacheMs?: number;
  /** WARM_UP_HOLIDAYS: the days no endpoint warms up. */
  warmUpHolidays?: readonly string[];
  /** How long the setup routes reuse the endpoint's answers (5 minutes unless told). */
  clientSetupCacheMs?: number;
  logger?: Pick<Logger, 'warn'>;
}

/** Every endpoint's services, in the settings' order: the first answers today's routes. */
export interface PortalEndpoints {
  all: readonly EndpointServices[];
  first: EndpointServices;
  /** The endpoint with this key; `EndpointNotFoundError` (404) if none has it. */
  byKey(key: string): EndpointServices;
}

export function createPortalEndpoints(
  endpoints: readonly PortalEndpoint[],
  options: PortalEndpointsOptions = {},
): PortalEndpoints {
  const all = endpoints.map((endpoint): EndpointServices => {
    const schedule: AudiencedSchedule = {
      entries: endpoint.settings.warmUps,
      holidays: [...(options.warmUpHolidays ?? [])],
    };
    const services = createPortalServices(endpoint.deps, options.statusCacheMs, {
      ...(endpoint.snapshots ? { snapshots: endpoint.snapshots } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
    });
    return {
      ...services,
      settings: endpoint.settings,
      warmUp: createWarmUpView(schedule),
      setup: endpoint.vpnSetup
        ? createClientSetupReader({
            setup: endpoint.vpnSetup,
            clock: endpoint.deps.clock,
            endpointId: endpoint.settings.endpointId,
            ...(options.clientSetupCacheMs === undefined
              ? {}
              : { cacheMs: options.clientSetupCacheMs }),
          })
        : null,
    };
  });
  const [first] = all;
  if (!first) throw new Error('the portal needs at least one endpoint');
  const byKey = new Map(all.map((endpoint) => [endpoint.settings.key, endpoint]));
  return {
    all,
    first,
    byKey(key) {
      const found = byKey.get(key);
      if (!found) throw new EndpointNotFoundError(key);
      return found;
    },
  };
}

/** Who may use an endpoint: everyone when it lists no groups, else members of one of them. */
export function mayUse(
  endpoint: Pick<EndpointSettings, 'groups'>,
  user: Pick<AuthenticatedUser, 'groups'>,
): boolean {
  return endpoint.groups === null || endpoint.groups.some((group) => user.groups.includes(group));
}

/**
 * How a family of routes finds its endpoint: `employee` under the group rule (administrators
 * included: they use the employee routes like everyone), `admin` for the admin routes, which
 * reach every endpoint. Both run inside handlers, after the tokens were verified.
 */
export interface EndpointResolver {
  employee(c: Context<AppEnv>): EndpointServices;
  admin(c: Context<AppEnv>): EndpointServices;
}

/** Today's routes (`/api/status`, …): the first endpoint. */
export function firstEndpointResolver(endpoints: PortalEndpoints): EndpointResolver {
  return {
    employee: (c) => usableBy(endpoints.first, c.get('user')),
    admin: () => endpoints.first,
  };
}

/** `/api/endpoints/:key/…` and `/api/admin/endpoints/:key/…`: the endpoint the path names. */
export function keyedEndpointResolver(endpoints: PortalEndpoints): EndpointResolver {
  const named = (c: Context<AppEnv>) => endpoints.byKey(c.req.param('key') ?? '');
  return {
    employee: (c) => usableBy(named(c), c.get('user')),
    admin: named,
  };
}

function usableBy(endpoint: EndpointServices, user: AuthenticatedUser): EndpointServices {
  if (!mayUse(endpoint.settings, user)) throw new EndpointForbiddenError(endpoint.settings.key);
  return endpoint;
}
