import { Hono } from 'hono';
import * as z from '../../config/validation.js';
import { turnOffWhenDone } from '../../core/done.js';
import { OthersUsingError } from '../../core/model/errors.js';
import type { ErrorBody, StatusBody } from '../api-types.js';
import type { AppEnv } from '../app-env.js';
import { errorBody } from '../middleware/error-handler.js';
import type { EndpointResolver } from '../portal-endpoints.js';
import { readJsonBody } from '../read-json-body.js';
import { currentStatusBody } from './status.js';

const emptyBody = z.strictObject({});

/**
 * `POST /api/done` (issue 16): "I'm done, turn it off" for any signed-in employee. `202` with
 * the status body when it turned the VPN off, `200` when it was off already, `409
 * others_using` with a count (never names) when someone else uses it; nothing changes then.
 */
export function doneRoutes(endpointOf: EndpointResolver) {
  return new Hono<AppEnv>().post('/done', async (c) => {
    const services = endpointOf.employee(c);
    const { warmUp } = services;
    await readJsonBody(c, emptyBody);
    const user = c.get('user');
    const logger = c.get('logger');
    try {
      const result = await turnOffWhenDone(services.deps, user.email || user.id);
      logger.info('done', {
        outcome: result.outcome,
        userId: user.id,
        endpoint: services.settings.key,
        endedSessionId: result.endedSessionId,
      });
      services.status.invalidate();
      const body = await currentStatusBody(services, c.get('requestId'), logger, warmUp, {
        afterChange: true,
        viewer: c.get('user'),
      });
      return c.json<StatusBody>(body, result.outcome === 'turned-off' ? 202 : 200);
    } catch (error) {
      if (!(error instanceof OthersUsingError)) throw error;
      logger.info('done refused', { userId: user.id, othersUsing: error.othersUsing });
      const body = errorBody('others_using', error.message, c.get('requestId'));
      return c.json<ErrorBody>({ error: { ...body.error, othersUsing: error.othersUsing } }, 409);
    }
  });
}
