import { describe, expect, it } from 'vitest';
import { ManualClock } from '../adapters/local/manual-clock.js';
import { loadSettings } from '../config/settings.js';
import { connect } from '../core/connect.js';
import { reconcile } from '../core/live-state.js';
import { silentLogger } from '../logging/logger.js';
import { createLocalSimulation } from './local-simulation.js';
import { simulatorRoutes } from './simulator-routes.js';

function setUp() {
  const clock = new ManualClock({ start: new Date('2025-01-06T09:00:00Z'), runsInRealTime: false });
  const local = createLocalSimulation({
    settings: loadSettings({}, 'local'),
    logger: silentLogger,
    clock,
    associateMs: 1_000,
  });
  const app = simulatorRoutes(local.simulation);
  const post = (path: string, body: unknown = {}, headers: Record<string, string> = {}) =>
    app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  return { app, post, local, clock };
}

describe('simulator routes', () => {
  it('switches the endpoint to federated sign-in and back with a reset (issue 16)', async () => {
    const { post, local } = setUp();
    const response = await post('/api/client-config', { authentication: 'federated' });
    expect(response.status).toBe(200);
    expect((await response.json()).clientAuthentication).toBe('federated');
    expect((await local.vpnSetup.describeAuthentication()).kinds).toEqual(['federated']);
    expect(await local.vpnSetup.exportClientConfiguration()).toContain('auth-federate');

    expect((await (await post('/api/reset')).json()).clientAuthentication).toBe('mutual');
  });

  it('refuses an unknown authentication with 400 and keeps the current one', async () => {
    const { post, local } = setUp();
    const response = await post('/api/client-config', { authentication: 'saml' });
    expect(response.status).toBe(400);
    expect(local.vpnSetup.authentication).toBe('mutual');
  });

  it('queues a throttle for one operation and lists it in the state', async () => {
    const { post, local } = setUp();
    const response = await post('/api/faults', { kind: 'throttled', operation: 'associate' });
    expect(response.status).toBe(201);
    expect((await response.json()).pendingFaults).toEqual([
      { kind: 'throttled', operation: 'associate', caller: 'portal' },
    ]);
    await expect(local.deps.vpn.associate('subnet-0a1b2c3d4e5f60001', 't')).rejects.toMatchObject({
      code: 'aws_throttled',
    });
  });

  it('keeps a fault meant for the portal from the idle alarm handler that runs first', async () => {
    // The e2e story "opens the portal while AWS is unreachable" failed whenever the alarm
    // evaluator's handler read the endpoint between the injection and the page's first read.
    const { post, local } = setUp();
    await post('/api/faults', { kind: 'unavailable', operation: 'describeAssociations' });
    const state = await (await post('/api/clock/advance', { minutes: 35 })).json();
    expect(state.alarm.value).toBe('ALARM'); // the handler ran and read the endpoint
    await expect(local.deps.vpn.describeAssociations()).rejects.toMatchObject({
      code: 'aws_unavailable',
    });
  });

  it('fails the background functions only when the fault names them', async () => {
    const { post, local } = setUp();
    await post('/api/faults', { kind: 'throttled', caller: 'background' });
    await expect(local.deps.vpn.describeAssociations()).resolves.toEqual([]);
    await post('/api/clock/advance', { minutes: 35 });
    expect((await (await post('/api/clock/advance', { minutes: 1 })).json()).pendingFaults).toEqual(
      [],
    );
  });

  it.each(['sessions', 'metrics'] as const)(
    'turns an idle VPN off through the alarm with the %s unreadable, with one notice',
    async (witness) => {
      const { post, local, clock } = setUp();
      await connect(local.deps, 'minjun');
      clock.advance(1_000);
      await reconcile(local.deps);
      const down = await (await post('/api/outages', { witness, unavailable: true })).json();
      expect(down.outages).toEqual([witness]);

      const state = await (await post('/api/clock/advance', { minutes: 35 })).json();

      expect(state.alarm.value).toBe('ALARM');
      expect(state.associations.map((a: { status: string }) => a.status)).toEqual(
        local.deps.policy.subnetIds.map(() => 'disassociating'),
      );
      expect(state.notifications.map((n: { kind: string }) => n.kind)).toEqual(['auto-off']);
    },
  );

  it.each([5, 10, 15])(
    'turns an idle VPN off through the alarm, never the sweep, when the clock jumps %i minutes at a time',
    async (step) => {
      const { post, local, clock } = setUp();
      await connect(local.deps, 'minjun');
      clock.advance(1_000);
      await reconcile(local.deps);

      let state = await (await post('/api/clock/advance', { minutes: step })).json();
      for (let elapsed = step; elapsed < 120 && state.associations.length > 0; elapsed += step) {
        state = await (await post('/api/clock/advance', { minutes: step })).json();
        const off = state.associations.every((a: { status: string }) => a.status !== 'associated');
        if (off) break;
      }

      const kinds = state.notifications.map((n: { kind: string }) => n.kind);
      expect(kinds).toEqual(['auto-off']);
    },
  );

  it('refuses an unknown witness or a malformed pause with a 400, and forgets outages on reset', async () => {
    const { post } = setUp();
    expect((await post('/api/outages', { witness: 'ec2', unavailable: true })).status).toBe(400);
    expect((await post('/api/outages', { witness: 'sessions' })).status).toBe(400);
    expect((await post('/api/clock/pause', { paused: 'yes' })).status).toBe(400);
    expect((await post('/api/clock/pause', {})).status).toBe(400);
    await post('/api/outages', { witness: 'sessions', unavailable: true });
    expect((await (await post('/api/reset')).json()).outages).toEqual([]);
  });

  it('pauses the simulated clock so a short state stays put, and resumes it', async () => {
    const clock = new ManualClock({ start: new Date('2025-01-06T09:00:00Z') });
    const local = createLocalSimulation({
      settings: loadSettings({}, 'local'),
      logger: silentLogger,
      clock,
      associateMs: 1,
    });
    const app = simulatorRoutes(local.simulation);
    const pause = (paused: boolean) =>
      app.request('/api/clock/pause', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ paused }),
      });
    expect((await (await pause(true)).json()).clockPaused).toBe(true);
    await connect(local.deps, 'minjun');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await local.deps.vpn.describeAssociations()).map((a) => a.status)).toEqual(
      local.deps.policy.subnetIds.map(() => 'associating'),
    );
    expect((await (await pause(false)).json()).clockPaused).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await local.deps.vpn.describeAssociations()).map((a) => a.status)).toEqual(
      local.deps.policy.subnetIds.map(() => 'associated'),
    );
  });

  it('refuses unknown fault kinds and operations with a 400', async () => {
    const { post } = setUp();
    expect((await post('/api/faults', { kind: 'flood' })).status).toBe(400);
    expect((await post('/api/faults', { kind: 'throttled', caller: 'cron' })).status).toBe(400);
    expect((await post('/api/faults', { kind: 'unavailable', operation: 'reboot' })).status).toBe(
      400,
    );
    expect((await post('/api/faults', { kind: 'rejected', message: '' })).status).toBe(400);
    expect((await post('/api/clock/advance', { minutes: '5' })).status).toBe(400);
  });

  it('queues a refusal in AWS’s words, met by the next call it names', async () => {
    const { post, local } = setUp();
    const message = 'InvalidSubnetID.NotFound: The subnet ID does not exist.';
    const response = await post('/api/faults', {
      kind: 'rejected',
      operation: 'associate',
      message,
    });
    expect((await response.json()).pendingFaults).toEqual([
      { kind: 'rejected', operation: 'associate', caller: 'portal', message },
    ]);
    await expect(local.deps.vpn.associate('subnet-0a1b2c3d4e5f60001', 't')).rejects.toMatchObject({
      code: 'aws_rejected',
      message,
    });
  });

  it('moves the simulated clock and runs the alarm evaluation right away', async () => {
    const { post } = setUp();
    const state = await (await post('/api/clock/advance', { minutes: 35 })).json();
    expect(state.now).toBe('2025-01-06T09:35:00.000Z');
    expect(state.alarm.value).toBe('ALARM');
  });

  it('reports a missing connection as 404 and a malformed id as 400', async () => {
    const { post } = setUp();
    expect((await post('/api/clients/cvpn-connection-0abc/disconnect')).status).toBe(404);
    expect((await post('/api/clients/nope/disconnect')).status).toBe(400);
  });

  it('puts a client away (keepalives only) and back to work', async () => {
    const { post, local, clock } = setUp();
    await local.deps.vpn.associate('subnet-0a1b2c3d4e5f60001', 't');
    clock.advance(1_000);
    const { client } = await (await post('/api/clients', { user: 'minjun' })).json();
    const path = `/api/clients/${client.connectionId}/traffic`;

    expect((await post(path, { traffic: 'keepalive-only' })).status).toBe(200);
    const before = (await local.deps.vpn.describeConnections())[0]?.ingressBytes ?? 0;
    clock.advance(10 * 60_000);
    const after = (await local.deps.vpn.describeConnections())[0]?.ingressBytes ?? 0;
    expect(after - before).toBe(6_000);
    expect((await post(path, { traffic: 'working' })).status).toBe(200);

    expect((await post(path, { traffic: 'asleep' })).status).toBe(400);
    expect((await post('/api/clients/nope/traffic', { traffic: 'working' })).status).toBe(400);
    const unknown = await post('/api/clients/cvpn-connection-0abc/traffic', { traffic: 'working' });
    expect(unknown.status).toBe(404);
  });

  it('resets the endpoint, faults and alarm', async () => {
    const { post, app, local, clock } = setUp();
    await local.deps.vpn.associate('subnet-0a1b2c3d4e5f60001', 't');
    clock.advance(1_000);
    await post('/api/clients', { user: 'minjun' });
    await post('/api/faults', { kind: 'unavailable' });
    expect((await post('/api/reset')).status).toBe(200);
    const state = await (await app.request('/api/state')).json();
    expect(state).toMatchObject({ associations: [], clients: [], pendingFaults: [] });
    expect(state.alarm.value).toBe('OK');
  });

  it('refuses a request another site made the browser send', async () => {
    const { post } = setUp();
    const response = await post('/api/reset', {}, { 'sec-fetch-site': 'cross-site' });
    expect(response.status).toBe(403);
  });

  it('refuses a POST whose Origin is another site, even without Sec-Fetch-Site', async () => {
    const { post, clock } = setUp();
    const response = await post(
      '/api/clock/advance',
      { minutes: 35 },
      { origin: 'https://evil.example' },
    );
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('cross_site_request');
    expect(clock.totalAdvancedMs).toBe(0);
  });

  it('takes POSTs from its own page and from clients that send no Origin (tests, scripts)', async () => {
    const { post } = setUp();
    const own = { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' };
    expect((await post('/api/clock/advance', { minutes: 1 }, own)).status).toBe(200);
    expect((await post('/api/clock/advance', { minutes: 1 })).status).toBe(200);
  });

  it('refuses a body larger than a few KB with 413', async () => {
    const { post } = setUp();
    const response = await post('/api/faults', {
      kind: 'association-failed',
      message: 'x'.repeat(5_000),
    });
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe('payload_too_large');
  });
});
