import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSettings } from '../config/settings.js';
import { loadWarmUpSettings } from '../config/warm-up-settings.js';
import { createAlbAuthVerifier } from '../http/auth/index.js';
import { createApp } from '../http/create-app.js';
import { albHandler } from '../http/lambda/alb-handler.js';
import { createJsonLogger } from '../logging/logger.js';
import { createAwsCoreDeps } from './aws-deps.js';

// Wired once per cold start: warm invocations reuse the clients, the key cache and the
// status cache. A bad setting throws here and names the variable.
const settings = loadSettings(process.env);
const warmUp = loadWarmUpSettings(process.env);
const logger = createJsonLogger({ function: 'portal' });
const app = createApp({
  ...createAwsCoreDeps(settings, logger),
  settings,
  auth: createAlbAuthVerifier(settings),
  logger,
  warmUpSchedule: warmUp.schedule,
  // The build copies dist/web beside the bundle (dist/lambda/web).
  webRoot: join(dirname(fileURLToPath(import.meta.url)), 'web'),
});

export const handler = albHandler(app);
