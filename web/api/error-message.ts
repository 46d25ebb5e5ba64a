import type { MessageKey } from '../i18n/en';
import { ApiFailure } from './client';

/** Plain, translated words for the codes the portal sends; the server's English stays in "details". */
const byCode: Record<string, MessageKey> = {
  association_failed: 'errorAssociationFailed',
  aws_throttled: 'errorAwsThrottled',
  aws_unavailable: 'errorAwsUnavailable',
  aws_rejected: 'errorAwsRejected',
  offline: 'errorOffline',
};

export function errorMessageKey(code: string | undefined): MessageKey {
  return (code && byCode[code]) || 'errorGeneric';
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
