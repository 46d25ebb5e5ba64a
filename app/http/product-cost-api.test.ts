import { describe, expect, it } from 'vitest';
import { silentLogger } from '../logging/logger.js';
import { ASSOCIATE_MS, testCoreDeps } from '../testing/core-deps.js';
import { oneEndpointPortal } from '../testing/portal-settings.js';
import { createTestAuth, TEST_ADMIN_GROUP, testAdmin, testEmployee } from '../testing/test-keys.js';
import type { AdminSessionsBody } from './api-types.js';
import { createApp } from './create-app.js';

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

function request(app: App, path: string, as: 'employee' | 'admin', method = 'GET') {
  const headers =
    as === 'admin'
      ? auth.headersFor(testAdmin, [TEST_ADMIN_GROUP])
      : auth.headersFor(testEmployee, ['staff']);
  return app.request(`${ORIGIN}${path}`, {
    method,
    headers: {
      host: 'vpn.example.com',
      origin: ORIGIN,
      'sec-fetch-site': 'same-origin',
      'content-type': 'application/json',
      ...headers,
    },
    ...(method === 'POST' ? { body: '{}' } : {}),
  });
}

describe('GET /api/admin/sessions: the portal’s own cost (issue 17)', () => {
  it('adds the product’s cost lines and the net savings to the month', async () => {
    const { app, deps } = portal();
    await request(app, '/api/connect', 'employee', 'POST');
    deps.clock.advance(ASSOCIATE_MS);
    deps.advanceMinutes(90);

    const response = await request(app, '/api/admin/sessions', 'admin');
    expect(response.status).toBe(200);
    const { month } = (await response.json()) as AdminSessionsBody;

    expect(Object.keys(month).sort()).toEqual([
      'alwaysOnCostUsd',
      'associationHours',
      'connectionHours',
      'costUsd',
      'days',
      'netSavingsUsd',
      'productCost',
      'since',
    ]);
    const product = month.productCost;
    expect(Object.keys(product).sort()).toEqual([
      'costUsd',
      'lines',
      'priceRegion',
      'pricesCheckedOn',
      'usage',
    ]);
    expect(product).toMatchObject({ priceRegion: 'us-east-1', pricesCheckedOn: '2026-11-30' });
    expect(product.lines.map((line) => line.item)).toEqual([
      'load-balancer',
      'lambda',
      'dynamodb',
      'kms',
      'cloudwatch',
    ]);
    expect(product.lines[0]).toMatchObject({ loadBalancerMode: 'own-alb' });
    for (const line of product.lines) {
      expect(line.costUsd).toBeGreaterThan(0);
      for (const part of line.parts) {
        expect(Object.keys(part).sort()).toEqual(['costUsd', 'part', 'quantity']);
        expect(part.quantity).toBeGreaterThanOrEqual(0);
      }
    }
    expect(product.usage).toMatchObject({ sessions: 1, connectRequests: 1 });
    expect(product.usage.statusPolls).toBeGreaterThan(0);
    const lineSum = product.lines.reduce((sum, line) => sum + line.costUsd, 0);
    expect(product.costUsd).toBeCloseTo(lineSum, 4);
    expect(month.netSavingsUsd).toBeCloseTo(
      month.alwaysOnCostUsd - month.costUsd - product.costUsd,
      2,
    );
  });

  it('keeps the cost lines from employees: 403', async () => {
    const { app } = portal();
    const response = await request(app, '/api/admin/sessions', 'employee');
    expect(response.status).toBe(403);
    expect(JSON.stringify(await response.json())).not.toContain('productCost');
  });
});
