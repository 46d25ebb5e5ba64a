import { createAwsNotifier } from '../adapters/aws/create-aws-notifier.js';
import { awsServiceEndpoint } from '../config/aws-endpoint.js';
import { loadNotificationSettings } from '../config/notification-settings.js';
import { loadSettings } from '../config/settings.js';
import { loadWarmUpSettings } from '../config/warm-up-settings.js';
import { createEventsFunction } from '../events/events-function.js';
import { createJsonLogger } from '../logging/logger.js';
import { createAwsCoreDeps } from './aws-deps.js';

const settings = loadSettings(process.env);
const warmUp = loadWarmUpSettings(process.env);
const logger = createJsonLogger({ function: 'auto-disconnect' });
const notifier = createAwsNotifier(settings.region, loadNotificationSettings(process.env), logger, {
  ssmEndpoint: awsServiceEndpoint(process.env, 'ssm', settings.region),
});

/** The events function: the idle alarm, the safety-net sweep and the warm-up schedules invoke it. */
export const handler = createEventsFunction({
  ...createAwsCoreDeps(settings, logger),
  ...(notifier ? { notifier } : {}),
  logger,
  idleAlarmName: settings.idleAlarmName,
  warmUp,
});
