import { describe, expect, it } from 'vitest';
import type { Settings } from '../config/settings.js';
import { silentLogger } from '../logging/logger.js';
import { ASSOCIATE_MS, type TestCoreDeps, testCoreDeps } from '../testing/core-deps.js';
import { testEndpointSettings, testPortalSettings } from '../testing/portal-settings.js';
import { createTestAuth, TEST_ADMIN_GROUP, testAdmin, testEmployee } from '../testing/test-keys.js';
import type {
  AdminEndpointsBody,
  AdminSessionsBody,
  EndpointsBody,
  ErrorBody,
  StatusBody,
} from './api-types.js';
import { createApp } from './create-app.js';

// Issue 18: one portal, two endpoints. Seoul is everyone's and first; Staging only developers'.

const ORIGIN = 'https://vpn.example.com';
const auth = createTestAuth();
const SEOUL = testEndpointSettings({
  key: 'seoul',
  names: { ko: '서울 사무실', ja: 'ソウル事務所', en: 'Seoul office' },
});
const STAGING = testEndpointSettings({
  key: 'staging',
  endpointId: 'cvpn-endpoint-0123456789abcdef1',
  names: { ko: '스테이징', ja: 'ステージング', en: 'Staging' },
  subnetIds: ['subnet-0a1b2c3d4e5f60011'],
  idleAlarmName: 'vpn-portal-idle-staging',
  groups: ['developers'],
});

function portal(endpoints = [SEOUL, STAGING]) {
  const settings: Settings = { ...testPortalSettings, endpoints };
  // Each its own simulated endpoint and store; both clocks start at the same instant.
  const seoul = testCoreDeps();
  const staging = testCoreDeps({ policy: { subnetIds: [...STAGING.subnetIds] } });
  const deps = [seoul, staging].slice(0, endpoints.length);
  const app = createApp({
    settings,
    endpoints: endpoints.map((endpoint, index) => ({
      settings: endpoint,
      deps: deps[index] as TestCoreDeps,
    })),
    auth: auth.verifier,
    logger: silentLogger,
    webRoot: null,
  });
  return { app, seoul, staging };
}

type App = ReturnType<typeof portal>['app'];
type As = 'employee' | 'developer' | 'admin';

function headersFor(as: As): Record<string, string> {
  if (as === 'admin') return auth.headersFor(testAdmin, [TEST_ADMIN_GROUP]);
  return auth.headersFor(testEmployee, as === 'developer' ? ['staff', 'developers'] : ['staff']);
}

function get(app: App, path: string, as: As = 'employee') {
  return app.request(`${ORIGIN}${path}`, {
    headers: { host: 'vpn.example.com', ...headersFor(as) },
  });
}

function post(app: App, path: string, as: As = 'employee') {
  return app.request(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: {
      host: 'vpn.example.com',
      origin: ORIGIN,
      'sec-fetch-site': 'same-origin',
      'content-type': 'application/json',
      ...headersFor(as),
    },
    body: '{}',
  });
}

async function errorCode(response: Response): Promise<[number, string]> {
  return [response.status, ((await response.json()) as ErrorBody).error.code];
}

describe('GET /api/endpoints', () => {
  it('lists only the endpoints the user may use, in the settings’ order before any use', async () => {
    const { app } = portal();

    const employee = (await (await get(app, '/api/endpoints')).json()) as EndpointsBody;
    const developer = (await (
      await get(app, '/api/endpoints', 'developer')
    ).json()) as EndpointsBody;
    // Administrators use the employee routes under the same group rule.
    const admin = (await (await get(app, '/api/endpoints', 'admin')).json()) as EndpointsBody;

    expect(employee).toEqual({
      endpoints: [{ key: 'seoul', names: SEOUL.names, lastUsedAt: null }],
    });
    expect(developer.endpoints.map((endpoint) => endpoint.key)).toEqual(['seoul', 'staging']);
    expect(admin.endpoints.map((endpoint) => endpoint.key)).toEqual(['seoul']);
  });

  it('puts the endpoint the user used last first', async () => {
    const { app, staging } = portal();
    expect((await post(app, '/api/endpoints/staging/connect', 'developer')).status).toBe(202);

    const body = (await (await get(app, '/api/endpoints', 'developer')).json()) as EndpointsBody;

    expect(body.endpoints).toEqual([
      { key: 'staging', names: STAGING.names, lastUsedAt: staging.clock.now().toISOString() },
      { key: 'seoul', names: SEOUL.names, lastUsedAt: null },
    ]);
  });
});

