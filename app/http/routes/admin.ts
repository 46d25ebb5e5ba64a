import { Hono } from 'hono';
import { adminReport } from '../../core/admin-report.js';
import type { AdminSessionsBody } from '../api-types.js';
import type { AppEnv } from '../app-env.js';
import { requireAdmin } from '../auth/index.js';
import type { EndpointResolver } from '../portal-endpoints.js';

/** `GET /api/admin/sessions` (the first endpoint) or `/api/admin/endpoints/:key/sessions`. */
export function adminRoutes(endpointOf: EndpointResolver, path = '/admin/sessions') {
  return new Hono<AppEnv>().get(path, requireAdmin(), async (c) => {
    const services = endpointOf.admin(c);
    const { warmUp } = services;
    const report = await adminReport(services.deps);
    const warmUps = warmUp.admin(services.deps.clock.now(), report.warmUps);
    return c.json<AdminSessionsBody>({
      sessions: report.sessions.map((session) => ({
        id: session.id,
        startedBy: session.startedBy,
        startedAt: session.startedAt,
        readyAt: session.readyAt,
        endedAt: session.endedAt,
        endReason: session.endReason,
        users: session.users,
        peakConnections: session.peakConnections,
        costUsd: session.costUsd,
        keptOn: session.keepOn ? { by: session.keepOn.by, until: session.keepOn.until } : null,
      })),
      connections: report.connections.map((connection) => ({
        connectionId: connection.connectionId,
        user: connection.user,
        status: connection.status,
        connectedAt: connection.connectedAt.toISOString(),
        endedAt: connection.endedAt?.toISOString() ?? null,
        ...(connection.endedFor ? { endedFor: connection.endedFor } : {}),
      })),
      month: report.month,
      ...(warmUps ? { warmUps } : {}),
    });
  });
}
