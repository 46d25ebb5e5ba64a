import { describe, expect, it, vi } from 'vitest';
import { InMemoryStatusSnapshots } from '../adapters/local/in-memory-status-snapshots.js';
import { createJsonLogger, type Logger, silentLogger } from '../logging/logger.js';
import type { StatusSnapshotStore } from '../ports/status-snapshots.js';
import { albEvent } from '../testing/alb-event.js';
import {
  ASSOCIATE_MS,
  TEST_SUBNETS,
  type TestCoreDeps,
  testCoreDeps,
} from '../testing/core-deps.js';
import { lambdaContext } from '../testing/lambda-context.js';
import { oneEndpointPortal, testPortalSettings } from '../testing/portal-settings.js';
import {
  albAuthHeaders,
  createForger,
  createTestAuth,
  TEST_ADMIN_GROUP,
  testAdmin,
  testEmployee,
} from '../testing/test-keys.js';
import type { AdminSessionsBody, ErrorBody, MeBody, StatusBody } from './api-types.js';
import { createApp } from './create-app.js';
import { albHandler } from './lambda/alb-handler.js';

const ORIGIN = 'https://vpn.example.com';
const auth = createTestAuth();

const settings = testPortalSettings;

function portal(
  deps: TestCoreDeps = testCoreDeps(),
  logger: Logger = silentLogger,
  snapshots: StatusSnapshotStore = new InMemoryStatusSnapshots(),
) {
  const app = createApp({
    ...oneEndpointPortal(deps, { snapshots }, settings),
    auth: auth.verifier,
    logger,
    webRoot: null,
  });
  return { app, deps, snapshots };
}

/** Every call the status snapshot store was asked to make. */
function snapshotCalls(snapshots: StatusSnapshotStore) {
  return (['read', 'lease', 'publish', 'fail'] as const).map((method) =>
    vi.spyOn(snapshots, method),
  );
}

type As = 'employee' | 'admin' | 'nobody';

function headersFor(as: As): Record<string, string> {
  if (as === 'nobody') return {};
  return as === 'admin'
    ? auth.headersFor(testAdmin, [TEST_ADMIN_GROUP])
    : auth.headersFor(testEmployee, ['staff']);
}

function get(app: ReturnType<typeof portal>['app'], path: string, as: As = 'employee') {
  return app.request(`${ORIGIN}${path}`, {
    headers: { host: 'vpn.example.com', ...headersFor(as) },
  });
}

/** A POST as the SPA sends it: same origin, JSON. */
function post(
  app: ReturnType<typeof portal>['app'],
  path: string,
  options: { as?: As; headers?: Record<string, string>; body?: string } = {},
) {
  return app.request(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: {
      host: 'vpn.example.com',
      origin: ORIGIN,
      'sec-fetch-site': 'same-origin',
      'content-type': 'application/json',
      ...headersFor(options.as ?? 'employee'),
      ...options.headers,
    },
    body: options.body ?? '{}',
  });
}

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as ErrorBody;
  expect(body).toEqual({
    error: { code, message: expect.any(String), requestId: response.headers.get('x-request-id') },
  });
  expect(body.error.requestId).toMatch(/\S/);
  expect(body.error.message).not.toMatch(/\bat .*\.ts:\d+/);
  return body;
}

describe('GET /api/me', () => {
  it('answers who the employee is', async () => {
    const { app } = portal();
    const response = await get(app, '/api/me');
    expect(response.status).toBe(200);
    expect((await response.json()) as MeBody).toEqual({
      user: { id: testEmployee.sub, email: testEmployee.email, name: testEmployee.name },
      isAdmin: false,
    });
  });

  it('says isAdmin for a member of the admin group', async () => {
    const { app } = portal();
    expect(((await (await get(app, '/api/me', 'admin')).json()) as MeBody).isAdmin).toBe(true);
  });
});

