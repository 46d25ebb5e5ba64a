import type { Hono } from 'hono';
import { methodNotAllowed } from 'hono/method-not-allowed';
import type { AppEnv } from '../app-env.js';
import { errorBody } from './error-handler.js';

/**
 * A known API path asked with a method it does not take answers 405 with `Allow` (GET
 * routes also allow HEAD) and the JSON error body, instead of the catch-all's 404. It looks
 * at the answer after the routes ran, so authentication still comes first: an unverified
 * request gets its 401 and learns nothing about the routes.
 */
// biome-ignore lint/suspicious/noExplicitAny: any schema and base path of an AppEnv app
export function jsonMethodNotAllowed(app: Hono<AppEnv, any, any>) {
  return methodNotAllowed<AppEnv>({
    app,
    onMethodNotAllowed: (c, methods) => {
      const allow = methods.join(', ');
      return c.json(
        errorBody('method_not_allowed', `This route answers ${allow} only.`, c.get('requestId')),
        405,
        { Allow: allow },
      );
    },
  });
}
