import { createAwsNotifier } from '../adapters/aws/create-aws-notifier.js';
import { loadNotificationSettings } from '../config/notification-settings.js';
import { loadSettings } from '../config/settings.js';
import { loadWarmUpSettings } from '../config/warm-up-settings.js';
import { createAutoDisconnectFunction } from '../events/auto-disconnect-handler.js';
import { createJsonLogger } from '../http/logger.js';
import { createAwsCoreDeps } from './aws-deps.js';

const settings = loadSettings(process.env);
const warmUp = loadWarmUpSettings(process.env);
const logger = createJsonLogger({ function: 'auto-disconnect' });
const notifier = createAwsNotifier(settings.region, loadNotificationSettings(process.env), logger);

/** The idle alarm, the safety-net sweep and the warm-up schedules all invoke this. */
export const handler = createAutoDisconnectFunction({
  ...createAwsCoreDeps(settings),
  ...(notifier ? { notifier } : {}),
  logger,
  idleAlarmName: settings.idleAlarmName,
  warmUp,
});
