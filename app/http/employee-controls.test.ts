import { describe, expect, it } from 'vitest';
import { silentLogger } from '../logging/logger.js';
import { ASSOCIATE_MS, type TestCoreDeps, testCoreDeps } from '../testing/core-deps.js';
import { oneEndpointPortal } from '../testing/portal-settings.js';
import { createTestAuth, testEmployee } from '../testing/test-keys.js';
import type { ErrorBody, StatusBody, VpnClientBody } from './api-types.js';
import { createApp } from './create-app.js';

const ORIGIN = 'https://vpn.example.com';
const auth = createTestAuth();
const MINA = testEmployee.email;

function portal(deps: TestCoreDeps = testCoreDeps()) {
  const app = createApp({
    ...oneEndpointPortal(deps),
    auth: auth.verifier,
    logger: silentLogger,
    webRoot: null,
  });
  return { app, deps };
}

type App = ReturnType<typeof portal>['app'];

function post(
  app: App,
  path: string,
  body = '{}',
  site: 'same-origin' | 'cross-site' = 'same-origin',
) {
  return app.request(`${ORIGIN}${path}`, {
    method: 'POST',
    body,
    headers: {
      host: 'vpn.example.com',
      ...auth.headersFor(testEmployee, ['staff']),
      'content-type': 'application/json',
      origin: site === 'same-origin' ? ORIGIN : 'https://evil.example.net',
      'sec-fetch-site': site,
    },
  });
}

async function readyWith(deps: TestCoreDeps, ...connected: string[]) {
  const { connect } = await import('../core/connect.js');
  await connect(deps, MINA);
  deps.clock.advance(ASSOCIATE_MS);
  for (const user of connected) deps.simulator.connectClient(user);
}

describe('GET /api/vpn-client (issue 16)', () => {
  it('says what to open next per language and the longest Keep it on', async () => {
    const { app } = portal();
    const response = await app.request(`${ORIGIN}/api/vpn-client`, {
      headers: { host: 'vpn.example.com', ...auth.headersFor(testEmployee, ['staff']) },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual<VpnClientBody>({
      openNext: { ko: 'WorkSpaces', ja: 'WorkSpaces', en: 'WorkSpaces' },
      keepOnMaxHours: 4,
    });
  });
});

describe('POST /api/done (issue 16)', () => {
  it('turns the VPN off for an employee who is alone: 202 and the stopping status', async () => {
    const { app, deps } = portal();
    await readyWith(deps, MINA);
    const response = await post(app, '/api/done');
    expect(response.status).toBe(202);
    expect(((await response.json()) as StatusBody).state).toBe('stopping');
    expect(await deps.store.recent(1)).toEqual([expect.objectContaining({ endReason: 'done' })]);
  });

  it('answers 409 others_using with a count, not names, and changes nothing', async () => {
    const { app, deps } = portal();
    await readyWith(deps, MINA, 'kenji@example.com');
    const response = await post(app, '/api/done');
    expect(response.status).toBe(409);
    const body = (await response.json()) as ErrorBody;
    expect(body.error).toMatchObject({ code: 'others_using', othersUsing: 1 });
    expect(JSON.stringify(body)).not.toContain('kenji');
    expect(deps.vpn.calls.disassociate).toBe(0);
  });

  it.each([
    ['a cross-site POST', '{}', 'cross-site', 403],
    ['a body with parameters', '{"force": true}', 'same-origin', 400],
  ] as const)('refuses %s and changes nothing', async (_case, body, site, status) => {
    const { app, deps } = portal();
    await readyWith(deps, MINA);
    expect((await post(app, '/api/done', body, site)).status).toBe(status);
    expect(deps.vpn.calls.disassociate).toBe(0);
  });
});

describe('POST /api/keep-on (issue 16)', () => {
  function keepOnPortal() {
    return portal(testCoreDeps({ policy: { keepOnMaxHours: 4 } }));
  }

  it('holds the VPN on one more hour: 200 with the moved countdown', async () => {
    const { app, deps } = keepOnPortal();
    await readyWith(deps);
    const response = await post(app, '/api/keep-on', '{"hours": 1}');
    expect(response.status).toBe(200);
    const body = (await response.json()) as StatusBody;
    const hour = new Date(deps.clock.now().getTime() + 3_600_000).toISOString();
    expect(body).toMatchObject({ keptOnUntil: hour, autoDisconnectAt: hour });
  });

  it.each([
    ['an unknown hold length', '{"hours": 3}', 'same-origin', 400],
    ['a hold length that is not a number', '{"hours": "1"}', 'same-origin', 400],
    ['a cross-site POST', '{"hours": 1}', 'cross-site', 403],
  ] as const)('refuses %s and changes nothing', async (_case, body, site, status) => {
    const { app, deps } = keepOnPortal();
    await readyWith(deps);
    const before = await deps.store.getOpen();
    expect((await post(app, '/api/keep-on', body, site)).status).toBe(status);
    expect(await deps.store.getOpen()).toEqual(before);
  });

  it('refuses a hold above the maximum with 400 and keeps the earlier hold', async () => {
    const { app, deps } = keepOnPortal();
    await readyWith(deps);
    expect((await post(app, '/api/keep-on', '{"hours": 2}')).status).toBe(200);
    expect((await post(app, '/api/keep-on', '{"hours": 2}')).status).toBe(200);
    const before = await deps.store.getOpen();
    const response = await post(app, '/api/keep-on', '{"hours": 1}');
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.message).toContain('at most 4 hours');
    expect(await deps.store.getOpen()).toEqual(before);
  });
});
