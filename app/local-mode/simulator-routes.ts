import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { LocalIdleAlarm } from '../adapters/local/local-idle-alarm.js';
import type { ManualClock } from '../adapters/local/manual-clock.js';
import type { RecordingNotifier } from '../adapters/local/recording-notifier.js';
import {
  CLIENT_VPN_OPERATIONS,
  SIMULATED_CALLERS,
  type SimulatedClientVpn,
  SimulatorError,
} from '../adapters/local/simulated-client-vpn.js';
import {
  SIMULATED_AUTHENTICATIONS,
  type SimulatedVpnClientSetup,
} from '../adapters/local/simulated-vpn-client-setup.js';
import * as z from '../config/validation.js';
import { InvalidRequestError } from '../core/model/errors.js';
import { API_BODY_LIMIT_BYTES } from '../http/middleware/body-limit.js';
import { crossSiteRefusal, requestSite } from '../http/middleware/same-origin.js';
import { readJsonBody } from '../http/read-json-body.js';
import type { Logger } from '../logging/logger.js';
import type { DemoUser } from './demo-users.js';
import type { SimulatedEndpoint } from './simulated-endpoint.js';
import { simulatorPage } from './simulator-page.js';

/** What the controls act on: the local adapters and the evaluator's trigger. */
export interface Simulation {
  clock: ManualClock;
  /** The first endpoint's: what the controls act on when no `?endpoint=<key>` is given. */
  vpn: SimulatedClientVpn;
  /** The first endpoint's authentication and sample configuration file (issue 16). */
  vpnSetup: SimulatedVpnClientSetup;
  alarm: LocalIdleAlarm;
  /** Every simulated endpoint, the first first (issue 18). */
  endpoints: readonly SimulatedEndpoint[];
  users: DemoUser[];
  logger: Logger;
  /**
   * Tells the portal the simulated endpoint changed (its status snapshot must not hide it);
   * `reset`: a new world, in which the last snapshot never happened.
   */
  changed(what?: 'reset'): void;
  /** What would have gone to SNS and the chat webhook, oldest first. */
  notifications: RecordingNotifier;
  /** The next `count` warm-ups on the simulated clock. */
  upcomingWarmUps(count: number): Date[];
  /** Runs the alarm evaluator, the sweep and due warm-ups right away (after the clock moved). */
  afterAdvance(): Promise<void>;
  /** Moves the clock, stopping at each warm-up on the way so it runs at its own time. */
  advance(ms: number): Promise<void>;
  /** Back to a fresh start: no associations, clients, metrics, faults or sessions. */
  resetAll(): Promise<void>;
  /**
   * Makes a witness of activity unreadable (or readable again), as an AWS outage would, for
   * one endpoint (the first unless told).
   */
  setOutage(witness: Witness, unavailable: boolean, endpoint?: SimulatedEndpoint): void;
  outages(endpoint?: SimulatedEndpoint): Witness[];
}

const WEEK_MINUTES = 7 * 24 * 60;

/** The sessions table (DynamoDB) and the activity metrics' reads (GetMetricData). */
export const WITNESSES = ['sessions', 'metrics'] as const;
export type Witness = (typeof WITNESSES)[number];

