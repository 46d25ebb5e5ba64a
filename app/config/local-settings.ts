import { type Env, present, readOptional, readValue } from './read-env.js';
import * as z from './validation.js';

/**
 * Local mode's own options (SPEC section 8, README "Local mode"), read by `npm start` and
 * `node dist/local/server.mjs` beside the SPEC section 9 settings:
 *
 * - `PORT`, `HOST`: where to listen (`3000`, `127.0.0.1`; port `0` picks a free one);
 * - `LOCAL_USE_AWS`: `1` or `true` for real AWS instead of the simulator;
 * - `LOCAL_ASSOCIATE_SECONDS`, `LOCAL_DISASSOCIATE_SECONDS`: how long a simulated
 *   association takes to come and go (the simulator's own pace when unset);
 * - `LOCAL_DATA_FILE`: keep the session history in this JSON file;
 * - `LOCAL_LOG_REQUESTS`: `1` or `true` to log every request, not only what matters.
 */
export interface LocalSettings {
  port: number;
  host: string;
  useAws: boolean;
  associateSeconds?: number;
  disassociateSeconds?: number;
  dataFile?: string;
  logRequests: boolean;
}

export const LOCAL_SERVER_DEFAULTS = { port: 3000, host: '127.0.0.1' } as const;

const PORT_RANGE = 'must be a port number (0–65535)';
const port = z.pipe(
  z.coerce.number({ error: PORT_RANGE }),
  z.number().check(
    z.refine((value) => Number.isInteger(value) && value >= 0, PORT_RANGE),
    z.lte(65535, PORT_RANGE),
  ),
);
const seconds = z.pipe(
  z.coerce.number({ error: 'must be a number of seconds' }),
  z.number().check(z.gte(0, 'must be 0 or more'), z.lte(3600, 'must be at most 3600 (an hour)')),
);
const flag = z.enum(['0', '1', 'true', 'false'], 'must be 1, true, 0 or false');

export function loadLocalSettings(env: Env): LocalSettings {
  const on = (variable: string) => {
    const value = readValue(variable, flag, env[variable], 'false');
    return value === '1' || value === 'true';
  };
  const associateSeconds = readOptional(
    'LOCAL_ASSOCIATE_SECONDS',
    seconds,
    env.LOCAL_ASSOCIATE_SECONDS,
  );
  const disassociateSeconds = readOptional(
    'LOCAL_DISASSOCIATE_SECONDS',
    seconds,
    env.LOCAL_DISASSOCIATE_SECONDS,
  );
  const dataFile = present(env.LOCAL_DATA_FILE);
  return {
    port: readValue('PORT', port, env.PORT, LOCAL_SERVER_DEFAULTS.port),
    host: readValue('HOST', z.string(), env.HOST, LOCAL_SERVER_DEFAULTS.host),
    useAws: on('LOCAL_USE_AWS'),
    ...(associateSeconds === null ? {} : { associateSeconds }),
    ...(disassociateSeconds === null ? {} : { disassociateSeconds }),
    ...(dataFile === undefined ? {} : { dataFile }),
    logRequests: on('LOCAL_LOG_REQUESTS'),
  };
}
