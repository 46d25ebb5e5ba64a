import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { LocalIdleAlarm } from '../adapters/local/local-idle-alarm.js';
import type { ManualClock } from '../adapters/local/manual-clock.js';
import type { RecordingNotifier } from '../adapters/local/recording-notifier.js';
import {
  CLIENT_VPN_OPERATIONS,
  PERMISSION_OPERATIONS,
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
import { simulatorPage } from './simulator-page.js';

/** What the controls act on: the local adapters and the evaluator's trigger. */
export interface Simulation {
  clock: ManualClock;
  vpn: SimulatedClientVpn;
  /** The endpoint's authentication and sample configuration file (issue 16). */
  vpnSetup: SimulatedVpnClientSetup;
  alarm: LocalIdleAlarm;
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
  /** Makes a witness of activity unreadable (or readable again), as an AWS outage would. */
  setOutage(witness: Witness, unavailable: boolean): void;
  outages(): Witness[];
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
/** Takes a permission from one function's role, or gives it back (issue 17's health panel). */
const permissionBody = z.strictObject({
  operation: z.enum(PERMISSION_OPERATIONS),
  /** Whose role: the portal's or the events function's ("background"). */
  caller: z.enum(SIMULATED_CALLERS),
  allowed: z.boolean(),
});
const outageBody = z.strictObject({ witness: z.enum(WITNESSES), unavailable: z.boolean() });
const pauseBody = z.strictObject({ paused: z.boolean() });
const clientConfigBody = z.strictObject({ authentication: z.enum(SIMULATED_AUTHENTICATIONS) });
const connectionId = z.string().check(z.regex(/^cvpn-connection-[0-9a-f]+$/));
/** `keepalive-only`: the iPad put away with its VPN app still connected (issue 14). */
const trafficBody = z.strictObject({ traffic: z.enum(['working', 'keepalive-only']) });

/** The simulator controls under /_local: a page for demos and a JSON API for tests. */
export function simulatorRoutes(sim: Simulation) {
  const state = () => ({
    now: sim.clock.now().toISOString(),
    advancedMinutes: sim.clock.totalAdvancedMs / 60_000,
    clockPaused: sim.clock.paused,
    associations: sim.vpn.inspectAssociations(),
    clients: sim.vpn.listClients(),
    routes: sim.vpn.inspectRoutes(),
    pendingFaults: sim.vpn.pendingFaults(),
    deniedPermissions: sim.vpn.deniedPermissions(),
    outages: sim.outages(),
    clientAuthentication: sim.vpnSetup.authentication,
    alarm: sim.alarm.state,
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
    .get('/api/state', (c) => c.json(state()))
    .get('/api/notifications', (c) => c.json({ notifications: sim.notifications.sent }))
    .get('/api/clients', (c) => c.json({ clients: sim.vpn.listClients() }))
    .post('/api/clients', async (c) => {
      const { user } = await readJsonBody(c, connectClientBody);
      const demoUser = sim.users.find((candidate) => candidate.key === user);
      const client = sim.vpn.connectClient(demoUser?.email ?? user);
      sim.changed();
      return c.json({ client }, 201);
    })
    .post('/api/clients/:id/disconnect', async (c) => {
      await readJsonBody(c, emptyBody);
      const id = connectionId.safeParse(c.req.param('id'));
      if (!id.success) throw new InvalidRequestError('Not a connection id (cvpn-connection-…).');
      const client = sim.vpn.disconnectClient(id.data);
      sim.changed();
      return c.json({ client });
    })
    .post('/api/clients/:id/traffic', async (c) => {
      const { traffic } = await readJsonBody(c, trafficBody);
      const id = connectionId.safeParse(c.req.param('id'));
      if (!id.success) throw new InvalidRequestError('Not a connection id (cvpn-connection-…).');
      const client = sim.vpn.setClientTraffic(id.data, traffic);
      sim.changed();
      return c.json({ client });
    })
    .post('/api/clock/advance', async (c) => {
      const { minutes } = await readJsonBody(c, advanceBody);
      await sim.advance(minutes * 60_000);
      sim.changed();
      return c.json(state());
    })
    .post('/api/clock/pause', async (c) => {
      const { paused } = await readJsonBody(c, pauseBody);
      if (paused) sim.clock.pause();
      else sim.clock.resume();
      sim.changed();
      return c.json(state());
    })
    .post('/api/faults', async (c) => {
      const fault = await readJsonBody(c, faultBody);
      if (fault.kind === 'association-failed') {
        sim.vpn.failNextAssociation(
          fault.message ?? 'Simulated failure: the subnet has no free addresses.',
        );
      } else {
        const { operation, ...rest } = fault;
        sim.vpn.injectFault(operation ? { ...rest, operation } : rest);
      }
      return c.json(state(), 201);
    })
    .post('/api/permissions', async (c) => {
      const { operation, caller, allowed } = await readJsonBody(c, permissionBody);
      sim.vpn.setPermission({ operation, caller }, allowed);
      return c.json(state());
    })
    .post('/api/outages', async (c) => {
      const { witness, unavailable } = await readJsonBody(c, outageBody);
      sim.setOutage(witness, unavailable);
      return c.json(state());
    })
    .post('/api/client-config', async (c) => {
      // Local mode's portal does not cache it, so the setup page shows the switch at once.
      const { authentication } = await readJsonBody(c, clientConfigBody);
      sim.vpnSetup.use(authentication);
      return c.json(state());
    })
    .post('/api/reset', async (c) => {
      await readJsonBody(c, emptyBody);
      await sim.resetAll();
      sim.changed('reset');
      return c.json(state());
    })
    .all('/api/*', (c) => c.json(errorBody('not_found', 'No such simulator route.'), 404));

  app.onError((error, c) => {
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

function errorBody(code: string, message: string) {
  return { error: { code, message } };
}