const connectClientBody = z.strictObject({
  /** A demo user's key (their e-mail becomes the VPN user name) or any user name. */
  user: z.string().check(z.trim(), z.minLength(1), z.maxLength(128)),
});
const advanceBody = z.strictObject({
  minutes: z.number().check(z.positive(), z.maximum(WEEK_MINUTES)),
});
const faultBody = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.enum(['unavailable', 'throttled']),
    operation: z.optional(z.enum(CLIENT_VPN_OPERATIONS)),
    /** Whose call fails; the portal's (what the employee sees) unless told. */
    caller: z._default(z.enum(SIMULATED_CALLERS), 'portal'),
  }),
  z.strictObject({
    kind: z.literal('rejected'),
    operation: z.optional(z.enum(CLIENT_VPN_OPERATIONS)),
    caller: z._default(z.enum(SIMULATED_CALLERS), 'portal'),
    /** AWS's words for the refusal. */
    message: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(500))),
  }),
  z.strictObject({
    kind: z.literal('association-failed'),
    message: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(500))),
  }),
]);
const emptyBody = z.strictObject({});
const outageBody = z.strictObject({ witness: z.enum(WITNESSES), unavailable: z.boolean() });
const pauseBody = z.strictObject({ paused: z.boolean() });
const clientConfigBody = z.strictObject({ authentication: z.enum(SIMULATED_AUTHENTICATIONS) });
const connectionId = z.string().check(z.regex(/^cvpn-connection-[0-9a-f]+$/));
/** `keepalive-only`: the iPad put away with its VPN app still connected (issue 14). */
const trafficBody = z.strictObject({ traffic: z.enum(['working', 'keepalive-only']) });

/**
 * The simulator controls under /_local: a page for demos and a JSON API for tests. Each
 * endpoint's controls take `?endpoint=<key>` (issue 18); without it they act on the first
 * endpoint, as before there were several.
 */
