import type { AdminSessionsBody } from '../../app/http/api-types';
import type { EndpointClient } from '../api/client';
import { type PolledModel, usePolled } from './use-polled';

export const adminPollMs = 30_000;

export type AdminSessionsModel = Omit<PolledModel<AdminSessionsBody>, 'show'>;

const everyAdminPoll = () => adminPollMs;

/** Usage changes slowly: every 30 s is plenty, with the same pause-when-hidden rules. */
export function useAdminSessions(api: EndpointClient, enabled: boolean): AdminSessionsModel {
  return usePolled(api.adminSessions, everyAdminPoll, enabled);
}
