import type { MessageKey } from '../i18n/en';
import { ApiFailure, PortalUnreachable } from './client';

/** Plain, translated words for the codes the portal sends; the server's English stays in "details". */
const byCode: Record<string, MessageKey> = {
  association_failed: 'errorAssociationFailed',
  aws_throttled: 'errorAwsThrottled',
  aws_unavailable: 'errorAwsUnavailable',
  aws_rejected: 'errorAwsRejected',
  endpoint_forbidden: 'errorEndpointForbidden',
  offline: 'errorOffline',
  unreachable: 'errorUnreachable',
};

export function errorMessageKey(code: string | undefined): MessageKey {
  return (code && byCode[code]) || 'errorGeneric';
}

/** A poll that failed: an outage says calmly that the poller keeps trying; anything else, what failed. */
export function pollFailureKey(error: unknown): MessageKey {
  return error instanceof PortalUnreachable ? 'outage' : errorMessageKey(toShownError(error).code);
}

export interface ShownError {
  code: string;
  message: string;
  requestId: string | null;
}

export function toShownError(error: unknown): ShownError {
  if (error instanceof ApiFailure) {
    return { code: error.code, message: error.message, requestId: error.requestId };
  }
  return { code: 'internal', message: String(error), requestId: null };
}
