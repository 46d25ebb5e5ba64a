import {
  HEALTH_EVENT_SOURCE,
  type HealthAnswer,
  healthEventSchema,
} from '../adapters/events-function-health.js';
import { probePermissions } from '../core/health-checks.js';
import { InvalidEventError } from '../core/model/errors.js';
import { CHANGES_EACH_FUNCTION_MAKES } from '../core/model/health.js';
import type { Logger } from '../logging/logger.js';
import type { PermissionProbe } from '../ports/health-probes.js';

export interface HealthHandlerDeps {
  logger: Logger;
  /** DryRun calls with this function's own role; without it the health event is refused. */
  permissions?: PermissionProbe;
}

export function isHealthEvent(event: unknown): boolean {
  return (
    typeof event === 'object' &&
    event !== null &&
    (event as { source?: unknown }).source === HEALTH_EVENT_SOURCE
  );
}

/**
 * The portal's health panel asks (synchronously, Lambda Invoke) whether this function's role
 * may make the changes only this function makes, or makes on its own: it answers with one
 * DryRun verdict per change (issue 17). Nothing is changed; an invalid event throws.
 */
export function createHealthHandler(deps: HealthHandlerDeps) {
  return async (event: unknown): Promise<HealthAnswer> => {
    const parsed = healthEventSchema.safeParse(event);
    if (!parsed.success) {
      deps.logger.error('rejected event', { error: 'Not a valid health event.' });
      throw new InvalidEventError('Not a valid health event.');
    }
    if (!deps.permissions) {
      throw new InvalidEventError('This events function was built without permission checks.');
    }
    const permissions = await probePermissions(
      deps.permissions,
      CHANGES_EACH_FUNCTION_MAKES.events,
    );
    deps.logger.info('health check', {
      verdicts: Object.fromEntries(permissions.map((p) => [p.action, p.verdict.outcome])),
    });
    return { trigger: 'health', permissions };
  };
}
