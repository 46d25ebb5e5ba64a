import { Hono } from 'hono';
import { deploymentMonth, lastUsedAt, monthSoFar } from '../../core/endpoint-usage.js';
import type { AdminEndpointsBody, EndpointsBody, MeBody } from '../api-types.js';
import type { AppEnv } from '../app-env.js';
import { requireAdmin } from '../auth/index.js';
import { mayUse, type PortalEndpoints } from '../portal-endpoints.js';
import { currentStatusBody } from './status.js';

/**
 * Who is signed in, and which endpoints they may use (issue 18): `GET /api/me`,
 * `GET /api/endpoints` and the administrators' overview `GET /api/admin/endpoints`.
 */
export function endpointsRoutes(endpoints: PortalEndpoints) {
  return new Hono<AppEnv>()
    .get('/me', (c) => {
      const { id, email, name, isAdmin } = c.get('user');
      return c.json<MeBody>({ user: { id, email, name }, isAdmin });
    })
    .get('/endpoints', async (c) => {
      const user = c.get('user');
      // Sessions name people by e-mail (routes/connect.ts), so the last use is looked up so.
      const person = user.email || user.id;
      const usable = endpoints.all.filter((endpoint) => mayUse(endpoint.settings, user));
      const listed = await Promise.all(
        usable.map(async (endpoint, order) => ({
          order,
          body: {
            key: endpoint.settings.key,
            names: endpoint.settings.names,
            lastUsedAt: await lastUsedAt(endpoint.deps, person),
          },
        })),
      );
      listed.sort(
        (a, b) => compareNewestFirst(a.body.lastUsedAt, b.body.lastUsedAt) || a.order - b.order,
      );
      return c.json<EndpointsBody>({ endpoints: listed.map(({ body }) => body) });
    })
    .get('/admin/endpoints', requireAdmin(), async (c) => {
      const logger = c.get('logger');
      const rows = await Promise.all(
        endpoints.all.map(async (endpoint) => {
          const [status, month] = await Promise.all([
            currentStatusBody(endpoint, c.get('requestId'), logger),
            monthSoFar(endpoint.deps),
          ]);
          return {
            body: {
              key: endpoint.settings.key,
              names: endpoint.settings.names,
              state: status.state,
              connections: status.activeConnections,
              month: month.report,
            },
            month,
          };
        }),
      );
      const [first] = endpoints.all;
      const total = first
        ? deploymentMonth(
            rows.map((row) => row.month),
            first.deps,
          )
        : null;
      // createPortalEndpoints refuses an empty list, so there is always a total.
      if (!total) throw new Error('no endpoint to report on');
      return c.json<AdminEndpointsBody>({
        endpoints: rows.map((row) => row.body),
        total: { month: total },
      });
    });
}

/** ISO times, newest first; a missing time after every present one. */
function compareNewestFirst(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return Date.parse(b) - Date.parse(a);
}