describe('GET /api/status', () => {
  it('answers the status body with exactly the documented fields, never cached', async () => {
    const { app, deps } = portal();
    const response = await get(app, '/api/status');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect((await response.json()) as StatusBody).toEqual({
      state: 'off',
      associations: [],
      activeConnections: 0,
      lastActivityAt: null,
      autoDisconnectAt: null,
      idleTimeoutMinutes: 30,
      typicalStartSeconds: 300,
      serverTime: deps.clock.now().toISOString(),
      asOf: deps.clock.now().toISOString(),
      startedAt: null,
      connectQueued: false,
      error: null,
      connectionEnded: null,
    });
  });

  it('shows an AWS failure as state error with plain words and the reference id', async () => {
    const { app, deps } = portal();
    deps.simulator.injectFault({ kind: 'unavailable', operation: 'describeAssociations' });
    const response = await get(app, '/api/status');
    expect(response.status).toBe(200);
    const body = (await response.json()) as StatusBody;
    expect(body.state).toBe('error');
    expect(body.error).toEqual({
      code: 'aws_unavailable',
      message: 'AWS could not be reached. Please try again in a moment.',
      requestId: response.headers.get('x-request-id'),
    });
  });

  it('shows a failed association in AWS words with the reference id', async () => {
    const deps = testCoreDeps({ policy: { subnetIds: [TEST_SUBNETS[0] ?? ''] } });
    const { app } = portal(deps);
    deps.simulator.failNextAssociation('The subnet has no free addresses.');
    await post(app, '/api/connect');
    deps.clock.advance(ASSOCIATE_MS);
    const response = await get(app, '/api/status');
    expect((await response.json()) as StatusBody).toMatchObject({
      state: 'error',
      error: {
        code: 'association_failed',
        message: 'The subnet has no free addresses.',
        requestId: response.headers.get('x-request-id'),
      },
    });
  });

  it('answers 50 concurrent polls with at most one set of Describe calls', async () => {
    const { app, deps } = portal();
    const responses = await Promise.all(Array.from({ length: 50 }, () => get(app, '/api/status')));
    expect(responses.every((response) => response.status === 200)).toBe(true);
    expect(deps.vpn.calls.describeAssociations).toBe(1);
    expect(deps.vpn.calls.describeConnections).toBe(1);
    expect(deps.vpn.describeCalls()).toBeLessThanOrEqual(3);
  });

  it('reads the endpoint only after the tokens are verified', async () => {
    const { app, deps } = portal();
    const pending = get(app, '/api/status');
    // Verification awaits the key fetch: nothing may have reached AWS yet.
    expect(deps.vpn.describeCalls()).toBe(0);
    expect((await pending).status).toBe(200);
    expect(deps.vpn.calls.describeAssociations).toBe(1);
  });

  it('makes no AWS call and no write for polls whose tokens are missing or forged', async () => {
    const { app, deps, snapshots } = portal();
    const calls = snapshotCalls(snapshots);
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => get(app, '/api/status', 'nobody')),
    );
    for (const response of responses) {
      await expectError(response, 401, 'not_authenticated');
    }
    expect(deps.vpn.describeCalls()).toBe(0);
    expect(await deps.store.recent(10)).toEqual([]);
    // Nor a read or a lease of the shared status snapshot (the sessions table in AWS).
    for (const call of calls) expect(call).not.toHaveBeenCalled();
  });

  it('touches the status snapshot only after the tokens are verified', async () => {
    const { app, snapshots } = portal();
    const [read, lease] = snapshotCalls(snapshots);
    const pending = get(app, '/api/status');
    // Verification awaits the key fetch: the snapshot store must not have been asked yet.
    expect(read).not.toHaveBeenCalled();
    expect(lease).not.toHaveBeenCalled();
    expect((await pending).status).toBe(200);
    expect(lease).toHaveBeenCalledTimes(1);
  });

  it('answers many instances sharing one snapshot with one set of Describe calls per window', async () => {
    const deps = testCoreDeps();
    const shared = new InMemoryStatusSnapshots();
    const instances = Array.from({ length: 5 }, () => portal(deps, silentLogger, shared).app);
    const polls = await Promise.all(
      instances.flatMap((app) => [get(app, '/api/status'), get(app, '/api/status')]),
    );
    expect(polls.every((response) => response.status === 200)).toBe(true);
    expect(deps.vpn.calls.describeAssociations).toBe(1);

    deps.clock.advance(3_000);
    await Promise.all(instances.map((app) => get(app, '/api/status')));
    expect(deps.vpn.calls.describeAssociations).toBe(2);
  });

  it('answers the last status with its age while AWS throttles, not an error', async () => {
    const { app, deps } = portal();
    await post(app, '/api/connect');
    deps.clock.advance(ASSOCIATE_MS);
    const ready = (await (await get(app, '/api/status')).json()) as StatusBody;
    expect(ready.state).toBe('ready');

    deps.clock.advance(40_000);
    deps.simulator.injectFault({ kind: 'throttled', operation: 'describeAssociations' });
    const response = await get(app, '/api/status');

    expect(response.status).toBe(200);
    const body = (await response.json()) as StatusBody;
    expect(body).toMatchObject({ state: 'ready', error: null, asOf: ready.asOf });
    expect(Date.parse(body.serverTime) - Date.parse(body.asOf ?? '')).toBe(40_000);
  });

  it('answers error once the last status is older than a minute and AWS still throttles', async () => {
    const { app, deps } = portal();
    await get(app, '/api/status');

    deps.clock.advance(60_001);
    deps.simulator.injectFault({ kind: 'throttled', operation: 'describeAssociations' });
    const response = await get(app, '/api/status');

    const body = (await response.json()) as StatusBody;
    expect(body).toMatchObject({ state: 'error', asOf: null, error: { code: 'aws_throttled' } });
  });

  it('reads AWS again once the cache window has passed', async () => {
    const { app, deps } = portal();
    await get(app, '/api/status');
    deps.clock.advance(3_000);
    await get(app, '/api/status');
    expect(deps.vpn.calls.describeAssociations).toBe(2);
  });
});