describe('/api/endpoints/:key/…', () => {
  it('connects the endpoint named, and only it', async () => {
    const { app, seoul, staging } = portal();

    const response = await post(app, '/api/endpoints/staging/connect', 'developer');
    staging.clock.advance(ASSOCIATE_MS);

    expect(response.status).toBe(202);
    expect(staging.vpn.calls.associate).toBe(STAGING.subnetIds.length);
    expect(seoul.vpn.calls.associate).toBe(0);
    const status = (await (
      await get(app, '/api/endpoints/staging/status', 'developer')
    ).json()) as StatusBody;
    expect(status.state).toBe('ready');
    expect(((await (await get(app, '/api/status')).json()) as StatusBody).state).toBe('off');
  });

  it('answers 403 endpoint_forbidden to a user outside its groups, and touches nothing', async () => {
    const { app, staging } = portal();

    for (const response of [
      await get(app, '/api/endpoints/staging/status'),
      await post(app, '/api/endpoints/staging/connect'),
      await post(app, '/api/endpoints/staging/done'),
      await get(app, '/api/endpoints/staging/setup'),
    ]) {
      expect(await errorCode(response)).toEqual([403, 'endpoint_forbidden']);
    }
    expect(staging.vpn.describeCalls() + staging.vpn.calls.associate).toBe(0);
  });

  it('answers 404 endpoint_not_found for a key no endpoint has', async () => {
    const { app } = portal();

    expect(await errorCode(await get(app, '/api/endpoints/tokyo/status', 'developer'))).toEqual([
      404,
      'endpoint_not_found',
    ]);
  });

  it('answers 403 on today’s routes when the first endpoint is not the user’s', async () => {
    const { app, staging } = portal([STAGING]);

    expect(await errorCode(await get(app, '/api/status'))).toEqual([403, 'endpoint_forbidden']);
    expect(await errorCode(await post(app, '/api/connect'))).toEqual([403, 'endpoint_forbidden']);
    expect(staging.vpn.calls.associate).toBe(0);
  });
});

describe('the admin routes per endpoint', () => {
  it('lets an administrator turn one endpoint off while the other stays ready', async () => {
    const { app, seoul, staging } = portal();
    await post(app, '/api/connect');
    await post(app, '/api/endpoints/staging/connect', 'developer');
    seoul.clock.advance(ASSOCIATE_MS);
    staging.clock.advance(ASSOCIATE_MS);

    expect((await post(app, '/api/endpoints/staging/disconnect', 'admin')).status).toBe(202);

    expect(staging.vpn.calls.disassociate).toBe(STAGING.subnetIds.length);
    expect(seoul.vpn.calls.disassociate).toBe(0);
    expect(((await (await get(app, '/api/status')).json()) as StatusBody).state).toBe('ready');
    expect(
      await errorCode(await post(app, '/api/endpoints/staging/disconnect', 'developer')),
    ).toEqual([403, 'not_admin']);
  });

  it("lists each endpoint's sessions, and every endpoint with the month's total", async () => {
    const { app } = portal();
    await post(app, '/api/endpoints/staging/connect', 'developer');

    const stagingSessions = (await (
      await get(app, '/api/admin/endpoints/staging/sessions', 'admin')
    ).json()) as AdminSessionsBody;
    const seoulSessions = (await (
      await get(app, '/api/admin/sessions', 'admin')
    ).json()) as AdminSessionsBody;
    const overview = (await (
      await get(app, '/api/admin/endpoints', 'admin')
    ).json()) as AdminEndpointsBody;

    expect(stagingSessions.sessions).toHaveLength(1);
    expect(seoulSessions.sessions).toEqual([]);
    expect(
      overview.endpoints.map(({ key, state, connections }) => ({ key, state, connections })),
    ).toEqual([
      { key: 'seoul', state: 'off', connections: 0 },
      { key: 'staging', state: 'starting', connections: 0 },
    ]);
    expect(overview.total.month.alwaysOnCostUsd).toBeCloseTo(
      (overview.endpoints[0]?.month.alwaysOnCostUsd ?? 0) +
        (overview.endpoints[1]?.month.alwaysOnCostUsd ?? 0),
      2,
    );
    expect(await errorCode(await get(app, '/api/admin/endpoints'))).toEqual([403, 'not_admin']);
  });
});
