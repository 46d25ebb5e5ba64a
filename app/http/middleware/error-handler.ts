import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { VpnPortalError } from '../../core/model/errors.js';
import type { ApiErrorCode, ErrorBody } from '../api-types.js';
import type { AppEnv } from '../app-env.js';

/** Every code the portal can answer, with its status: the compiler checks none is missing. */
const STATUS_BY_CODE: Record<ApiErrorCode, ContentfulStatusCode> = {
  not_authenticated: 401,
  not_admin: 403,
  cross_site_request: 403,
  // Issue 18: an endpoint outside the user's groups, and a key no endpoint has.
  endpoint_forbidden: 403,
  endpoint_not_found: 404,
  invalid_request: 400,
  invalid_event: 400,
  not_found: 404,
  method_not_allowed: 405,
  payload_too_large: 413,
  // Two writers changed the session at once and retries ran out: the request may be repeated.
  session_conflict: 409,
  // "I'm done" while others use the VPN (issue 16): refused, nothing changed.
  others_using: 409,
  association_failed: 502,
  aws_rejected: 502,
  aws_throttled: 503,
  aws_unavailable: 503,
  stored_session_invalid: 500,
  internal: 500,
};

/** Plain words for AWS trouble; the SDK's own message stays in the log, not on the page. */
export const PLAIN_MESSAGES: Partial<Record<ApiErrorCode, string>> = {
  aws_throttled: 'AWS is busy right now. Please try again in a moment.',
  aws_unavailable: 'AWS could not be reached. Please try again in a moment.',
  // The portal sends a start-failed notice, but a notice is not a person reading it (the topic
  // may have no subscriber yet): asking the employee is true whatever the channels do.
  aws_rejected: 'AWS refused to change the VPN. Please tell an administrator.',
  association_failed: 'The VPN could not be turned on.',
  internal: 'Something went wrong on our side.',
};

/** Hono's own exceptions (a built-in middleware's refusal) that have a code of their own. */
const HTTP_EXCEPTION_CODES: Partial<Record<number, ApiErrorCode>> = {
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
};

export function errorBody(code: ApiErrorCode, message: string, requestId: string): ErrorBody {
  return { error: { code, message, requestId } };
}

/** `app.onError`: every failure becomes `{ error: { code, message, requestId } }`. */
export function handleError(error: Error, c: Context<AppEnv>): Response {
  const requestId = c.get('requestId') ?? 'unknown';
  const logger = c.get('logger');
  if (error instanceof VpnPortalError) {
    const status = STATUS_BY_CODE[error.code];
    const message = PLAIN_MESSAGES[error.code] ?? error.message;
    (status >= 500 ? logger?.error : logger?.warn)?.(error.message, { code: error.code, status });
    if (status === 503) c.header('Retry-After', '5');
    return c.json(errorBody(error.code, message, requestId), status);
  }
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    const code = HTTP_EXCEPTION_CODES[status] ?? (status < 500 ? 'invalid_request' : 'internal');
    logger?.warn(error.message, { code, status });
    return c.json(errorBody(code, error.message || 'Bad request.', requestId), status);
  }
  logger?.error('unhandled error', { error: error.message, stack: error.stack });
  return c.json(errorBody('internal', PLAIN_MESSAGES.internal ?? '', requestId), 500);
}
