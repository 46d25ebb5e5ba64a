import type { Logger } from '../logging/logger.js';

/**
 * The status page polls every few seconds; in a terminal one line per request buries what
 * matters (alarm changes, auto-disconnect decisions, errors). LOCAL_LOG_REQUESTS=1 keeps them.
 */
export function withoutRequestLogs(logger: Logger): Logger {
  return {
    info: (message, fields) => {
      if (message !== 'request') logger.info(message, fields);
    },
    warn: (message, fields) => logger.warn(message, fields),
    error: (message, fields) => logger.error(message, fields),
    child: (fields) => withoutRequestLogs(logger.child(fields)),
  };
}
