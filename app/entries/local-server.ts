import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { InMemoryStatusSnapshots } from '../adapters/local/in-memory-status-snapshots.js';
import { LOCAL_SERVER_DEFAULTS, loadLocalSettings } from '../config/local-settings.js';
import { SettingsError } from '../config/read-env.js';
import { loadSettings } from '../config/settings.js';
import { loadWarmUpSettings } from '../config/warm-up-settings.js';
import { createAlbAuthVerifier } from '../http/auth/index.js';
import { createApp } from '../http/create-app.js';
import { createPortalEndpoints, type PortalEndpoint } from '../http/portal-endpoints.js';
import { createLocalKeyFetcher, createLocalSigner } from '../local-mode/alb-signer.js';
import {
  ALB_KEYS_PATH,
  COGNITO_JWKS_PATH,
  createAlbStandIn,
  ownHosts,
} from '../local-mode/alb-stand-in.js';
import { banner, builtWebRoot } from '../local-mode/banner.js';
import { type DemoUser, demoUsers } from '../local-mode/demo-users.js';
import { closeServer, createNodeServer, ListenError, listen } from '../local-mode/listen.js';
import { createLocalSimulation } from '../local-mode/local-simulation.js';
import { withoutRequestLogs } from '../local-mode/quiet-logger.js';
import { simulatorRoutes } from '../local-mode/simulator-routes.js';
import { createJsonLogger, type Logger } from '../logging/logger.js';

export interface LocalServerOptions {
  /** 0 picks a free port. */
  port?: number;
  /** The interface to listen on; 127.0.0.1 unless told (HOST=0.0.0.0 lets an iPad in). */
  host?: string;
  /** The SPEC section 9 variables; local mode fills in stand-ins for the AWS-only ones. */
  env?: Record<string, string | undefined>;
  /** Real AWS adapters with the operator's credentials instead of the simulator. */
  useAws?: boolean;
  associateSeconds?: number;
  disassociateSeconds?: number;
  /** LOCAL_DATA_FILE: keep the session history in this JSON file. */
  dataFile?: string;
  /** The built SPA; null serves the API and the local pages only. */
  webRoot?: string | null;
  logger?: Logger;
  /** How long one read of the endpoint answers status polls; the Lambda's 3 s by default. */
  statusCacheMs?: number;
}

export interface LocalServer {
  url: string;
  mode: 'local' | 'aws';
  users: DemoUser[];
  adminGroup: string;
  close(): Promise<void>;
}

/**
 * Local mode (SPEC section 8): the portal behind an ALB stand-in, on the simulator or,
 * when asked explicitly, on real AWS. Listens first so a free port (0) is known before
 * the key URLs are derived from it.
 */
