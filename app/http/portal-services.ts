import { InMemoryStatusSnapshots } from '../adapters/local/in-memory-status-snapshots.js';
import type { CoreDeps } from '../core/deps.js';
import { SharedStatus } from '../core/shared-status.js';
import { readHistory, readStatus } from '../core/status.js';
import { StatusCache } from '../core/status-cache.js';
import type { Logger } from '../logging/logger.js';
import type { StatusSnapshotStore } from '../ports/status-snapshots.js';

/** How long one read of the endpoint answers every poll, fleet-wide: the cache window. */
export const STATUS_CACHE_MS = 3_000;

/**
 * Recent sessions only feed the typical time to ready, which moves once per session: read
 * them every few minutes, not on every status refresh.
 */
const HISTORY_CACHE_MS = 5 * 60_000;

/** The core's use cases plus the state a warm Lambda keeps between requests. */
export interface PortalServices {
  deps: CoreDeps;
  status: SharedStatus;
}

export interface PortalServicesOptions {
  /**
   * Where the fleet-wide status snapshot lives: the sessions table in AWS. Without one, a
   * snapshot of this process alone (local mode, tests).
   */
  snapshots?: StatusSnapshotStore;
  logger?: Pick<Logger, 'warn'>;
}

export function createPortalServices(
  deps: CoreDeps,
  statusCacheMs = STATUS_CACHE_MS,
  options: PortalServicesOptions = {},
): PortalServices {
  const history = new StatusCache(() => readHistory(deps), deps.clock, HISTORY_CACHE_MS);
  const status = new SharedStatus({
    snapshots: options.snapshots ?? new InMemoryStatusSnapshots(),
    clock: deps.clock,
    read: () => readStatus(deps, () => history.get()),
    // Each Lambda environment (each module instance) is one lease holder.
    holder: globalThis.crypto.randomUUID(),
    timing: { freshMs: statusCacheMs },
    onProblem: (message, error) =>
      options.logger?.warn(message, {
        error: error instanceof Error ? error.message : String(error),
      }),
  });
  return { deps, status };
}
