import { describe, expect, it } from 'vitest';
import { silentLogger } from '../logging/logger.js';
import type { HealthProbes } from '../ports/health-probes.js';
import { testCoreDeps, testNotifier } from '../testing/core-deps.js';
import { testHealthDeps } from '../testing/health-deps.js';
import { oneEndpointPortal } from '../testing/portal-settings.js';
import {
  albAuthHeaders,
  createForger,
  createTestAuth,
  TEST_ADMIN_GROUP,
  testAdmin,
  testEmployee,
} from '../testing/test-keys.js';
import type { ErrorBody, StatusBody } from './api-types.js';
import { createApp } from './create-app.js';
import type { HealthBody, TestNoticeBody } from './health-api-types.js';
import { HEALTH_CACHE_MS } from './routes/health.js';

// Issue 17: the admin view's health panel, GET /api/admin/health and its test notice.

const ORIGIN = 'https://vpn.example.com';
const auth = createTestAuth();

/** The probes, counted; `hold` makes every read wait until released. */
function countedProbes(inner: HealthProbes) {
  let reads = 0;
  let gate: Promise<void> | null = null;
  let release = () => {};
  const counted =
    <T>(read: () => Promise<T>) =>
    async () => {
      reads += 1;
      if (gate) await gate;
      return read();
    };
  const probes: HealthProbes = {
    describeEndpoint: counted(() => inner.describeEndpoint()),
    describeSubnets: (ids) => counted(() => inner.describeSubnets(ids))(),
    describeIdleAlarm: counted(() => inner.describeIdleAlarm()),
    topic: counted(() => inner.topic()),
    webhook: counted(() => inner.webhook()),
  };
  return {
    probes,
    reads: () => reads,
    hold: () => {
      gate = new Promise((resolve) => {
        release = resolve;
      });
    },
    release: () => release(),
  };
}

function portal(options: { withHealth?: boolean } = {}) {
  const deps = testCoreDeps();
  const health = testHealthDeps(deps.clock);
  const counter = countedProbes(health.probes);
  const notifier = testNotifier();
  const app = createApp({
    ...oneEndpointPortal({ ...deps, notifier }),
    auth: auth.verifier,
    logger: silentLogger,
    webRoot: null,
    ...(options.withHealth === false ? {} : { health: { ...health, probes: counter.probes } }),
  });
  return { app, deps, health, counter, notifier };
}

type As = 'employee' | 'admin' | 'forged admin';

function headersAs(as: As): Record<string, string> {
  if (as === 'employee') return auth.headersFor(testEmployee, ['staff']);
  if (as === 'admin') return auth.headersFor(testAdmin, [TEST_ADMIN_GROUP]);
  // Keys of its own claiming the real key ids: only the signature can tell.
  const forger = createForger(auth.settings, {
    albKid: auth.signer.albKid,
    cognitoKid: auth.signer.cognitoKid,
  });
  return albAuthHeaders(forger, testAdmin, [TEST_ADMIN_GROUP]);
}

function get(app: ReturnType<typeof portal>['app'], path: string, as: As) {
  return app.request(`${ORIGIN}${path}`, {
    headers: { host: 'vpn.example.com', ...headersAs(as) },
  });
}

function post(
  app: ReturnType<typeof portal>['app'],
  path: string,
  as: As,
  options: { origin?: string; body?: string } = {},
) {
  return app.request(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: {
      host: 'vpn.example.com',
      origin: options.origin ?? ORIGIN,
      'content-type': 'application/json',
      ...headersAs(as),
    },
    body: options.body ?? '{}',
  });
}

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(((await response.json()) as ErrorBody).error.code).toBe(code);
}

