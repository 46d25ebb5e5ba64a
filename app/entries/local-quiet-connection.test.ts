import { afterEach, describe, expect, it } from 'vitest';
import type { Notification } from '../core/model/notices.js';
import type { AdminSessionsBody } from '../http/api-types.js';
import { silentLogger } from '../logging/logger.js';
import { localBrowser } from '../testing/local-browser.js';
import { type LocalServer, startLocalServer } from './local-server.js';

// Issue 14, item 4, over HTTP only: an iPad put away with its VPN app connected no longer
// keeps the VPN on all night, and someone working is never cut off.

interface Client {
  connectionId: string;
  status: string;
}

let server: LocalServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The VPN ready and emma's client connected, seen by her page; the default quiet time (60). */
async function connectedClient() {
  server = await startLocalServer({
    port: 0,
    env: { IDLE_TIMEOUT_MINUTES: '30' },
    associateSeconds: 0.5,
    disassociateSeconds: 1,
    logger: silentLogger,
    webRoot: null,
    statusCacheMs: 100,
  });
  const emma = localBrowser(server.url);
  await emma.signIn('emma');
  expect((await emma.postJson('/api/connect')).status).toBe(202);
  await emma.waitFor((status) => status.state === 'ready');
  const joined = await emma.postJson('/_local/api/clients', { user: 'emma' });
  expect(joined.status).toBe(201);
  const { client } = (await joined.json()) as { client: Client };
  await emma.waitFor((status) => status.activeConnections === 1);
  const clientStatus = async () => {
    const { clients } = await emma.json<{ clients: Client[] }>('/_local/api/clients');
    return clients.find((c) => c.connectionId === client.connectionId)?.status;
  };
  const notices = async () =>
    (await emma.json<{ notifications: Notification[] }>('/_local/api/notifications')).notifications;
  return { emma, client, clientStatus, notices };
}

describe('local server with a client left connected', () => {
  it('ends a put-away client after the quiet time, says why, and then turns the VPN off', async () => {
    const { emma, client, clientStatus, notices } = await connectedClient();
    const putAway = await emma.postJson(`/_local/api/clients/${client.connectionId}/traffic`, {
      traffic: 'keepalive-only',
    });
    expect(putAway.status).toBe(200);

    // The sweep runs once per 15 simulated minutes, as the EventBridge schedule does.
    for (let minutes = 15; minutes <= 45; minutes += 15) {
      await emma.advance(15);
      expect(await clientStatus(), `after ${minutes} min`).toBe('active');
    }
    await emma.advance(15);
    await emma.advance(15);

    expect(await clientStatus()).toBe('terminated');
    const ended = await emma.waitFor((status) => status.connectionEnded !== null);
    expect(ended).toMatchObject({
      state: 'ready',
      activeConnections: 0,
      connectionEnded: { reason: 'no-traffic', quietMinutes: 60 },
    });
    expect((await notices()).map((n) => n.kind)).toEqual(['quiet-connection-ended']);
    const admin = localBrowser(server?.url ?? '');
    await admin.signIn('admin');
    const report = await admin.json<AdminSessionsBody>('/api/admin/sessions');
    expect(report.connections).toEqual([
      expect.objectContaining({
        connectionId: client.connectionId,
        endedFor: { reason: 'no-traffic', quietMinutes: 60 },
      }),
    ]);

    // The usual idle rule follows, counted from that end.
    expect((await emma.advance(35)).alarm.value).toBe('ALARM');
    await emma.advance(1);
    await emma.waitFor((status) => status.state === 'off');
    expect((await notices()).map((n) => n.kind)).toEqual(['quiet-connection-ended', 'auto-off']);
  });

  it('never ends a client that keeps working over the same hours', async () => {
    const { emma, clientStatus, notices } = await connectedClient();

    for (let minutes = 15; minutes <= 120; minutes += 15) await emma.advance(15);

    expect(await clientStatus()).toBe('active');
    expect(await emma.status()).toMatchObject({
      state: 'ready',
      activeConnections: 1,
      connectionEnded: null,
    });
    expect(await notices()).toEqual([]);
  });
});
