import { Hono } from 'hono';
import * as z from '../../config/validation.js';
import { connect } from '../../core/connect.js';
import { disconnectNow } from '../../core/disconnect-now.js';
import type { StatusBody } from '../api-types.js';
import type { AppEnv } from '../app-env.js';
import { requireAdmin } from '../auth/index.js';
import type { EndpointResolver } from '../portal-endpoints.js';
import { readJsonBody } from '../read-json-body.js';
import { currentStatusBody } from './status.js';

/** Neither route takes parameters; an empty object (or no body) is the only valid body. */
const emptyBody = z.strictObject({});

export function connectRoutes(endpointOf: EndpointResolver) {
  return new Hono<AppEnv>()
    .post('/connect', async (c) => {
      const services = endpointOf.employee(c);
      const { warmUp } = services;
      await readJsonBody(c, emptyBody);
      const user = c.get('user');
      const logger = c.get('logger');
      try {
        // Sessions name people the way administrators know them (and the VPN's own
        // usernames usually are): by e-mail, not by Cognito's opaque `sub`.
        const result = await connect(services.deps, user.email || user.id, {
          reference: c.get('requestId'),
        });
        for (const warning of result.warnings) logger.warn(warning);
        logger.info('connect', {
          outcome: result.outcome,
          userId: user.id,
          endpoint: services.settings.key,
        });
        const body = await currentStatusBody(services, c.get('requestId'), logger, warmUp, {
          afterChange: true,
          viewer: user,
        });
        return c.json<StatusBody>(body, result.outcome === 'already-up' ? 200 : 202);
      } finally {
        services.status.invalidate();
      }
    })
    .post('/disconnect', requireAdmin(), async (c) => {
      const services = endpointOf.admin(c);
      const { warmUp } = services;
      await readJsonBody(c, emptyBody);
      const logger = c.get('logger');
      const admin = c.get('user');
      const result = await disconnectNow(services.deps, admin.email || admin.id);
      logger.info('disconnect by administrator', {
        userId: admin.id,
        endpoint: services.settings.key,
        endedSessionId: result.endedSessionId,
      });
      return c.json<StatusBody>(
        await currentStatusBody(services, c.get('requestId'), logger, warmUp, {
          afterChange: true,
          viewer: admin,
        }),
        202,
      );
    });
}