describe('GET /api/admin/health', () => {
  it('answers an administrator one entry per check, with an id, a status and a finding', async () => {
    const { app, health } = portal();
    await health.runs.record({
      trigger: 'sweep',
      at: health.clock.now(),
      outcome: 'nothing',
      reason: 'No association to remove (already off or stopping).',
    });

    const response = await get(app, '/api/admin/health', 'admin');

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as HealthBody;
    expect(body).toMatchObject({ checkedAt: health.clock.now().toISOString(), status: 'ok' });
    expect(body.checks).toHaveLength(15);
    for (const check of body.checks) {
      expect(check).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          kind: expect.any(String),
          status: expect.stringMatching(/^(ok|warning|failed)$/),
          finding: expect.any(String),
        }),
      );
    }
    expect(new Set(body.checks.map((check) => check.id)).size).toBe(15);
    expect(body.checks.find((check) => check.id === 'last-run:sweep')).toMatchObject({
      outcome: 'nothing',
      reason: 'No association to remove (already off or stopping).',
    });
  });

  it('refuses an employee with 403 and a forged administrator with 401, before any check runs', async () => {
    const { app, counter } = portal();

    await expectError(await get(app, '/api/admin/health', 'employee'), 403, 'not_admin');
    await expectError(
      await get(app, '/api/admin/health', 'forged admin'),
      401,
      'not_authenticated',
    );

    expect(counter.reads()).toBe(0);
  });

  it('shows a permission the simulator took away as failed, with AWS’s words', async () => {
    const { app, health } = portal();
    health.simulator.setPermission({ operation: 'disassociate', caller: 'background' }, false);

    const body = (await (await get(app, '/api/admin/health', 'admin')).json()) as HealthBody;

    expect(body.status).toBe('failed');
    expect(
      body.checks.find(
        (check) => check.id === 'permission:events:DisassociateClientVpnTargetNetwork',
      ),
    ).toMatchObject({
      status: 'failed',
      finding: 'denied',
      role: 'events',
      action: 'DisassociateClientVpnTargetNetwork',
      aws: { code: 'UnauthorizedOperation' },
    });
  });

  it('runs the checks once a minute per instance, however often the panel asks', async () => {
    const { app, counter, health } = portal();

    await get(app, '/api/admin/health', 'admin');
    const perRun = counter.reads();
    health.clock.advance(HEALTH_CACHE_MS - 1_000);
    await get(app, '/api/admin/health', 'admin');
    expect(counter.reads()).toBe(perRun);

    health.simulator.setPermission({ operation: 'associate', caller: 'portal' }, false);
    health.clock.advance(2_000);
    const body = (await (await get(app, '/api/admin/health', 'admin')).json()) as HealthBody;
    expect(counter.reads()).toBe(2 * perRun);
    expect(body.status).toBe('failed');
  });

  it('never slows the employee’s status poll: it answers while the checks are still waiting on AWS', async () => {
    const { app, counter } = portal();
    counter.hold();

    const checks = Promise.resolve(get(app, '/api/admin/health', 'admin'));
    let checksDone = false;
    void checks.then(() => {
      checksDone = true;
    });
    const status = await get(app, '/api/status', 'employee');

    expect(status.status).toBe(200);
    expect(((await status.json()) as StatusBody).state).toBe('off');
    expect(checksDone).toBe(false);
    counter.release();
    expect((await checks).status).toBe(200);
  });

  it('reads nothing of the checks’ for a status poll', async () => {
    const { app, counter } = portal();
    await get(app, '/api/status', 'employee');
    await get(app, '/api/status', 'admin');
    expect(counter.reads()).toBe(0);
  });

  it('is not there when the portal was built without health checks', async () => {
    const { app } = portal({ withHealth: false });
    await expectError(await get(app, '/api/admin/health', 'admin'), 404, 'not_found');
  });
});

describe('POST /api/admin/health/test-notice', () => {
  it('sends a test notice through the notifier, naming the administrator who asked', async () => {
    const { app, notifier } = portal();

    const response = await post(app, '/api/admin/health/test-notice', 'admin');

    expect(response.status).toBe(200);
    const body = (await response.json()) as TestNoticeBody;
    expect(notifier.sent).toHaveLength(1);
    const [notice] = notifier.sent;
    expect(notice).toMatchObject({ kind: 'test', subject: body.subject, at: body.at });
    expect(body.sent).toBe(true);
    expect(notice?.subject).toContain(testAdmin.email);
    expect(notice?.text).toContain(`${testAdmin.name} <${testAdmin.email}>`);
  });

  it('refuses an employee, another site’s page and a body with parameters, sending nothing', async () => {
    const { app, notifier } = portal();

    await expectError(
      await post(app, '/api/admin/health/test-notice', 'employee'),
      403,
      'not_admin',
    );
    await expectError(
      await post(app, '/api/admin/health/test-notice', 'admin', { origin: 'https://evil.example' }),
      403,
      'cross_site_request',
    );
    await expectError(
      await post(app, '/api/admin/health/test-notice', 'admin', {
        body: '{"to":"me@evil.example"}',
      }),
      400,
      'invalid_request',
    );
    expect(notifier.sent).toEqual([]);
  });

  it('answers 405 to a GET', async () => {
    const { app } = portal();
    const response = await get(app, '/api/admin/health/test-notice', 'admin');
    expect(response.status).toBe(405);
  });
});
