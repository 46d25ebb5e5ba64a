import { describe, expect, it } from 'vitest';
import { silentLogger } from '../logging/logger.js';
import {
  ASSOCIATE_MS,
  TEST_SUBNETS,
  type TestCoreDeps,
  testCoreDeps,
  testNotifier,
} from '../testing/core-deps.js';
import { oneEndpointPortal } from '../testing/portal-settings.js';
import { createTestAuth, TEST_ADMIN_GROUP, testAdmin, testEmployee } from '../testing/test-keys.js';
import type { ErrorBody } from './api-types.js';
import { createApp } from './create-app.js';

/** What the employee is answered and what the administrators are told must tell one story. */

const ORIGIN = 'https://vpn.example.com';
const auth = createTestAuth();
const REFUSAL = 'InvalidSubnetID.NotFound: The subnet ID does not exist.';

function portal(deps: TestCoreDeps = testCoreDeps()) {
  const notifier = testNotifier();
  const app = createApp({
    ...oneEndpointPortal({ ...deps, notifier }),
    auth: auth.verifier,
    logger: silentLogger,
    webRoot: null,
  });
  return { app, deps, notifier };
}

function post(app: ReturnType<typeof portal>['app'], path: string, as: 'employee' | 'admin') {
  const headers =
    as === 'admin'
      ? auth.headersFor(testAdmin, [TEST_ADMIN_GROUP])
      : auth.headersFor(testEmployee, ['staff']);
  return app.request(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: {
      host: 'vpn.example.com',
      origin: ORIGIN,
      'sec-fetch-site': 'same-origin',
      'content-type': 'application/json',
      ...headers,
    },
    body: '{}',
  });
}

describe('notices behind the API', () => {
  it('answers a refused Connect with the same employee, reference and story as the one notice', async () => {
    const { app, deps, notifier } = portal(
      testCoreDeps({ policy: { subnetIds: TEST_SUBNETS.slice(0, 1) } }),
    );
    deps.simulator.injectFault({ kind: 'rejected', operation: 'associate', message: REFUSAL });

    const response = await post(app, '/api/connect', 'employee');

    expect(response.status).toBe(502);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.code).toBe('aws_rejected');
    expect(error.message).toBe('AWS refused to change the VPN. Please tell an administrator.');
    expect(notifier.sent).toHaveLength(1);
    const [notice] = notifier.sent;
    expect(notice?.kind).toBe('start-failed');
    expect(notice?.subject).toBe(`VPN start for ${testEmployee.email} refused by AWS`);
    expect(notice?.text).toContain(REFUSAL);
    // The page asked the employee to tell an administrator; the notice says that is what they heard.
    expect(notice?.text).toContain(`${testEmployee.email} sees an error with a retry button`);
    expect(notice?.text).toContain('was asked to tell an administrator');
    // The reference the page shows is the one the administrators can look up.
    expect(notice?.text).toContain(`reference ${error.requestId}`);
    expect(error.requestId).toBe(response.headers.get('x-request-id'));
  });

  it('answers a throttled Connect with 503, and its notice says the employee was asked to try again', async () => {
    const { app, deps, notifier } = portal();
    deps.simulator.injectFault({ kind: 'throttled', operation: 'associate' });

    const response = await post(app, '/api/connect', 'employee');

    expect(response.status).toBe(503);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.message).toBe('AWS is busy right now. Please try again in a moment.');
    expect(notifier.sent.map((n) => n.text)).toEqual([
      expect.stringContaining(`${testEmployee.email} was asked to try again in a moment.`),
    ]);
  });

  it('answers the same whether or not the notifier works', async () => {
    const answers = [];
    for (const broken of [false, true]) {
      const { app, deps, notifier } = portal();
      if (broken) notifier.failWith(new Error('SNS is down'));
      deps.simulator.injectFault({ kind: 'rejected', operation: 'associate', message: REFUSAL });
      const response = await post(app, '/api/connect', 'employee');
      const { error } = (await response.json()) as ErrorBody;
      answers.push([response.status, error.code, error.message]);
    }
    expect(answers[1]).toEqual(answers[0]);
  });

  it('tells of Disconnect now by the administrator who used it, and still answers 202 when the notifier fails', async () => {
    const { app, deps, notifier } = portal();
    await post(app, '/api/connect', 'employee');
    deps.clock.advance(ASSOCIATE_MS);
    notifier.failWith(null);

    const response = await post(app, '/api/disconnect', 'admin');

    expect(response.status).toBe(202);
    expect(notifier.sent.map((n) => [n.kind, n.subject])).toEqual([
      ['admin-off', `VPN turned off by ${testAdmin.email} after 1 min`],
    ]);

    const again = portal();
    await post(again.app, '/api/connect', 'employee');
    again.deps.clock.advance(ASSOCIATE_MS);
    again.notifier.failWith(new Error('webhook unreachable'));
    expect((await post(again.app, '/api/disconnect', 'admin')).status).toBe(202);
    expect((await again.deps.simulator.describeAssociations()).map((a) => a.status)).toEqual(
      TEST_SUBNETS.map(() => 'disassociating'),
    );
  });
});
