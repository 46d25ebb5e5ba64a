import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.js';

/** Carries the server's request id back to the client; a client's own one is only logged. */
export const REQUEST_ID_HEADER = 'X-Request-Id';

/**
 * Gives every request an id the server makes up and answers it in X-Request-Id. Unlike
 * hono/request-id's default, a client's X-Request-Id never becomes the id: otherwise a
 * client could choose what error reports and log searches point at, or reuse another
 * request's id. requestLogging logs the client's header beside ours as `clientRequestId`.
 */
export function serverRequestId() {
  return createMiddleware<AppEnv>(async (c, next) => {
    const id = crypto.randomUUID();
    c.set('requestId', id);
    c.header(REQUEST_ID_HEADER, id);
    await next();
  });
}
