import { VpnPortalError } from '../core/model/errors.js';
import type { StatusView } from '../core/status.js';
import type { StatusBody } from './api-types.js';
import { PLAIN_MESSAGES } from './middleware/error-handler.js';

/** Who asks: each person sees only their own connection's end, never another's name. */
export interface StatusViewer {
  id: string;
  email: string;
  /** Their Cognito groups: a warm-up for some groups is shown to those only (issue 18). */
  groups?: readonly string[];
}

export function statusBody(
  view: StatusView,
  serverTime: Date,
  requestId: string,
  asOf: Date,
  viewer: StatusViewer | null = null,
): StatusBody {
  const { failure, quietEnds, ...rest } = view;
  const own = viewer ? quietEnds.find((end) => isViewer(end.user, viewer)) : undefined;
  return {
    ...rest,
    serverTime: serverTime.toISOString(),
    asOf: asOf.toISOString(),
    error: failure ? { code: 'association_failed', message: failure, requestId } : null,
    connectionEnded: own
      ? { reason: 'no-traffic', quietMinutes: own.quietMinutes, endedAt: own.endedAt }
      : null,
  };
}

/** The VPN names people by their user name: usually the e-mail the portal knows them by. */
function isViewer(vpnUser: string, viewer: StatusViewer): boolean {
  const name = vpnUser.trim().toLowerCase();
  return name !== '' && (name === viewer.email.toLowerCase() || name === viewer.id.toLowerCase());
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
    connectionEnded: null,
    error: {
      code,
      message: PLAIN_MESSAGES[code] ?? PLAIN_MESSAGES.internal ?? '',
      requestId,
    },
  };
}
