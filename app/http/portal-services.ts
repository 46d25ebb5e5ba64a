import type { CoreDeps } from '../core/deps.js';
import { readStatus, type StatusView } from '../core/status.js';
import { StatusCache } from '../core/status-cache.js';

/** How long one read of the endpoint answers every poll of a warm Lambda. */
export const STATUS_CACHE_MS = 3_000;

/** The core's use cases plus the state a warm Lambda keeps between requests. */
export interface PortalServices {
  deps: CoreDeps;
  status: StatusCache<StatusView>;
}

export function createPortalServices(
  deps: CoreDeps,
  statusCacheMs = STATUS_CACHE_MS,
): PortalServices {
  return { deps, status: new StatusCache(() => readStatus(deps), deps.clock, statusCacheMs) };
}