export function simulatorRoutes(sim: Simulation) {
  const [first] = sim.endpoints;
  if (!first) throw new Error('the simulator needs at least one endpoint');
  /** The endpoint `?endpoint=<key>` names, the first without one. */
  const endpointOf = (c: Context): SimulatedEndpoint => {
    const key = c.req.query('endpoint');
    if (key === undefined) return first;
    const found = sim.endpoints.find((endpoint) => endpoint.settings.key === key);
    if (!found) throw new UnknownEndpointError(key);
    return found;
  };
  const state = (endpoint: SimulatedEndpoint = first) => ({
    now: sim.clock.now().toISOString(),
    advancedMinutes: sim.clock.totalAdvancedMs / 60_000,
    clockPaused: sim.clock.paused,
    endpoint: endpoint.settings.key,
    associations: endpoint.vpn.inspectAssociations(),
    clients: endpoint.vpn.listClients(),
    routes: endpoint.vpn.inspectRoutes(),
    pendingFaults: endpoint.vpn.pendingFaults(),
    outages: sim.outages(endpoint),
    clientAuthentication: endpoint.vpnSetup.authentication,
    alarm: endpoint.alarm.state,
    endpoints: sim.endpoints.map((each) => ({
      key: each.settings.key,
      names: each.settings.names,
      groups: each.settings.groups,
      associations: each.vpn.inspectAssociations(),
      clients: each.vpn.listClients(),
      alarm: each.alarm.state,
    })),
    users: sim.users.map(({ key, name, email }) => ({ key, name, email })),
    nextWarmUps: sim.upcomingWarmUps(3).map((at) => at.toISOString()),
    notifications: sim.notifications.sent,
  });

  const app = new Hono()
    .use(async (c, next) => {
      // Another site's page must not drive the simulator through the browser: its POSTs
      // carry a foreign Origin or Sec-Fetch-Site. A POST with neither is no browser's (the
      // e2e fixtures, scripts): no visitor's session rides along, so it may pass. The
      // stand-in in front has already refused any Host but this server's own.
      const host = c.req.header('host') ?? new URL(c.req.url).host;
      const refusal = crossSiteRefusal(requestSite(c.req, host), { requireOrigin: false });
      if (refusal) return c.json(errorBody('cross_site_request', refusal), 403);
      return next();
    })
    .use(
      bodyLimit({
        maxSize: API_BODY_LIMIT_BYTES,
        onError: (c) =>
          c.json(errorBody('payload_too_large', 'The request body is too large.'), 413),
      }),
    )
    .get('/', (c) => c.html(simulatorPage()))
    .get('/api/state', (c) => c.json(state(endpointOf(c))))
    .get('/api/notifications', (c) => c.json({ notifications: sim.notifications.sent }))
    .get('/api/clients', (c) => c.json({ clients: endpointOf(c).vpn.listClients() }))
    .post('/api/clients', async (c) => {
      const { vpn } = endpointOf(c);
      const { user } = await readJsonBody(c, connectClientBody);
      const demoUser = sim.users.find((candidate) => candidate.key === user);
      const client = vpn.connectClient(demoUser?.email ?? user);
      sim.changed();
      return c.json({ client }, 201);
    })
    .post('/api/clients/:id/disconnect', async (c) => {
      await readJsonBody(c, emptyBody);
      const id = connectionId.safeParse(c.req.param('id'));
      if (!id.success) throw new InvalidRequestError('Not a connection id (cvpn-connection-…).');
      const client = endpointOf(c).vpn.disconnectClient(id.data);
      sim.changed();
      return c.json({ client });
    })
    .post('/api/clients/:id/traffic', async (c) => {
      const { traffic } = await readJsonBody(c, trafficBody);
      const id = connectionId.safeParse(c.req.param('id'));
      if (!id.success) throw new InvalidRequestError('Not a connection id (cvpn-connection-…).');
      const client = endpointOf(c).vpn.setClientTraffic(id.data, traffic);
      sim.changed();
      return c.json({ client });
    })
    .post('/api/clock/advance', async (c) => {
      const { minutes } = await readJsonBody(c, advanceBody);
      await sim.advance(minutes * 60_000);
      sim.changed();
      return c.json(state(endpointOf(c)));
    })
    .post('/api/clock/pause', async (c) => {
      const { paused } = await readJsonBody(c, pauseBody);
      if (paused) sim.clock.pause();
      else sim.clock.resume();
      sim.changed();
      return c.json(state(endpointOf(c)));
    })
    .post('/api/faults', async (c) => {
      const endpoint = endpointOf(c);
      const fault = await readJsonBody(c, faultBody);
      if (fault.kind === 'association-failed') {
        endpoint.vpn.failNextAssociation(
          fault.message ?? 'Simulated failure: the subnet has no free addresses.',
        );
      } else {
        const { operation, ...rest } = fault;
        endpoint.vpn.injectFault(operation ? { ...rest, operation } : rest);
      }
      return c.json(state(endpoint), 201);
    })
    .post('/api/outages', async (c) => {
      const endpoint = endpointOf(c);
      const { witness, unavailable } = await readJsonBody(c, outageBody);
      sim.setOutage(witness, unavailable, endpoint);
      return c.json(state(endpoint));
    })
    .post('/api/client-config', async (c) => {
      // Local mode's portal does not cache it, so the setup page shows the switch at once.
      const endpoint = endpointOf(c);
      const { authentication } = await readJsonBody(c, clientConfigBody);
      endpoint.vpnSetup.use(authentication);
      return c.json(state(endpoint));
    })
    .post('/api/reset', async (c) => {
      await readJsonBody(c, emptyBody);
      await sim.resetAll();
      sim.changed('reset');
      return c.json(state());
    })
    .all('/api/*', (c) => c.json(errorBody('not_found', 'No such simulator route.'), 404));

  app.onError((error, c) => {
    if (error instanceof UnknownEndpointError)
      return c.json(errorBody(error.code, error.message), 404);
    if (error instanceof InvalidRequestError)
      return c.json(errorBody(error.code, error.message), 400);
    if (error instanceof SimulatorError) {
      const status = error.code === 'unknown_connection' ? 404 : 409;
      return c.json(errorBody(error.code, error.message), status);
    }
    sim.logger.error('simulator control failed', { error: error.message });
    return c.json(errorBody('internal', 'The simulator failed; see the server log.'), 500);
  });
  return app;
}

class UnknownEndpointError extends Error {
  readonly code = 'endpoint_not_found';

  constructor(key: string) {
    super(`No simulated endpoint has the key "${key}".`);
    this.name = 'UnknownEndpointError';
  }
}

function errorBody(code: string, message: string) {
  return { error: { code, message } };
}
