import { describe, expect, it } from 'vitest';
import { ASSOCIATE_MS, testCoreDeps } from '../testing/core-deps.js';
import { adminReport } from './admin-report.js';
import { autoDisconnect } from './auto-disconnect.js';
import { connect } from './connect.js';
import { reconcile } from './live-state.js';
import { DEFAULT_PORTAL_DEPLOYMENT } from './model/product-cost.js';

describe('adminReport', () => {
  it('lists sessions newest first with their cost, live connections and the month so far', async () => {
    const deps = testCoreDeps();
    await connect(deps, 'mina');
    deps.advanceMinutes(60);
    await autoDisconnect(deps, 'sweep');
    deps.advanceMinutes(60);
    await connect(deps, 'kenji');
    deps.clock.advance(ASSOCIATE_MS);
    await reconcile(deps);
    deps.simulator.connectClient('kenji');
    deps.advanceMinutes(60);
    await reconcile(deps);

    const report = await adminReport(deps);
    expect(report.sessions.map((s) => [s.startedBy, s.endReason, s.costUsd])).toEqual([
      // 61 min × 2 subnets × $0.10 + 1 connection-hour × $0.05
      ['kenji', null, 0.25],
      ['mina', 'idle', 0.2],
    ]);
    expect(report.connections).toEqual([
      expect.objectContaining({ user: 'kenji', status: 'active' }),
    ]);
    expect(report.month).toMatchObject({
      since: '2026-03-01T00:00:00.000Z',
      associationHours: 4.03,
    });
    expect(report.month.alwaysOnCostUsd).toBeGreaterThan(report.month.costUsd);
  });
});

describe('adminReport, net of the portal’s own cost (issue 17)', () => {
  it('adds what the portal itself cost and the savings left after it', async () => {
    const deps = testCoreDeps();
    await connect(deps, 'mina');
    deps.advanceMinutes(60);
    await autoDisconnect(deps, 'sweep');

    const { month } = await adminReport(deps);
    expect(month.productCost.lines.map((line) => line.item)).toEqual([
      'load-balancer',
      'lambda',
      'dynamodb',
      'kms',
      'cloudwatch',
    ]);
    expect(month.productCost.lines[0]?.loadBalancerMode).toBe('own-alb');
    expect(month.productCost.usage).toMatchObject({ sessions: 1, connectRequests: 1 });
    expect(month.netSavingsUsd).toBeCloseTo(
      month.alwaysOnCostUsd - month.costUsd - month.productCost.costUsd,
      2,
    );
  });

  it('prices the deployment the policy names: no ALB of its own on a shared listener', async () => {
    const deps = testCoreDeps();
    const shared = await adminReport({
      ...deps,
      policy: {
        ...deps.policy,
        portalDeployment: { ...DEFAULT_PORTAL_DEPLOYMENT, loadBalancer: 'shared-listener' },
      },
    });
    const own = await adminReport(deps);
    const albLine = (report: typeof own) => report.month.productCost.lines[0];
    expect(albLine(shared)?.parts.map((p) => p.part)).toEqual(['alb-lcu-hours']);
    expect(albLine(own)?.costUsd).toBeGreaterThan(0);
    expect(shared.month.netSavingsUsd).toBeGreaterThan(own.month.netSavingsUsd);
  });
});
