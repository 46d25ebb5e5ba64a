import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AdminSessionsBody, EndpointsBody, SetupBody, StatusBody } from '../http/api-types.js';
import { silentLogger } from '../logging/logger.js';
import { localBrowser } from '../testing/local-browser.js';
import { type LocalServer, startLocalServer } from './local-server.js';

let server: LocalServer | undefined;

async function startServer(dataFile?: string) {
  server = await startLocalServer({
    ...(dataFile ? { dataFile } : {}),
    port: 0,
    associateSeconds: 0.5,
    disassociateSeconds: 1,
    logger: silentLogger,
    webRoot: null,
    statusCacheMs: 100,
  });
  return server;
}

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('local server', () => {
  it('sends every path to the sign-in page until someone signs in', async () => {
    const { url } = await startServer();
    const visitor = localBrowser(url);
    for (const path of ['/', '/api/status', '/signout']) {
      const response = await visitor.request(path);
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe(
        `/_local/signin?return=${encodeURIComponent(path)}`,
      );
    }
    expect((await visitor.request('/_local/signin')).status).toBe(200);
    expect((await visitor.request('/_local')).status).toBe(200);
    expect((await visitor.request('/_local/')).headers.get('location')).toBe('/_local');
    expect((await visitor.signIn('nobody')).status).toBe(400);
  });

  it('turns the VPN on, lets a client come and go, then switches it off when idle', async () => {
    const { url } = await startServer();
    const employee = localBrowser(url);
    const signIn = await employee.signIn('minjun');
    expect(signIn.status).toBe(302);
    const me = await (await employee.request('/api/me')).json();
    expect(me).toMatchObject({ user: { name: '김민준' }, isAdmin: false });

    const connect = await employee.postJson('/api/connect');
    expect(connect.status).toBe(202);
    expect(((await connect.json()) as StatusBody).state).toBe('starting');
    await employee.waitFor((status) => status.state === 'ready');

    const joined = await employee.postJson('/_local/api/clients', { user: 'minjun' });
    expect(joined.status).toBe(201);
    const { client } = (await joined.json()) as { client: { connectionId: string } };
    await employee.waitFor((status) => status.activeConnections === 1);
    const left = await employee.postJson(`/_local/api/clients/${client.connectionId}/disconnect`);
    expect(left.status).toBe(200);
    await employee.waitFor((status) => status.activeConnections === 0);

    const advanced = await employee.postJson('/_local/api/clock/advance', { minutes: 40 });
    expect(advanced.status).toBe(200);
    expect(((await advanced.json()) as { alarm: { value: string } }).alarm.value).toBe('ALARM');
    await employee.waitFor((status) => status.state === 'off');

    const admin = localBrowser(url);
    await admin.signIn('admin');
    const report = (await (await admin.request('/api/admin/sessions')).json()) as AdminSessionsBody;
    expect(report.sessions[0]).toMatchObject({ endReason: 'idle' });
    expect(report.sessions[0]?.endedAt).not.toBeNull();
    expect((await employee.request('/api/admin/sessions')).status).toBe(403);
  });

  it('ends ready when someone connects while the VPN is stopping', async () => {
    const { url } = await startServer();
    const employee = localBrowser(url);
    await employee.signIn('hanako');
    await employee.postJson('/api/connect');
    await employee.waitFor((status) => status.state === 'ready');

    await employee.postJson('/_local/api/clock/advance', { minutes: 40 });
    expect((await employee.status()).state).toBe('stopping');
    const connect = await employee.postJson('/api/connect');
    expect(connect.status).toBe(202);
    expect(((await connect.json()) as StatusBody).connectQueued).toBe(true);

    const ready = await employee.waitFor((status) => status.state === 'ready');
    expect(ready.associations.every((a) => a.status === 'associated')).toBe(true);
  });

  it('lists a refused start among the simulator’s notices, with the reference the employee saw', async () => {
    const { url } = await startServer();
    const employee = localBrowser(url);
    await employee.signIn('minjun');
    const refusal = 'InvalidSubnetID.NotFound: The subnet ID does not exist.';
    const fault = await employee.postJson('/_local/api/faults', {
      kind: 'rejected',
      operation: 'associate',
      message: refusal,
    });
    expect(fault.status).toBe(201);

    const connect = await employee.postJson('/api/connect');

    expect(connect.status).toBe(502);
    const { error } = (await connect.json()) as { error: { code: string; requestId: string } };
    expect(error.code).toBe('aws_rejected');
    const { notifications } = (await (
      await employee.request('/_local/api/notifications')
    ).json()) as { notifications: { kind: string; subject: string; text: string }[] };
    expect(notifications).toEqual([
      expect.objectContaining({
        kind: 'start-failed',
        subject: 'VPN start for minjun.kim@example.com refused by AWS',
        text: expect.stringContaining(refusal),
      }),
    ]);
    expect(notifications[0]?.text).toContain(`reference ${error.requestId}`);
  });

  it('lists an administrator’s Disconnect now among the notices, naming them', async () => {
    const { url } = await startServer();
    const employee = localBrowser(url);
    await employee.signIn('emma');
    await employee.postJson('/api/connect');
    await employee.waitFor((status) => status.state === 'ready');
    const admin = localBrowser(url);
    await admin.signIn('admin');

    expect((await admin.postJson('/api/disconnect')).status).toBe(202);

    const { notifications } = (await (await admin.request('/_local/api/notifications')).json()) as {
      notifications: { kind: string; subject: string; text: string }[];
    };
    expect(notifications.map((n) => n.kind)).toEqual(['admin-off']);
    expect(notifications[0]?.subject).toMatch(/^VPN turned off by alex\.admin@example\.com after /);
    expect(notifications[0]?.text).toContain('by emma.wilson@example.com');
  });

  it('shows the last status with its age while the simulated EC2 throttles', async () => {
    const { url } = await startServer();
    const employee = localBrowser(url);
    await employee.signIn('emma');
    const before = await employee.status();
    expect(before.state).toBe('off');

    await employee.postJson('/_local/api/faults', { kind: 'throttled' });
    await employee.postJson('/_local/api/clock/advance', { minutes: 40 / 60 });
    const during = await employee.status();

    expect(during).toMatchObject({ state: 'off', error: null, asOf: before.asOf });
    const ageMs = Date.parse(during.serverTime) - Date.parse(during.asOf ?? '');
    expect(ageMs).toBeGreaterThanOrEqual(40_000);
    expect(ageMs).toBeLessThan(45_000);
  });

  it('forgets the status of the world before a simulator reset', async () => {
    const { url } = await startServer();
    const employee = localBrowser(url);
    await employee.signIn('emma');
    await employee.postJson('/api/connect');
    expect((await employee.status()).state).toBe('starting');

    await employee.postJson('/_local/api/reset');
    await employee.postJson('/_local/api/faults', { kind: 'unavailable' });
    const after = await employee.status();

    // Not the `starting` of before the reset: the new world could not be read.
    expect(after).toMatchObject({ state: 'error', error: { code: 'aws_unavailable' } });
  });

  it('answers bad simulator input with a 400 JSON error', async () => {
    const { url } = await startServer();
    const visitor = localBrowser(url);
    const response = await visitor.postJson('/_local/api/clock/advance', { minutes: -5 });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_request' } });
    const noClient = await visitor.postJson('/_local/api/clients', { user: 'kim' });
    expect(noClient.status).toBe(409);
  });

  it('serves the simulated endpoint’s configuration and shows a switch to federated at once (issue 16)', async () => {
    const { url } = await startServer();
    const employee = localBrowser(url);
    await employee.signIn('minjun');
    const file = await employee.request('/api/client-config');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/x-openvpn-profile');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.ovpn"$/);
    expect(await file.text()).toContain('<ca>');
    expect(
      ((await (await employee.request('/api/setup')).json()) as SetupBody).authentication,
    ).toEqual(['certificate']);

    await employee.postJson('/_local/api/client-config', { authentication: 'federated' });
    const setup = (await (await employee.request('/api/setup')).json()) as SetupBody;
    expect(setup).toMatchObject({ authentication: ['federated'], usableWithOpenVpnConnect: false });
    expect(await (await employee.request('/api/client-config')).text()).toContain('auth-federate');
  });

  it('signs out through the portal and lands on the sign-in page', async () => {
    const { url } = await startServer();
    const employee = localBrowser(url);
    await employee.signIn('emma');
    const signout = await employee.request('/signout');
    expect(signout.status).toBe(302);
    expect(signout.headers.get('location')).toBe('/_local/signout');
    const local = await employee.request('/_local/signout');
    expect(local.headers.get('location')).toBe('/_local/signin');
    expect((await employee.request('/api/me')).status).toBe(302);
  });

  it('keeps the session history in LOCAL_DATA_FILE across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vpn-local-'));
    try {
      const dataFile = join(dir, 'sessions.json');
      const first = localBrowser((await startServer(dataFile)).url);
      await first.signIn('minjun');
      await first.postJson('/api/connect');
      await first.waitFor((status) => status.state === 'ready');
      await server?.close();

      const admin = localBrowser((await startServer(dataFile)).url);
      await admin.signIn('admin');
      expect((await admin.status()).state).toBe('off');
      const report = (await (
        await admin.request('/api/admin/sessions')
      ).json()) as AdminSessionsBody;
      expect(report.sessions).toHaveLength(1);
      expect(report.sessions[0]).toMatchObject({ endReason: 'external' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says plainly when the port is taken', async () => {
    const first = await startServer();
    const port = Number(new URL(first.url).port);
    await expect(startLocalServer({ port, logger: silentLogger })).rejects.toThrow(
      `Cannot start the local server: port ${port} is already in use`,
    );
  });
});

