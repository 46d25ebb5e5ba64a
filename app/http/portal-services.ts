import type { CoreDeps } from '../core/deps.js';
import { readHistory, readStatus, type StatusView } from '../core/status.js';
import { StatusCache } from '../core/status-cache.js';

/** How long one read of the endpoint answers every poll of a warm Lambda. */
export const STATUS_CACHE_MS = 3_000;

/**
 * Recent sessions only feed the typical time to ready, which moves once per session: read
 * them every few minutes, not on every status refresh.
 */
const HISTORY_CACHE_MS = 5 * 60_000;

/** The core's use cases plus the state a warm Lambda keeps between requests. */
export interface PortalServices {
  deps: CoreDeps;
  status: StatusCache<StatusView>;
}

export function createPortalServices(
  deps: CoreDeps,
  statusCacheMs = STATUS_CACHE_MS,
): PortalServices {
  const history = new StatusCache(() => readHistory(deps), deps.clock, HISTORY_CACHE_MS);
  const status = new StatusCache(
    () => readStatus(deps, () => history.get()),
    deps.clock,
    statusCacheMs,
  );
  return { deps, status };
}
