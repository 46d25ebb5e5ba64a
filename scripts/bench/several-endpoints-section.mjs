import { figure } from './figures.mjs';
import { LAMBDA_ENV } from './lambda-env.mjs';
import { runTs } from './run-ts.mjs';
import { round } from './stats.mjs';

/** Two endpoints, distinct ids and subnets: seoul (tapped, 2 subnets), staging (polled only). */
export const SEVERAL_ENDPOINTS = [
  {
    key: 'seoul',
    endpointId: 'cvpn-endpoint-0123456789abcdef0',
    names: { ko: '서울 사무소', ja: 'ソウル事務所', en: 'Seoul office' },
    subnetIds: ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002'],
    idleAlarmName: 'vpn-idle-seoul',
  },
  {
    key: 'staging',
    endpointId: 'cvpn-endpoint-0fedcba9876543210',
    names: { ko: '스테이징', ja: 'ステージング', en: 'Staging' },
    subnetIds: ['subnet-0a1b2c3d4e5f60003'],
    idleAlarmName: 'vpn-idle-staging',
  },
];

const SINGLE_ENDPOINT_VARIABLES = [
  'VPN_ENDPOINT_ID',
  'VPN_SUBNET_IDS',
  'VPN_EXTRA_ROUTES',
  'IDLE_TIMEOUT_MINUTES',
  'QUIET_CONNECTION_MINUTES',
  'IDLE_ALARM_NAME',
  'WARM_UP_SCHEDULE',
];

/** LAMBDA_ENV with the endpoints in VPN_ENDPOINTS (today's variables may not be set beside it). */
function severalEndpointsEnv() {
  const env = { ...LAMBDA_ENV, VPN_ENDPOINTS: JSON.stringify(SEVERAL_ENDPOINTS) };
  // Empty, not deleted: runTs merges this over the parent's environment.
  for (const variable of SINGLE_ENDPOINT_VARIABLES) env[variable] = '';
  return env;
}

export const SEVERAL_BUDGETED = [
  [
    'several.seoul.associationsMade',
    'seoul (tapped): associations made',
    'associations',
    { min: 2, max: 2 },
  ],
  ['several.seoul.associateCalls', 'seoul (tapped): Associate calls', 'calls', { min: 2, max: 2 }],
  [
    'several.staging.associationsMade',
    'staging (polled): associations made',
    'associations',
    { max: 0 },
  ],
  ['several.staging.associateCalls', 'staging (polled): Associate calls', 'calls', { max: 0 }],
  [
    'several.seoul.describeSetsPerWindow',
    'seoul: status Describe sets per cache window',
    'sets',
    { max: 1 },
  ],
  [
    'several.staging.describeSetsPerWindow',
    'staging: status Describe sets per cache window',
    'sets',
    { max: 1 },
  ],
  ['several.statusErrors', 'status answers that were `error`', 'answers', { max: 0 }],
];

/**
 * Two endpoints busy at once behind one portal (issue 18), in a tsx child: 50 connects on
 * seoul while both endpoints' status is polled, 100 polls each, twice 0.5 s apart. The
 * latencies are for reading (one process, as in the portal section).
 */
export async function severalEndpoints() {
  const result = await runTs('scripts/bench/several-endpoints-load.ts', {
    env: severalEndpointsEnv(),
  });
  const { seoul, staging } = result.endpoints;
  const errors = seoul.statusErrors + staging.statusErrors;
  return {
    figures: [
      figure(
        'several.seoul.associationsMade',
        `seoul (tapped): associations made (${seoul.subnets} subnets)`,
        seoul.associationsMade,
        'associations',
        { min: seoul.subnets, max: seoul.subnets },
      ),
      figure(
        'several.seoul.associateCalls',
        'seoul (tapped): Associate calls',
        seoul.associateCalls,
        'calls',
        { min: seoul.subnets, max: seoul.subnets },
      ),
      figure(
        'several.staging.associationsMade',
        'staging (polled): associations made',
        staging.associationsMade,
        'associations',
        { max: 0 },
      ),
      figure(
        'several.staging.associateCalls',
        'staging (polled): Associate calls',
        staging.associateCalls,
        'calls',
        { max: 0 },
      ),
      figure(
        'several.seoul.describeSetsPerWindow',
        'seoul: status Describe sets per cache window',
        seoul.maxDescribeSetsPerWindow,
        'sets',
        { max: 1 },
      ),
      figure(
        'several.staging.describeSetsPerWindow',
        'staging: status Describe sets per cache window',
        staging.maxDescribeSetsPerWindow,
        'sets',
        { max: 1 },
      ),
      figure(
        'several.statusErrors',
        `status answers that were \`error\` (of ${2 * 2 * result.pollersPerEndpoint})`,
        errors,
        'answers',
        { max: 0 },
      ),
      figure(
        'several.seoul.connectDescribeCalls',
        'seoul: Describe calls made by connects (they read EC2 themselves)',
        seoul.callsByCause['connect:seoul']?.DescribeClientVpnTargetNetworks ?? 0,
        'calls',
      ),
      figure('several.seoul.statusP50Ms', 'seoul: status p50', round(seoul.status.p50), 'ms'),
      figure('several.seoul.statusP99Ms', 'seoul: status p99', round(seoul.status.p99), 'ms'),
      figure('several.staging.statusP50Ms', 'staging: status p50', round(staging.status.p50), 'ms'),
      figure('several.staging.statusP99Ms', 'staging: status p99', round(staging.status.p99), 'ms'),
      figure(
        'several.connectP50Ms',
        'seoul: connect p50, 50 concurrent',
        round(result.connect.p50),
        'ms',
      ),
      figure(
        'several.connectP99Ms',
        'seoul: connect p99, 50 concurrent',
        round(result.connect.p99),
        'ms',
      ),
    ],
    details: { awsLatencyMs: 50, ...result },
  };
}
