import { describe, expect, it } from 'vitest';
import { autoDisconnect } from '../core/auto-disconnect.js';
import { silentLogger } from '../logging/logger.js';
import { ASSOCIATE_MS, testCoreDeps } from '../testing/core-deps.js';
import { oneEndpointPortal } from '../testing/portal-settings.js';
import { createTestAuth, TEST_ADMIN_GROUP, testAdmin, testEmployee } from '../testing/test-keys.js';
import type { AdminSessionsBody, StatusBody } from './api-types.js';
import { createApp } from './create-app.js';

// Issue 14, item 4: the status and admin bodies say why the portal ended a connection.

const ORIGIN = 'https://vpn.example.com';
const auth = createTestAuth();

function portal() {
  const deps = testCoreDeps();
  const app = createApp({
    ...oneEndpointPortal(deps),
    auth: auth.verifier,
    logger: silentLogger,
    webRoot: null,
  });
  return { app, deps };
}

type App = ReturnType<typeof portal>['app'];
type As = 'employee' | 'colleague' | 'admin';

async function getJson<T>(app: App, path: string, as: As = 'employee'): Promise<T> {
  const headers =
    as === 'admin'
      ? auth.headersFor(testAdmin, [TEST_ADMIN_GROUP])
      : as === 'colleague'
        ? auth.headersFor({ ...testEmployee, sub: 'colleague', email: 'jun@example.com' }, [])
        : auth.headersFor(testEmployee, ['staff']);
  const response = await app.request(`${ORIGIN}${path}`, {
    headers: { host: 'vpn.example.com', ...headers },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

/** The employee's client, left connected with keepalives only until the sweep ended it. */
async function endedForNoTraffic() {
  const { app, deps } = portal();
  const tap = await app.request(`${ORIGIN}/api/connect`, {
    method: 'POST',
    headers: {
      host: 'vpn.example.com',
      origin: ORIGIN,
      'sec-fetch-site': 'same-origin',
      'content-type': 'application/json',
      ...auth.headersFor(testEmployee, ['staff']),
    },
    body: '{}',
  });
  expect(tap.status).toBe(202);
  deps.clock.advance(ASSOCIATE_MS);
  // The VPN client names her as the portal does: by e-mail, in any case.
  const client = deps.simulator.connectClient(testEmployee.email.toUpperCase(), 'keepalive-only');
  await getJson<StatusBody>(app, '/api/status');
  for (let minute = 15; minute <= 60; minute += 15) {
    deps.advanceMinutes(15);
    await autoDisconnect(deps, 'sweep');
  }
  deps.advanceMinutes(1); // past the status cache
  return { app, deps, client };
}

describe('a connection the portal ended for no traffic', () => {
  it('is shown to its owner on GET /api/status, with the quiet time', async () => {
    const { app, deps } = await endedForNoTraffic();

    const body = await getJson<StatusBody>(app, '/api/status');

    expect(body.state).toBe('ready');
    expect(body.connectionEnded).toEqual({
      reason: 'no-traffic',
      quietMinutes: 60,
      endedAt: new Date(deps.clock.now().getTime() - 60_000).toISOString(),
    });
    expect(JSON.stringify(body)).not.toContain('quietEnds');
  });

  it('is not shown to anyone else, nor names its owner to them', async () => {
    const { app } = await endedForNoTraffic();

    const body = await getJson<StatusBody>(app, '/api/status', 'colleague');

    expect(body.connectionEnded).toBeNull();
    expect(JSON.stringify(body)).not.toContain(testEmployee.email.toUpperCase());
  });

  it('is no longer shown once its owner is connected again', async () => {
    const { app, deps } = await endedForNoTraffic();
    deps.simulator.connectClient(testEmployee.email);
    deps.advanceMinutes(1);

    expect((await getJson<StatusBody>(app, '/api/status')).connectionEnded).toBeNull();
  });

  it('says why it ended in the administrators’ connection list', async () => {
    const { app, client } = await endedForNoTraffic();

    const body = await getJson<AdminSessionsBody>(app, '/api/admin/sessions', 'admin');

    expect(body.connections).toEqual([
      expect.objectContaining({
        connectionId: client.connectionId,
        status: 'terminated',
        endedFor: { reason: 'no-traffic', quietMinutes: 60 },
      }),
    ]);
  });
});
