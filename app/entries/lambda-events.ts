import { createAwsNotifier } from '../adapters/aws/create-aws-notifier.js';
import { awsServiceEndpoint } from '../config/aws-endpoint.js';
import { loadNotificationSettings } from '../config/notification-settings.js';
import { loadSettings } from '../config/settings.js';
import { loadWarmUpSettings } from '../config/warm-up-settings.js';
import { createEventsFunction } from '../events/events-function.js';
import { createJsonLogger } from '../logging/logger.js';
import { createAwsEndpointContexts } from './aws-deps.js';

const settings = loadSettings(process.env);
const warmUp = loadWarmUpSettings(process.env);
const logger = createJsonLogger({ function: 'auto-disconnect' });
const notifier = createAwsNotifier(settings.region, loadNotificationSettings(process.env), logger, {
  ssmEndpoint: awsServiceEndpoint(process.env, 'ssm', settings.region),
});

/**
 * The events function: each endpoint's idle alarm, the safety-net sweep and the warm-up
 * schedules invoke it.
 */
export const handler = createEventsFunction({
  endpoints: createAwsEndpointContexts(settings, logger).map((endpoint) => ({
    ...endpoint,
    deps: { ...endpoint.deps, ...(notifier ? { notifier } : {}) },
  })),
  logger,
  warmUp: { holidays: warmUp.schedule.holidays },
});
