import { describe, expect, it } from 'vitest';
import { testCoreDeps } from '../testing/core-deps.js';
import { adminReport } from './admin-report.js';
import { autoDisconnect } from './auto-disconnect.js';
import { connect } from './connect.js';
import { deploymentMonth, monthSoFar } from './endpoint-usage.js';

// Issue 18 with issue 17: two endpoints share one deployment, so the portal's own cost (its
// load balancer, key, dashboard) is counted once, and its usage is both endpoints' sessions.
describe('the deployment’s month, several endpoints together', () => {
  it('adds the endpoints up and counts the portal’s own cost once', async () => {
    const seoul = testCoreDeps();
    const staging = testCoreDeps();
    await connect(seoul, 'mina');
    await connect(staging, 'kenji');
    seoul.advanceMinutes(60);
    staging.advanceMinutes(60);
    await autoDisconnect(seoul, 'sweep');
    await autoDisconnect(staging, 'sweep');

    const months = await Promise.all([monthSoFar(seoul), monthSoFar(staging)]);
    const total = deploymentMonth(months, seoul);
    const alone = (await adminReport(seoul)).month;

    expect(total?.costUsd).toBeCloseTo(months[0].report.costUsd + months[1].report.costUsd, 6);
    expect(total?.productCost.usage).toMatchObject({ sessions: 2, connectRequests: 2 });
    // The ALB's hours and the key are the deployment's: the same with two endpoints as one.
    const fixed = (month: typeof alone, name: string) =>
      month.productCost.lines.flatMap((line) => line.parts).find((part) => part.part === name)
        ?.costUsd;
    for (const name of ['alb-hours', 'kms-key-months', 'dashboard-months']) {
      expect(fixed(total ?? alone, name)).toBeCloseTo(fixed(alone, name) ?? Number.NaN, 6);
    }
    expect(total?.netSavingsUsd).toBeCloseTo(
      (total?.alwaysOnCostUsd ?? 0) - (total?.costUsd ?? 0) - (total?.productCost.costUsd ?? 0),
      2,
    );
  });

  it('is nothing without an endpoint', () => {
    expect(deploymentMonth([], testCoreDeps())).toBeNull();
  });
});
