import type { ApiClient } from '../api/client';
import type { AdminEndpointsBody } from '../api/endpoints-body';
import { adminPollMs } from './use-admin-sessions';
import { type PolledModel, usePolled } from './use-polled';
import { fastPollMs } from './use-status';

/** `show` puts an answer obtained elsewhere (after a Disconnect) up until the next read. */
export type AdminEndpointsModel = PolledModel<AdminEndpointsBody>;

/** Fast while an endpoint is turning on or off, so the admin sees it settle. */
export function adminEndpointsInterval(body: AdminEndpointsBody): number {
  const changing = body.endpoints.some(
    (endpoint) => endpoint.state === 'starting' || endpoint.state === 'stopping',
  );
  return changing ? fastPollMs : adminPollMs;
}

/**
 * Every endpoint's state, connections and month (issue 18), at the admin view's pace (30 s,
 * faster while one changes), paused while hidden. `enabled` false stops it: with one
 * endpoint the view polls as today.
 */
export function useAdminEndpoints(api: ApiClient, enabled: boolean): AdminEndpointsModel {
  return usePolled(api.adminEndpoints, adminEndpointsInterval, enabled);
}
