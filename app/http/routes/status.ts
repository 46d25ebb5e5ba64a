import { Hono } from 'hono';
import type { StatusBody } from '../api-types.js';
import type { AppEnv } from '../app-env.js';
import type { EndpointResolver } from '../portal-endpoints.js';
import type { PortalServices } from '../portal-services.js';
import { type StatusViewer, statusBody, unavailableStatusBody } from '../status-body.js';
import { createWarmUpView, type WarmUpView } from '../warm-up-view.js';

const NO_WARM_UPS = createWarmUpView();

export function statusRoutes(endpointOf: EndpointResolver) {
  return new Hono<AppEnv>().get('/status', async (c) => {
    const endpoint = endpointOf.employee(c);
    return c.json<StatusBody>(
      await currentStatusBody(endpoint, c.get('requestId'), c.get('logger'), endpoint.warmUp, {
        viewer: c.get('user'),
      }),
    );
  });
}

export async function currentStatusBody(
  services: PortalServices,
  requestId: string,
  logger: { error(message: string, fields?: Record<string, unknown>): void },
  warmUp: WarmUpView = NO_WARM_UPS,
  options: { afterChange?: boolean; viewer?: StatusViewer | null } = {},
): Promise<StatusBody> {
  const body = await readStatusBody(services, requestId, logger, options);
  const next = warmUp.status(services.deps.clock.now(), options.viewer?.groups);
  return next === undefined ? body : { ...body, warmUp: next };
}

async function readStatusBody(
  services: PortalServices,
  requestId: string,
  logger: { error(message: string, fields?: Record<string, unknown>): void },
  options: { afterChange?: boolean; viewer?: StatusViewer | null },
): Promise<StatusBody> {
  try {
    // After a change this request made, the answer must show it: read EC2, not the snapshot.
    const { view, asOf } = await (options.afterChange
      ? services.status.refresh()
      : services.status.get());
    return statusBody(view, services.deps.clock.now(), requestId, asOf, options.viewer ?? null);
  } catch (error) {
    logger.error('status read failed', {
      error: error instanceof Error ? error.message : String(error),
    });
    return unavailableStatusBody(
      error,
      services.deps.policy.idleTimeoutMinutes,
      services.deps.clock.now(),
      requestId,
    );
  }
}