describe('local server with two simulated endpoints (issue 18)', () => {
  it('lets the developer connect Staging while Seoul office stays off, and keeps Staging from others', async () => {
    const { url } = await startServer();
    const developer = localBrowser(url);
    await developer.signIn('seojun');
    const employee = localBrowser(url);
    await employee.signIn('minjun');

    const listed = (await (await developer.request('/api/endpoints')).json()) as EndpointsBody;
    expect(listed.endpoints.map((endpoint) => endpoint.names.en)).toEqual([
      'Seoul office',
      'Staging',
    ]);
    const connect = await developer.postJson('/api/endpoints/staging/connect');
    expect(connect.status).toBe(202);

    const simulator = (await (
      await developer.request('/_local/api/state?endpoint=staging')
    ).json()) as {
      endpoint: string;
      associations: unknown[];
      endpoints: { key: string; associations: unknown[] }[];
    };
    expect(simulator.endpoint).toBe('staging');
    expect(simulator.associations).toHaveLength(2);
    expect(simulator.endpoints.find((each) => each.key === 'seoul')?.associations).toEqual([]);
    expect(((await (await employee.request('/api/status')).json()) as StatusBody).state).toBe(
      'off',
    );

    const mine = (await (await employee.request('/api/endpoints')).json()) as EndpointsBody;
    expect(mine.endpoints.map((endpoint) => endpoint.key)).toEqual(['seoul']);
    expect((await employee.request('/api/endpoints/staging/status')).status).toBe(403);
  });
});
