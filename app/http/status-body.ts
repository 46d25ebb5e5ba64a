import { VpnPortalError } from '../core/model/errors.js';
import type { StatusView } from '../core/status.js';
import type { StatusBody } from './api-types.js';
import { PLAIN_MESSAGES } from './middleware/error-handler.js';

export function statusBody(
  view: StatusView,
  serverTime: Date,
  requestId: string,
  asOf: Date,
): StatusBody {
  const { failure, ...rest } = view;
  return {
    ...rest,
    serverTime: serverTime.toISOString(),
    asOf: asOf.toISOString(),
    error: failure ? { code: 'association_failed', message: failure, requestId } : null,
  };
}

/**
 * When AWS cannot be read the page still gets a status: `error` with plain words and the
 * reference id to quote, never a crash.
 */
export function unavailableStatusBody(
  error: unknown,
  idleTimeoutMinutes: number,
  serverTime: Date,
  requestId: string,
): StatusBody {
  const code = error instanceof VpnPortalError ? error.code : 'internal';
  return {
    state: 'error',
    associations: [],
    activeConnections: 0,
    lastActivityAt: null,
    autoDisconnectAt: null,
    idleTimeoutMinutes,
    typicalStartSeconds: 0,
    serverTime: serverTime.toISOString(),
    asOf: null,
    startedAt: null,
    connectQueued: false,
    error: {
      code,
      message: PLAIN_MESSAGES[code] ?? PLAIN_MESSAGES.internal ?? '',
      requestId,
    },
  };
}
