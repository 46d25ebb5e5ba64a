import { createAwsClients } from '../adapters/aws/aws-clients.js';
import { createDryRunProbe } from '../adapters/aws/create-aws-health.js';
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
const clients = createAwsClients(settings);

/**
 * The events function: the idle alarm, the safety-net sweep and the warm-up schedules invoke
 * it, and the portal's health panel asks it for its own DryRun verdicts. Each idle check
 * leaves its outcome in the run log (`runs`, in the sessions table).
 */
export const handler = createEventsFunction({
  ...createAwsCoreDeps(settings, logger, clients),
  ...(notifier ? { notifier } : {}),
  logger,
  idleAlarmName: settings.idleAlarmName,
  warmUp,
  permissions: createDryRunProbe(settings, clients.ec2),
});
