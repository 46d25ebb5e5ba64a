import { createMiddleware } from 'hono/factory';
import type { Logger } from '../../logging/logger.js';
import type { AppEnv } from '../app-env.js';

/** One JSON line per request with the request id; headers and tokens are never logged. */
export function requestLogging(logger: Logger) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    const requestLogger = logger.child({ requestId: c.get('requestId') });
    c.set('logger', requestLogger);
    await next();
    requestLogger.info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round(performance.now() - started),
      userId: c.get('user')?.id,
    });
  });
}
