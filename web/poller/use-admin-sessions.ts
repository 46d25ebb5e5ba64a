import { useEffect, useMemo, useState } from 'preact/hooks';
import type { AdminSessionsBody } from '../../app/http/api-types';
import { type EndpointClient, SessionExpired } from '../api/client';
import { createPoller } from './poller';

export const adminPollMs = 30_000;

export interface AdminSessionsModel {
  data: AdminSessionsBody | null;
  failure: unknown;
  refresh(): void;
}

/** Usage changes slowly: every 30 s is plenty, with the same pause-when-hidden rules. */
export function useAdminSessions(api: EndpointClient, enabled: boolean): AdminSessionsModel {
  const [data, setData] = useState<AdminSessionsBody | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const poller = useMemo(
    () =>
      createPoller<AdminSessionsBody>({
        load: api.adminSessions,
        intervalFor: () => adminPollMs,
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
  return { data, failure, refresh: poller.refresh };
}
