import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { createAwsClients } from '../adapters/aws/aws-clients.js';
import { createAwsHealth } from '../adapters/aws/create-aws-health.js';
import { createAwsNotifier } from '../adapters/aws/create-aws-notifier.js';
import { awsServiceEndpoint } from '../config/aws-endpoint.js';
import { loadHealthSettings } from '../config/health-settings.js';
import { loadNotificationSettings } from '../config/notification-settings.js';
import { loadSettings } from '../config/settings.js';
import { loadWarmUpSettings } from '../config/warm-up-settings.js';
import { createAlbAuthVerifier } from '../http/auth/index.js';
import { createApp } from '../http/create-app.js';
import { albHandler } from '../http/lambda/alb-handler.js';
import { createJsonLogger } from '../logging/logger.js';
import { createAwsEndpointContexts } from './aws-deps.js';
import { healthCheckDeps } from './health-deps.js';

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
const notifications = loadNotificationSettings(process.env);
const health = loadHealthSettings(process.env);
const logger = createJsonLogger({ function: 'portal' });
// The same channels as the events function's: the notices of a start AWS refused and of
// an administrator's Disconnect now are sent by the request that caused them.
const notifier = createAwsNotifier(settings.region, notifications, logger, {
  ssmEndpoint: awsServiceEndpoint(process.env, 'ssm', settings.region),
  deadlineMs: NOTICE_DEADLINE_MS,
});
const clients = createAwsClients(settings);
const endpoints = createAwsEndpointContexts(settings, logger, clients).map((endpoint) => ({
  ...endpoint,
  deps: { ...endpoint.deps, ...(notifier ? { notifier } : {}) },
}));
// The health panel looks at the first endpoint (docs/decisions/014-health-checks.md).
const [first] = endpoints;
if (!first) throw new Error('Settings list no endpoint.');
const app = createApp({
  settings,
  endpoints,
  auth: createAlbAuthVerifier(settings),
  logger,
  warmUpHolidays: warmUp.schedule.holidays,
  // The build copies dist/web beside the bundle (dist/lambda/web).
  webRoot: join(dirname(fileURLToPath(import.meta.url)), 'web'),
  // The admin view's health panel (issue 17), with this function's own role.
  health: healthCheckDeps(
    first.settings,
    {
      ...createAwsHealth({
        settings,
        endpoint: first.settings,
        health,
        notifications,
        clients,
        credentials: defaultProvider(),
        endpoints: {
          ssm: awsServiceEndpoint(process.env, 'ssm', settings.region),
          lambda: awsServiceEndpoint(process.env, 'lambda', settings.region),
        },
      }),
      runs: first.runs,
      clock: first.deps.clock,
    },
    health.eventsFunctionArn,
  ),
});

export const handler = albHandler(app);
