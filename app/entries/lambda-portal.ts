import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAwsNotifier } from '../adapters/aws/create-aws-notifier.js';
import { awsServiceEndpoint } from '../config/aws-endpoint.js';
import { loadNotificationSettings } from '../config/notification-settings.js';
import { loadSettings } from '../config/settings.js';
import { loadWarmUpSettings } from '../config/warm-up-settings.js';
import { createAlbAuthVerifier } from '../http/auth/index.js';
import { createApp } from '../http/create-app.js';
import { albHandler } from '../http/lambda/alb-handler.js';
import { createJsonLogger } from '../logging/logger.js';
import { createAwsEndpointContexts } from './aws-deps.js';

/**
 * How long a request waits for its notice (a refused start, Disconnect now): SNS answers in
 * well under a second; a channel that hangs must not make the answer late or cut it off at
 * the function's 15 s timeout.
 */
const NOTICE_DEADLINE_MS = 3_000;

// Wired once per cold start: warm invocations reuse the clients, the key cache and the
// status cache. A bad setting throws here and names the variable.
const settings = loadSettings(process.env);
const warmUp = loadWarmUpSettings(process.env);
const logger = createJsonLogger({ function: 'portal' });
// The same channels as the events function's: the notices of a start AWS refused and of
// an administrator's Disconnect now are sent by the request that caused them.
const notifier = createAwsNotifier(settings.region, loadNotificationSettings(process.env), logger, {
  ssmEndpoint: awsServiceEndpoint(process.env, 'ssm', settings.region),
  deadlineMs: NOTICE_DEADLINE_MS,
});
const endpoints = createAwsEndpointContexts(settings, logger).map((endpoint) => ({
  ...endpoint,
  deps: { ...endpoint.deps, ...(notifier ? { notifier } : {}) },
}));
const app = createApp({
  settings,
  endpoints,
  auth: createAlbAuthVerifier(settings),
  logger,
  warmUpHolidays: warmUp.schedule.holidays,
  // The build copies dist/web beside the bundle (dist/lambda/web).
  webRoot: join(dirname(fileURLToPath(import.meta.url)), 'web'),
});

export const handler = albHandler(app);
