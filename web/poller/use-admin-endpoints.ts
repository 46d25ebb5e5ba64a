import { useEffect, useMemo, useState } from 'preact/hooks';
import { type ApiClient, SessionExpired } from '../api/client';
import type { AdminEndpointsBody } from '../api/endpoints-body';
import { createPoller } from './poller';
import { adminPollMs } from './use-admin-sessions';
import { fastPollMs } from './use-status';

export interface AdminEndpointsModel {
  data: AdminEndpointsBody | null;
  failure: unknown;
  refresh(): void;
  /** Shows an answer obtained elsewhere (after a Disconnect) until the next read. */
  show(value: AdminEndpointsBody): void;
}

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
  const [data, setData] = useState<AdminEndpointsBody | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const poller = useMemo(
    () =>
      createPoller<AdminEndpointsBody>({
        load: api.adminEndpoints,
        intervalFor: adminEndpointsInterval,
        onValue: (value) => {
          setData(value);
          setFailure(null);
        },
        onError: setFailure,
        isFatal: (error) => error instanceof SessionExpired,
      }),
    [api],
  );
  useEffect(() => {
    if (!enabled) return;
    poller.start();
    return () => poller.stop();
  }, [poller, enabled]);
  return { data, failure, refresh: poller.refresh, show: poller.push };
}
