import { Hono } from 'hono';
import { adminReport } from '../../core/admin-report.js';
import type { AdminSessionsBody } from '../api-types.js';
import type { AppEnv } from '../app-env.js';
import { requireAdmin } from '../auth/index.js';
import type { PortalServices } from '../portal-services.js';
import { createWarmUpView, type WarmUpView } from '../warm-up-view.js';

export function adminRoutes(services: PortalServices, warmUp: WarmUpView = createWarmUpView()) {
  return new Hono<AppEnv>().get('/admin/sessions', requireAdmin(), async (c) => {
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