describe('POST /api/connect', () => {
  it('answers 202 with the status body when it starts the VPN', async () => {
    const { app, deps } = portal();
    const response = await post(app, '/api/connect');
    expect(response.status).toBe(202);
    const body = (await response.json()) as StatusBody;
    expect(body.state).toBe('starting');
    expect(body.associations).toHaveLength(TEST_SUBNETS.length);
    expect(deps.metrics.period(deps.clock.now().getTime())).toEqual({ connects: 1 });
  });

  it('answers 200 when the VPN is already up, and still counts the request as activity', async () => {
    const { app, deps } = portal();
    await post(app, '/api/connect');
    deps.clock.advance(ASSOCIATE_MS);
    const response = await post(app, '/api/connect', { body: '' });
    expect(response.status).toBe(200);
    expect(((await response.json()) as StatusBody).state).toBe('ready');
    expect(deps.metrics.period(deps.clock.now().getTime())).toEqual({ connects: 2 });
  });

  it('shows the change at once, not a cached status from before', async () => {
    const { app } = portal();
    expect(((await (await get(app, '/api/status')).json()) as StatusBody).state).toBe('off');
    expect(((await (await post(app, '/api/connect')).json()) as StatusBody).state).toBe('starting');
    expect(((await (await get(app, '/api/status')).json()) as StatusBody).state).toBe('starting');
  });

  it('ends twenty concurrent taps with one association per subnet', async () => {
    const { app, deps } = portal();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => post(app, '/api/connect')),
    );
    expect(responses.every((response) => response.status === 202)).toBe(true);
    expect(await deps.simulator.describeAssociations()).toHaveLength(TEST_SUBNETS.length);
  });

  it('answers 503 with Retry-After when AWS throttles', async () => {
    const { app, deps } = portal();
    deps.simulator.injectFault({ kind: 'throttled', operation: 'associate' });
    const response = await post(app, '/api/connect');
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    await expectError(response, 503, 'aws_throttled');
  });

  it.each([
    ['malformed JSON', { body: '{"oops"' }],
    [
      'a wrong content type',
      { body: 'x=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
    ],
    ['an unknown body field', { body: '{"subnetId":"subnet-1"}' }],
    ['a body that is not an object', { body: '[1,2]' }],
  ])('answers 400 to %s, never 500', async (_label, options) => {
    const { app, deps } = portal();
    await expectError(await post(app, '/api/connect', options), 400, 'invalid_request');
    expect(deps.vpn.calls.associate).toBe(0);
  });
});

