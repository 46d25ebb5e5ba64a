import { figure } from './figures.mjs';
import { LAMBDA_ENV } from './lambda-env.mjs';
import { runTs } from './run-ts.mjs';
import { round } from './stats.mjs';

export const PORTAL_BUDGETED = [
  ['status.describeSetsPerWindow', 'status: Describe sets per cache window', 'sets', { max: 1 }],
  [
    'connect.associationsMade',
    'connect storm: associations made',
    'associations',
    { min: 2, max: 2 },
  ],
];

/**
 * Status polling in one process and the connect storm, in a tsx child (it imports the app's
 * sources). The status latencies here are for reading: one process is not how Lambda runs
 * the portal; the fleet section (fleet-section.mjs) budgets them, as ratios.
 */
export async function portalLoad() {
  const { polling, storm } = await runTs('scripts/bench/portal-load.ts', { env: LAMBDA_ENV });
  const windows = polling.bothBurstsInOneWindow ? 1 : 2;
  const subnets = storm.subnets;
  return {
    figures: [
      figure(
        'status.coldP50Ms',
        'status: p50, 100 concurrent, cache window opening',
        round(polling.coldCache.p50),
        'ms',
      ),
      figure(
        'status.coldP99Ms',
        'status: p99, 100 concurrent, cache window opening',
        round(polling.coldCache.p99),
        'ms',
      ),
      figure(
        'status.warmP50Ms',
        'status: p50, 100 concurrent, cache filled',
        round(polling.warmCache.p50),
        'ms',
      ),
      figure(
        'status.warmP99Ms',
        'status: p99, 100 concurrent, cache filled',
        round(polling.warmCache.p99),
        'ms',
      ),
      figure(
        'status.ec2Calls',
        'status: EC2 calls for 200 polls in one window',
        polling.ec2Calls,
        'calls',
      ),
      figure(
        'status.describeSetsPerWindow',
        'status: Describe sets per cache window',
        polling.describeSets / windows,
        'sets',
        { max: 1 },
      ),
      figure(
        'connect.associationsMade',
        `connect storm: associations made (${subnets} subnets)`,
        storm.associationsMade,
        'associations',
        { min: subnets, max: subnets },
      ),
      figure(
        'connect.associateCalls',
        'connect storm: Associate calls (idempotent)',
        storm.associateCalls,
        'calls',
      ),
      figure('connect.p50Ms', 'connect storm: p50, 50 concurrent', round(storm.p50), 'ms'),
      figure('connect.p99Ms', 'connect storm: p99, 50 concurrent', round(storm.p99), 'ms'),
    ],
    details: { awsLatencyMs: 50, polling, storm },
  };
}
