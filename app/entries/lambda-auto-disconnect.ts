import { loadSettings } from '../config/settings.js';
import { createAutoDisconnectHandler } from '../events/auto-disconnect-handler.js';
import { createJsonLogger } from '../http/logger.js';
import { createAwsCoreDeps } from './aws-deps.js';

const settings = loadSettings(process.env);

export const handler = createAutoDisconnectHandler({
  ...createAwsCoreDeps(settings),
  logger: createJsonLogger({ function: 'auto-disconnect' }),
  idleAlarmName: settings.idleAlarmName,
});