describe('cross-site POST', () => {
  it.each([
    [
      'an Origin of another site',
      { origin: 'https://evil.example.net', 'sec-fetch-site': 'cross-site' },
    ],
    ['an Origin of another site without Sec-Fetch-Site', { origin: 'https://evil.example.net' }],
    ['Sec-Fetch-Site cross-site', { origin: ORIGIN, 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site same-site', { 'sec-fetch-site': 'same-site' }],
  ])('refuses %s with 403', async (_label, headers) => {
    const { app, deps } = portal();
    const request = new Request(`${ORIGIN}/api/connect`, {
      method: 'POST',
      headers: {
        host: 'vpn.example.com',
        'content-type': 'application/json',
        ...headersFor('employee'),
        ...headers,
      },
      body: '{}',
    });
    await expectError(await app.request(request), 403, 'cross_site_request');
    expect(deps.vpn.calls.associate).toBe(0);
  });

  it('refuses a POST with neither Origin nor Sec-Fetch-Site', async () => {
    const { app } = portal();
    const response = await app.request(`${ORIGIN}/api/connect`, {
      method: 'POST',
      headers: {
        host: 'vpn.example.com',
        'content-type': 'application/json',
        ...headersFor('employee'),
      },
      body: '{}',
    });
    await expectError(response, 403, 'cross_site_request');
  });

  it('accepts a same-origin POST that only sends Origin (older Safari)', async () => {
    const { app } = portal();
    const response = await app.request(`${ORIGIN}/api/connect`, {
      method: 'POST',
      headers: { host: 'vpn.example.com', origin: ORIGIN, ...headersFor('employee') },
    });
    expect(response.status).toBe(202);
  });
});

describe('authentication', () => {
  it.each(['/api/me', '/api/status', '/api/admin/sessions'])(
    'answers 401 to %s without the ALB headers',
    async (path) => {
      const { app } = portal();
      await expectError(await get(app, path, 'nobody'), 401, 'not_authenticated');
    },
  );

  it('answers 401 to POST /api/connect without the ALB headers, and starts nothing', async () => {
    const { app, deps } = portal();
    await expectError(await post(app, '/api/connect', { as: 'nobody' }), 401, 'not_authenticated');
    expect(deps.vpn.calls.associate).toBe(0);
  });

  it('answers 401 to user claims forged with another key under the real key id', async () => {
    const { app } = portal();
    const forger = createForger(auth.settings, {
      albKid: auth.signer.albKid,
      cognitoKid: auth.signer.cognitoKid,
    });
    const response = await app.request(`${ORIGIN}/api/me`, {
      headers: albAuthHeaders(forger, testAdmin, [TEST_ADMIN_GROUP]),
    });
    await expectError(response, 401, 'not_authenticated');
  });

  it('answers 401 to an access token forged to claim the admin group', async () => {
    const { app } = portal();
    const forger = createForger(auth.settings, { cognitoKid: auth.signer.cognitoKid });
    const response = await app.request(`${ORIGIN}/api/admin/sessions`, {
      headers: {
        ...auth.headersFor(testEmployee),
        'x-amzn-oidc-accesstoken': forger.signAccessToken(testEmployee, [TEST_ADMIN_GROUP]),
      },
    });
    await expectError(response, 401, 'not_authenticated');
  });

  it('answers 401 to expired user claims', async () => {
    const { app } = portal();
    const response = await app.request(`${ORIGIN}/api/me`, {
      headers: {
        ...auth.headersFor(testEmployee),
        'x-amzn-oidc-data': auth.signer.signDataToken(testEmployee, { expiresInSeconds: -600 }),
      },
    });
    await expectError(response, 401, 'not_authenticated');
  });

  it('answers 401 to user claims signed for another load balancer', async () => {
    const { app } = portal();
    const response = await app.request(`${ORIGIN}/api/me`, {
      headers: {
        ...auth.headersFor(testEmployee),
        'x-amzn-oidc-data': auth.signer.signDataToken(testEmployee, {
          signer: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/other/1',
        }),
      },
    });
    await expectError(response, 401, 'not_authenticated');
  });
});

describe('admin routes', () => {
  it('answers 403 to an employee on GET /api/admin/sessions', async () => {
    const { app } = portal();
    await expectError(await get(app, '/api/admin/sessions'), 403, 'not_admin');
  });

  it('answers 403 to an employee on POST /api/disconnect and leaves the VPN on', async () => {
    const { app, deps } = portal();
    await post(app, '/api/connect');
    await expectError(await post(app, '/api/disconnect'), 403, 'not_admin');
    expect(deps.vpn.calls.disassociate).toBe(0);
  });

  it('lets an administrator turn the VPN off: 202 with the status body', async () => {
    const { app, deps } = portal();
    await post(app, '/api/connect');
    deps.clock.advance(ASSOCIATE_MS);
    const response = await post(app, '/api/disconnect', { as: 'admin' });
    expect(response.status).toBe(202);
    expect(((await response.json()) as StatusBody).state).toBe('stopping');
  });

  it('lists sessions, connections and the month for an administrator', async () => {
    const { app, deps } = portal();
    await post(app, '/api/connect');
    deps.clock.advance(ASSOCIATE_MS);
    await get(app, '/api/status');
    const client = deps.simulator.connectClient('mina');
    deps.advanceMinutes(30);
    const response = await get(app, '/api/admin/sessions', 'admin');
    expect(response.status).toBe(200);
    const body = (await response.json()) as AdminSessionsBody;
    expect(Object.keys(body).sort()).toEqual(['connections', 'month', 'sessions']);
    expect(body.sessions).toEqual([
      {
        id: expect.any(String),
        startedBy: testEmployee.email,
        startedAt: '2026-03-02T09:00:00.000Z',
        readyAt: '2026-03-02T09:01:00.000Z',
        endedAt: null,
        endReason: null,
        users: [testEmployee.email],
        peakConnections: 0,
        costUsd: expect.any(Number),
        keptOn: null,
      },
    ]);
    expect(body.connections).toEqual([
      {
        connectionId: client.connectionId,
        user: 'mina',
        status: 'active',
        connectedAt: '2026-03-02T09:01:00.000Z',
        endedAt: null,
      },
    ]);
    expect(body.month).toMatchObject({
      since: '2026-03-01T00:00:00.000Z',
      associationHours: expect.any(Number),
      costUsd: expect.any(Number),
      alwaysOnCostUsd: expect.any(Number),
    });
  });
});

describe('errors', () => {
  it('answers an unknown /api route with a JSON 404', async () => {
    const { app } = portal();
    await expectError(await get(app, '/api/nothing-here'), 404, 'not_found');
  });

  it('answers any other path with a JSON 404 when no SPA is served', async () => {
    const { app } = portal();
    await expectError(await get(app, '/somewhere'), 404, 'not_found');
  });

  it('turns an unexpected failure into a plain 500 without a stack', async () => {
    const { app, deps } = portal();
    deps.store.recent = async () => {
      throw new TypeError('secret detail at DynamoDbSessionStore (store.ts:12:3)');
    };
    const body = await expectError(await get(app, '/api/admin/sessions', 'admin'), 500, 'internal');
    expect(body.error.message).toBe('Something went wrong on our side.');
  });
});

describe('request bodies', () => {
  it('answers a body over 4 KiB with 413 by its Content-Length, and starts nothing', async () => {
    const { app, deps } = portal();
    const body = JSON.stringify({ padding: 'x'.repeat(5_000) });
    const response = await post(app, '/api/connect', {
      body,
      headers: { 'content-length': String(body.length) },
    });
    await expectError(response, 413, 'payload_too_large');
    expect(deps.vpn.calls.associate).toBe(0);
  });

  it('stops reading a streamed body without a length as soon as it passes the limit', async () => {
    const { app, deps } = portal();
    const chunk = new TextEncoder().encode(' '.repeat(1024));
    let chunksRead = 0;
    // 30 MB if read whole, produced only as it is read.
    const thirtyMegabytes = new ReadableStream<Uint8Array>({
      pull(controller) {
        chunksRead += 1;
        if (chunksRead > 30 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const request = new Request(`${ORIGIN}/api/connect`, {
      method: 'POST',
      headers: {
        host: 'vpn.example.com',
        origin: ORIGIN,
        'content-type': 'application/json',
        ...headersFor('employee'),
      },
      body: thirtyMegabytes,
      duplex: 'half',
    } as RequestInit);
    expect(request.headers.has('content-length')).toBe(false);

    await expectError(await app.request(request), 413, 'payload_too_large');
    expect(chunksRead).toBeLessThan(10);
    expect(deps.vpn.calls.associate).toBe(0);
  });

  it('takes a body within the limit', async () => {
    const { app } = portal();
    const response = await post(app, '/api/connect', { body: `{${' '.repeat(4_000)}}` });
    expect(response.status).toBe(202);
  });
});

describe('request ids', () => {
  it('makes up its own request id, whatever X-Request-Id the client sends', async () => {
    const { app } = portal();
    const response = await app.request(`${ORIGIN}/api/me`, {
      headers: { host: 'vpn.example.com', 'x-request-id': 'chosen-by-the-client' },
    });
    const body = await expectError(response, 401, 'not_authenticated');
    expect(body.error.requestId).not.toBe('chosen-by-the-client');
    expect(body.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("logs the client's X-Request-Id beside its own, with the Lambda request id and the ALB trace id", async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = createJsonLogger({}, (line) => lines.push(JSON.parse(line)));
    const { app } = portal(testCoreDeps(), logger);
    const context = lambdaContext();
    const event = albEvent({
      path: '/api/me',
      headers: { ...headersFor('employee'), 'x-request-id': 'chosen-by-the-client' },
    });

    const result = await albHandler(app)(event, context);

    expect(result.statusCode).toBe(200);
    const serverId = result.multiValueHeaders?.['x-request-id']?.[0];
    expect(serverId).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.find((line) => line.message === 'request')).toMatchObject({
      requestId: serverId,
      clientRequestId: 'chosen-by-the-client',
      lambdaRequestId: context.awsRequestId,
      traceId: 'Root=1-5c536348-3d683b8b04734faae651f476',
      status: 200,
    });
  });

  it('logs no Lambda or client ids where there are none', async () => {
    const lines: Record<string, unknown>[] = [];
    const { app } = portal(
      testCoreDeps(),
      createJsonLogger({}, (line) => lines.push(JSON.parse(line))),
    );
    await get(app, '/api/me');
    const line = lines.find((entry) => entry.message === 'request') ?? {};
    expect(line.requestId).toEqual(expect.any(String));
    expect(Object.keys(line)).not.toEqual(
      expect.arrayContaining(['lambdaRequestId', 'clientRequestId']),
    );
  });
});

describe('methods', () => {
  it('answers GET on a POST-only route with 405 and Allow: POST', async () => {
    const { app } = portal();
    const response = await get(app, '/api/connect');
    await expectError(response, 405, 'method_not_allowed');
    expect(response.headers.get('allow')).toBe('POST');
  });

  it.each(['/api/me', '/api/status'])(
    'answers POST on the GET route %s with 405 and Allow: GET, HEAD',
    async (path) => {
      const { app } = portal();
      const response = await post(app, path);
      await expectError(response, 405, 'method_not_allowed');
      expect(response.headers.get('allow')).toBe('GET, HEAD');
    },
  );

  it('answers PUT and DELETE with 405 on an admin route, and turns nothing off', async () => {
    const { app, deps } = portal();
    for (const method of ['PUT', 'DELETE']) {
      const response = await app.request(`${ORIGIN}/api/disconnect`, {
        method,
        headers: { host: 'vpn.example.com', origin: ORIGIN, ...headersFor('admin') },
      });
      await expectError(response, 405, 'method_not_allowed');
      expect(response.headers.get('allow')).toBe('POST');
    }
    expect(deps.vpn.calls.disassociate).toBe(0);
  });

  it('still answers 401 first when the ALB headers are missing', async () => {
    const { app } = portal();
    const response = await get(app, '/api/connect', 'nobody');
    await expectError(response, 401, 'not_authenticated');
    expect(response.headers.get('allow')).toBeNull();
  });
});

describe('caching', () => {
  type Send = (app: ReturnType<typeof portal>['app']) => Response | Promise<Response>;
  const answers: [string, number, Send][] = [
    ['GET /api/me', 200, (app) => get(app, '/api/me')],
    ['GET /api/status', 200, (app) => get(app, '/api/status')],
    ['GET /api/admin/sessions', 200, (app) => get(app, '/api/admin/sessions', 'admin')],
    ['POST /api/connect', 202, (app) => post(app, '/api/connect')],
    ['a missing sign-in', 401, (app) => get(app, '/api/me', 'nobody')],
    ['a non-admin', 403, (app) => get(app, '/api/admin/sessions')],
    ['an unknown route', 404, (app) => get(app, '/api/nothing-here')],
    ['a wrong method', 405, (app) => get(app, '/api/connect')],
    [
      'a body too large',
      413,
      (app) => post(app, '/api/connect', { body: `{${' '.repeat(5_000)}}` }),
    ],
  ];

  it.each(answers)('answers %s (%i) with Cache-Control: no-store', async (_label, status, send) => {
    const { app } = portal();
    const response = await send(app);
    expect(response.status).toBe(status);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

describe('GET /signout', () => {
  const signOut = (app: ReturnType<typeof portal>['app'], site?: string) =>
    app.request(`${ORIGIN}/signout`, {
      headers: { host: 'vpn.example.com', ...(site ? { 'sec-fetch-site': site } : {}) },
    });

  it.each(['cross-site', 'same-site'])(
    'refuses a sign-out another site started (%s): 403, no cookie touched',
    async (site) => {
      const { app } = portal();
      const response = await signOut(app, site);
      await expectError(response, 403, 'cross_site_request');
      expect(response.headers.getSetCookie()).toEqual([]);
      expect(response.headers.get('location')).toBeNull();
    },
  );

  it.each([
    ['the Sign out link on our page', 'same-origin'],
    ['a typed URL or a bookmark', 'none'],
    ['a browser that sends no Sec-Fetch-Site', undefined],
  ])('signs out from %s', async (_label, site) => {
    const { app } = portal();
    const response = await signOut(app, site);
    expect(response.status).toBe(302);
    expect(response.headers.getSetCookie()).toHaveLength(4);
    expect(new URL(response.headers.get('location') ?? '').pathname).toBe('/logout');
  });
});
