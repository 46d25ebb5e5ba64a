import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Logger } from '../../logging/logger.js';
import type { AppEnv } from '../app-env.js';
import { REQUEST_ID_HEADER } from './request-id.js';

// Client-chosen values go into every log line of the request: kept short.
const MAX_CLIENT_VALUE = 200;

/**
 * One JSON line per request; every line the request logs carries the server's request id,
 * the Lambda's request id and the ALB's trace id (X-Amzn-Trace-Id) when there are any, and
 * the client's own X-Request-Id as `clientRequestId`. Other headers and tokens are never
 * logged.
 */
export function requestLogging(logger: Logger) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    const requestLogger = logger.child({ requestId: c.get('requestId'), ...correlation(c) });
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

/** The ids other systems know this request by; absent ones are left out. */
function correlation(c: Context<AppEnv>): Record<string, string> {
  const fields: Record<string, string> = {};
  // hono/aws-lambda passes the Lambda context as c.env; locally and in tests there is none.
  const lambdaRequestId = c.env?.lambdaContext?.awsRequestId;
  if (lambdaRequestId) fields.lambdaRequestId = lambdaRequestId;
  const traceId = c.req.header('x-amzn-trace-id');
  if (traceId) fields.traceId = traceId.slice(0, MAX_CLIENT_VALUE);
  const clientRequestId = c.req.header(REQUEST_ID_HEADER);
  if (clientRequestId) fields.clientRequestId = clientRequestId.slice(0, MAX_CLIENT_VALUE);
  return fields;
}
