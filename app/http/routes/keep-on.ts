import { Hono } from 'hono';
import * as z from '../../config/validation.js';
import { keepOn } from '../../core/keep-on.js';
import type { StatusBody } from '../api-types.js';
import type { AppEnv } from '../app-env.js';
import type { EndpointResolver } from '../portal-endpoints.js';
import { readJsonBody } from '../read-json-body.js';
import { currentStatusBody } from './status.js';

/** `{ "hours": 1 }` or `{ "hours": 2 }`; the core refuses other lengths and the maximum. */
const keepOnBody = z.strictObject({ hours: z.number() });

/**
 * `POST /api/keep-on` (issue 16): `200` with the status body (its `autoDisconnectAt` and
 * `keptOnUntil` moved on); `400 invalid_request` for an unknown length, a hold past the
 * deployment's maximum, the control turned off or the VPN off, and nothing changes.
 */
export function keepOnRoutes(endpointOf: EndpointResolver) {
  return new Hono<AppEnv>().post('/keep-on', async (c) => {
    const services = endpointOf.employee(c);
    const { warmUp } = services;
    const { hours } = await readJsonBody(c, keepOnBody);
    const user = c.get('user');
    const logger = c.get('logger');
    const hold = await keepOn(services.deps, user.email || user.id, hours);
    logger.info('keep on', {
      userId: user.id,
      endpoint: services.settings.key,
      hours,
      until: hold.until,
    });
    services.status.invalidate();
    return c.json<StatusBody>(
      await currentStatusBody(services, c.get('requestId'), logger, warmUp, {
        afterChange: true,
        viewer: c.get('user'),
      }),
    );
  });
}
