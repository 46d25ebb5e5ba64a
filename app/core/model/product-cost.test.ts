import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PORTAL_DEPLOYMENT,
  netSavingsUsd,
  type PortalDeployment,
  type ProductCostReport,
  productCostThisMonth,
} from './product-cost.js';
import { productPriceAmounts } from './product-prices.js';
import { type PortalUsage, USAGE_ASSUMPTIONS } from './product-usage.js';

const NO_USE: PortalUsage = {
  sessions: 0,
  connectRequests: 0,
  hoursWithConnectRequests: 0,
  sweeps: 0,
  warmUps: 0,
  alarmInvocations: 0,
  statusPolls: 0,
  portalRequests: 0,
  eventsInvocations: 0,
};

// April 2026 has 30 days: on the 11th at 00:00 UTC, 240 hours and a third of it are gone.
const ELEVENTH = new Date('2026-04-11T00:00:00Z');

function cost(
  usage: Partial<PortalUsage>,
  deployment: Partial<PortalDeployment> = {},
  now = ELEVENTH,
): ProductCostReport {
  return productCostThisMonth({
    usage: { ...NO_USE, ...usage },
    now,
    deployment: { ...DEFAULT_PORTAL_DEPLOYMENT, ...deployment },
    prices: productPriceAmounts(),
    assumptions: USAGE_ASSUMPTIONS,
  });
}

const lineOf = (report: ProductCostReport, item: string) =>
  report.lines.find((line) => line.item === item);

describe('productCostThisMonth', () => {
  it('charges the month so far its share of what runs whether or not the VPN is used', () => {
    const report = cost({ sweeps: 960, eventsInvocations: 960 });
    expect(report.lines.map((line) => [line.item, line.costUsd])).toEqual([
      // 240 ALB-hours × $0.0225 + 2 public IPv4 addresses × 240 h × $0.005
      ['load-balancer', 7.8],
      // 960 sweeps: $0.0002 of requests + 960 × 1 s × 0.25 GB × $0.0000133334
      ['lambda', 0.0034],
      // 3,840 read units, 960 write units
      ['dynamodb', 0.0011],
      // a third of a key-month
      ['kms', 0.3333],
      // 5 alarm metrics and a dashboard for a third of a month, 1,920 metrics read, 0.67 MB of logs
      ['cloudwatch', 1.1862],
    ]);
    expect(report.costUsd).toBe(9.324);
    expect(report).toMatchObject({ priceRegion: 'us-east-1', pricesCheckedOn: '2026-11-30' });
  });

  it('counts every hour the ALB ran, a partial hour as a whole one', () => {
    const report = cost({}, {}, new Date('2026-04-01T00:10:00Z'));
    expect(lineOf(report, 'load-balancer')?.parts).toEqual([
      { part: 'alb-hours', quantity: 1, costUsd: 0.0225 },
      { part: 'public-ipv4-hours', quantity: 2, costUsd: 0.01 },
      { part: 'alb-lcu-hours', quantity: 0, costUsd: 0 },
    ]);
  });

  it('pays nothing for a shared listener’s ALB, only the capacity the portal’s requests use', () => {
    // 1 million requests × 6 KB = 6 GB; an LCU covers 0.4 GB an hour for Lambda targets.
    const line = lineOf(
      cost({ portalRequests: 1_000_000 }, { loadBalancer: 'shared-listener' }),
      'load-balancer',
    );
    expect(line).toEqual({
      item: 'load-balancer',
      loadBalancerMode: 'shared-listener',
      costUsd: 0.12,
      parts: [{ part: 'alb-lcu-hours', quantity: 15, costUsd: 0.12 }],
    });
  });

  it('prices the portal’s requests at 50 ms on 512 MB each', () => {
    const line = lineOf(cost({ portalRequests: 100_000 }), 'lambda');
    expect(line?.parts).toEqual([
      { part: 'lambda-requests', quantity: 100_000, costUsd: 0.02 },
      // 100,000 × 0.05 s × 0.5 GB = 2,500 GB-s × $0.0000133334
      { part: 'lambda-gb-seconds', quantity: 2500, costUsd: 0.0333 },
    ]);
  });

  it('prices the status polls at the reads and writes the fleet bench measured', () => {
    const line = lineOf(cost({ statusPolls: 1_000_000 }), 'dynamodb');
    expect(line?.parts.map((p) => [p.part, p.quantity])).toEqual([
      ['dynamodb-read-units', 350_000],
      ['dynamodb-write-units', 34_000],
    ]);
    // $0.04375 + $0.02125
    expect(line?.costUsd).toBeCloseTo(0.065, 3);
  });

  it('charges the custom metric only for the hours a connect request sent it', () => {
    const parts = lineOf(cost({ hoursWithConnectRequests: 72 }), 'cloudwatch')?.parts;
    // 72 of April's 720 hours × $0.30
    expect(parts?.find((p) => p.part === 'custom-metric-months')).toEqual({
      part: 'custom-metric-months',
      quantity: 0.1,
      costUsd: 0.03,
    });
  });

  it('leaves out what the deployment does not have', () => {
    const report = cost({}, { customerManagedKeys: 0, dashboards: 0, albPublicIpv4Addresses: 0 });
    expect(lineOf(report, 'kms')?.costUsd).toBe(0);
    expect(lineOf(report, 'load-balancer')?.costUsd).toBe(5.4);
    expect(lineOf(report, 'cloudwatch')?.costUsd).toBe(0.1667);
  });
});

describe('netSavingsUsd', () => {
  it('takes the VPN’s and the portal’s own cost from what always-on would have cost', () => {
    expect(netSavingsUsd({ alwaysOnCostUsd: 72, costUsd: 5.66 }, 9.324)).toBe(57.02);
  });

  it('goes below zero when the portal cost more than it saved', () => {
    expect(netSavingsUsd({ alwaysOnCostUsd: 2, costUsd: 1.5 }, 9.324)).toBe(-8.82);
  });
});