export async function startLocalServer(options: LocalServerOptions = {}): Promise<LocalServer> {
  const logger = options.logger ?? createJsonLogger({ function: 'local-server' });
  let handle: (request: Request) => Response | Promise<Response> = () =>
    new Response('Starting…', { status: 503 });
  const server = createNodeServer((request) => handle(request));
  const port = await listen(
    server,
    options.port ?? LOCAL_SERVER_DEFAULTS.port,
    options.host ?? LOCAL_SERVER_DEFAULTS.host,
  );
  const origin = `http://localhost:${port}`;

  try {
    const mode = options.useAws ? 'aws' : 'local';
    const settings = loadSettings(
      {
        ...options.env,
        // The stand-in signs the ALB headers, so the verifier must trust its keys.
        ALB_KEYS_URL: `${origin}${ALB_KEYS_PATH}`,
        COGNITO_JWKS_URL: `${origin}${COGNITO_JWKS_PATH}`,
      },
      mode,
    );
    // WARM_UP_SCHEDULE / WARM_UP_HOLIDAYS: shown by the portal in both modes; run on the
    // simulated clock in local mode (in AWS, EventBridge Scheduler runs them).
    const warmUp = loadWarmUpSettings(options.env ?? {});
    const signer = createLocalSigner({
      albArn: settings.albArn,
      region: settings.region,
      userPoolId: settings.cognito.userPoolId,
      clientId: settings.cognito.clientId,
    });
    const fetcher = createLocalKeyFetcher(signer, {
      albKeysUrl: settings.albKeysUrl,
      jwksUrl: settings.cognito.jwksUrl,
    });
    const local = options.useAws
      ? null
      : createLocalSimulation({
          settings,
          logger,
          ...(options.associateSeconds === undefined
            ? {}
            : { associateMs: options.associateSeconds * 1000 }),
          ...(options.disassociateSeconds === undefined
            ? {}
            : { disassociateMs: options.disassociateSeconds * 1000 }),
          ...(options.dataFile ? { dataFile: options.dataFile } : {}),
          warmUpSchedule: warmUp.schedule,
        });
    // Loaded only when asked for: the AWS SDK would slow every simulated start. One process
    // is one instance: in local mode each endpoint's status snapshot lives in its memory;
    // with --aws it is the sessions table's, shared with the deployed portal.
    const localSnapshots = new Map<string, InMemoryStatusSnapshots>();
    const endpoints: PortalEndpoint[] = local
      ? local.endpoints.map((endpoint) => {
          const snapshots = new InMemoryStatusSnapshots();
          localSnapshots.set(endpoint.settings.key, snapshots);
          return { ...endpoint, snapshots };
        })
      : (await import('./aws-deps.js')).createAwsEndpointContexts(settings, logger);
    const portalEndpoints = createPortalEndpoints(endpoints, {
      ...(options.statusCacheMs === undefined ? {} : { statusCacheMs: options.statusCacheMs }),
      warmUpHolidays: warmUp.schedule.holidays,
      // The simulator page switches the endpoint's authentication: show it at once.
      ...(local ? { clientSetupCacheMs: 0 } : {}),
      logger,
    });
    const portal = createApp(
      {
        settings,
        endpoints,
        auth: createAlbAuthVerifier(settings, { fetcher }),
        logger,
        webRoot: options.webRoot ?? null,
      },
      portalEndpoints,
    );
    if (local) {
      await local.endSessionLostInRestart();
      // What the simulator controls change must not hide behind the status snapshots; after
      // a reset, the snapshots of the world before it must not be shown at all.
      local.onChange((what) => {
        for (const endpoint of portalEndpoints.all) {
          if (what === 'reset') {
            localSnapshots.get(endpoint.settings.key)?.reset();
            endpoint.status.forget();
          } else {
            endpoint.status.invalidate();
          }
        }
      });
      local.scheduler.start();
    }
    const users = demoUsers(settings.adminGroup);
    const standIn = createAlbStandIn({
      portal,
      signer,
      users,
      adminGroup: settings.adminGroup,
      hosts: ownHosts(options.host ?? '127.0.0.1', port),
      ...(local ? { simulator: simulatorRoutes(local.simulation) } : {}),
    });
    handle = (request) => standIn.fetch(request);

    return {
      url: origin,
      mode,
      users,
      adminGroup: settings.adminGroup,
      close: async () => {
        local?.scheduler.stop();
        await closeServer(server);
      },
    };
  } catch (error) {
    await closeServer(server);
    throw error;
  }
}

// ---- command line: `npm start`, `node dist/local/server.mjs [--aws]` ----

async function main(): Promise<void> {
  const json = createJsonLogger({ function: 'local-server' });
  try {
    // PORT, HOST and the LOCAL_* options; a bad one stops here, naming it.
    const { useAws, logRequests, ...local } = loadLocalSettings(process.env);
    const server = await startLocalServer({
      ...local,
      env: process.env,
      useAws: useAws || process.argv.includes('--aws'),
      webRoot: builtWebRoot(dirname(fileURLToPath(import.meta.url))),
      logger: logRequests ? json : withoutRequestLogs(json),
    });
    process.stdout.write(banner(server));
    const stop = () => void server.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    if (error instanceof ListenError || error instanceof SettingsError) fail(error.message);
    throw error;
  }
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) await main();
