/**
 * Typed failures with a stable `code`. The core knows nothing of HTTP: the portal's error
 * handler maps each code to a status (app/http/middleware/error-handler.ts).
 */
export type CoreErrorCode =
  | 'aws_throttled'
  | 'aws_unavailable'
  | 'aws_rejected'
  | 'not_authenticated'
  | 'not_admin'
  | 'endpoint_forbidden'
  | 'endpoint_not_found'
  | 'invalid_request'
  | 'cross_site_request'
  | 'invalid_event'
  | 'session_conflict'
  | 'stored_session_invalid'
  | 'others_using';

export abstract class VpnPortalError extends Error {
  abstract readonly code: CoreErrorCode;

  toJSON(): { code: CoreErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

/** AWS (or the simulator) refused or failed a call; `retryable` for throttling and 5xx. */
export class AwsCallError extends VpnPortalError {
  readonly code: 'aws_throttled' | 'aws_unavailable' | 'aws_rejected';

  constructor(
    readonly operation: string,
    kind: 'throttled' | 'unavailable' | 'rejected',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AwsCallError';
    this.code = `aws_${kind}`;
  }
}

export class NotAuthenticatedError extends VpnPortalError {
  readonly code = 'not_authenticated';

  constructor(message = 'Sign-in required.') {
    super(message);
    this.name = 'NotAuthenticatedError';
  }
}

export class NotAdminError extends VpnPortalError {
  readonly code = 'not_admin';

  constructor(message = 'This is for administrators only.') {
    super(message);
    this.name = 'NotAdminError';
  }
}

/** Issue 18: an endpoint whose groups the signed-in user is in none of. */
export class EndpointForbiddenError extends VpnPortalError {
  readonly code = 'endpoint_forbidden';

  constructor(readonly endpointKey: string) {
    super('This VPN is not one you may use. Ask IT if you need it.');
    this.name = 'EndpointForbiddenError';
  }
}

/** Issue 18: no endpoint has this key. */
export class EndpointNotFoundError extends VpnPortalError {
  readonly code = 'endpoint_not_found';

  constructor(readonly endpointKey: string) {
    super('There is no such VPN.');
    this.name = 'EndpointNotFoundError';
  }
}

export class InvalidRequestError extends VpnPortalError {
  readonly code = 'invalid_request';

  constructor(message: string) {
    super(message);
    this.name = 'InvalidRequestError';
  }
}

export class CrossSiteRequestError extends VpnPortalError {
  readonly code = 'cross_site_request';

  constructor(message = 'Cross-site requests are not allowed.') {
    super(message);
    this.name = 'CrossSiteRequestError';
  }
}

export class InvalidEventError extends VpnPortalError {
  readonly code = 'invalid_event';

  constructor(message: string) {
    super(message);
    this.name = 'InvalidEventError';
  }
}

/** The session changed since it was read; read it again and redo the change. */
export class SessionConflictError extends VpnPortalError {
  readonly code = 'session_conflict';

  constructor(sessionId: string) {
    super(`Session ${sessionId} was changed by another request.`);
    this.name = 'SessionConflictError';
  }
}

/** A stored session no longer has the shape the core wrote: read it as unreadable, not as truth. */
export class StoredSessionInvalidError extends VpnPortalError {
  readonly code = 'stored_session_invalid';

  constructor(key: string, problem: string) {
    super(`Stored session ${key} is malformed: ${problem}`);
    this.name = 'StoredSessionInvalidError';
  }
}

/**
 * "I'm done, turn it off" while someone else is connected or asked for the VPN within the idle
 * time (issue 16): nothing is changed. Carries a count, never names: employees see each other
 * only as numbers.
 */
export class OthersUsingError extends VpnPortalError {
  readonly code = 'others_using';

  constructor(
    readonly othersUsing: number,
    idleTimeoutMinutes: number,
  ) {
    super(
      `${othersUsing} other ${othersUsing === 1 ? 'person is' : 'people are'} using the VPN or asked for it in the last ${idleTimeoutMinutes} minutes, so it stays on.`,
    );
    this.name = 'OthersUsingError';
  }
}
