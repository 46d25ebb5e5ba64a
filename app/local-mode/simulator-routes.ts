import { Hono } from 'hono';
import { z } from 'zod';
import type { LocalIdleAlarm } from '../adapters/local/local-idle-alarm.js';
import type { ManualClock } from '../adapters/local/manual-clock.js';
import {
  CLIENT_VPN_OPERATIONS,
  type SimulatedClientVpn,
  SimulatorError,
} from '../adapters/local/simulated-client-vpn.js';
import { InvalidRequestError } from '../core/errors.js';
import type { Logger } from '../http/logger.js';
import { readJsonBody } from '../http/read-json-body.js';
import type { DemoUser } from './demo-users.js';
import { simulatorPage } from './simulator-page.js';

/** What the controls act on: the local adapters and the evaluator's trigger. */
export interface Simulation {
  clock: ManualClock;
  vpn: SimulatedClientVpn;
  alarm: LocalIdleAlarm;
  users: DemoUser[];
  logger: Logger;
  /** Runs the alarm evaluator and the sweep right away (after the clock moved). */
  afterAdvance(): Promise<void>;
  /** Back to a fresh start: no associations, clients, metrics, faults or sessions. */
  resetAll(): Promise<void>;
}

const WEEK_MINUTES = 7 * 24 * 60;

const connectClientBody = z.strictObject({
  /** A demo user's key (their e-mail becomes the VPN user name) or any user name. */
  user: z.string().trim().min(1).max(128),
});
const advanceBody = z.strictObject({
  minutes: z.number().positive().max(WEEK_MINUTES),
});
const faultBody = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.enum(['unavailable', 'throttled']),
    operation: z.enum(CLIENT_VPN_OPERATIONS).optional(),
  }),
  z.strictObject({
    kind: z.literal('association-failed'),
    message: z.string().trim().min(1).max(500).optional(),
  }),
]);
const emptyBody = z.strictObject({});
const connectionId = z.string().regex(/^cvpn-connection-[0-9a-f]+$/);

/** The simulator controls under /_local: a page for demos and a JSON API for tests. */
export function simulatorRoutes(sim: Simulation) {
  const state = () => ({
    now: sim.clock.now().toISOString(),
    advancedMinutes: sim.clock.totalAdvancedMs / 60_000,
    associations: sim.vpn.inspectAssociations(),
    clients: sim.vpn.listClients(),
    routes: sim.vpn.inspectRoutes(),
    pendingFaults: sim.vpn.pendingFaults(),
    alarm: sim.alarm.state,
    users: sim.users.map(({ key, name, email }) => ({ key, name, email })),
  });

  const app = new Hono()
    .use(async (c, next) => {
      // Another site's page must not drive the simulator through the browser.
      const site = c.req.header('sec-fetch-site');
      if (c.req.method === 'POST' && site !== undefined && site !== 'same-origin') {
        return c.json(errorBody('cross_site_request', 'Cross-site request refused.'), 403);
      }
      return next();
    })
    .get('/', (c) => c.html(simulatorPage()))
    .get('/api/state', (c) => c.json(state()))
    .get('/api/clients', (c) => c.json({ clients: sim.vpn.listClients() }))
    .post('/api/clients', async (c) => {
      const { user } = await readJsonBody(c, connectClientBody);
      const demoUser = sim.users.find((candidate) => candidate.key === user);
      const client = sim.vpn.connectClient(demoUser?.email ?? user);
      return c.json({ client }, 201);
    })
    .post('/api/clients/:id/disconnect', async (c) => {
      await readJsonBody(c, emptyBody);
      const id = connectionId.safeParse(c.req.param('id'));
      if (!id.success) throw new InvalidRequestError('Not a connection id (cvpn-connection-…).');
      return c.json({ client: sim.vpn.disconnectClient(id.data) });
    })
    .post('/api/clock/advance', async (c) => {
      const { minutes } = await readJsonBody(c, advanceBody);
      sim.clock.advance(minutes * 60_000);
      await sim.afterAdvance();
      return c.json(state());
    })
    .post('/api/faults', async (c) => {
      const fault = await readJsonBody(c, faultBody);
      if (fault.kind === 'association-failed') {
        sim.vpn.failNextAssociation(
          fault.message ?? 'Simulated failure: the subnet has no free addresses.',
        );
      } else {
        sim.vpn.injectFault(
          fault.operation ? { kind: fault.kind, operation: fault.operation } : { kind: fault.kind },
        );
      }
      return c.json(state(), 201);
    })
    .post('/api/reset', async (c) => {
      await readJsonBody(c, emptyBody);
      await sim.resetAll();
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
