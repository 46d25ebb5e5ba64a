import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureLambdaBundles } from './bundles.mjs';
import { figure } from './figures.mjs';
import { LAMBDA_ENV } from './lambda-env.mjs';
import { runTs } from './run-ts.mjs';
import { round } from './stats.mjs';

/** Issue 15's budgets: ratios to floors measured in the same run, and counts. */
const COLD_P99_PER_EC2 = 1.25;
const WARM_P99_PER_DYNAMODB = 3;
/** Without backoff, 30 s of throttling would see ten refreshes (one per 3 s window). */
const THROTTLED_REFRESHES_MAX = 5;

export const FLEET_BUDGETED = [
  ['fleet.describeSetsPerWindow', 'fleet: Describe sets per cache window', 'sets', { max: 1 }],
  ['fleet.errors', 'fleet: polls answered error', 'polls', { max: 0 }],
  [
    'fleet.coldP99PerEc2',
    'fleet: status p99, cold window ÷ EC2 round trip p99 during the bursts',
    '×',
    { max: COLD_P99_PER_EC2 },
  ],
  [
    'fleet.warmP99PerDynamoDb',
    'fleet: status p99, warm snapshot ÷ DynamoDB round trip p99 during the bursts',
    '×',
    { max: WARM_P99_PER_DYNAMODB },
  ],
  ['fleet.throttled.errors', 'throttled 30 s: polls answered error', 'polls', { max: 0 }],
  ['fleet.throttled.maxAgeSeconds', 'throttled 30 s: oldest status answered', 's', { max: 60 }],
  [
    'fleet.throttled.refreshes',
    'throttled 30 s: refreshes tried',
    'refreshes',
    { min: 1, max: THROTTLED_REFRESHES_MAX },
  ],
  ['fleet.throttled.recovered', 'throttled 30 s: fresh status after it ends', 'yes', { min: 1 }],
];

/**
 * The bundle's key fetcher trusts only HTTPS, as in AWS: the fake key server gets a
 * certificate of its own, trusted through NODE_EXTRA_CA_CERTS (read when Node starts).
 */
function certificate() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-fleet-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  return { dir, cert: join(dir, 'cert.pem'), key: join(dir, 'key.pem') };
}

/** Status at fleet scale (issue 15), in a tsx child that loads the built portal bundle. */
export async function fleetStatus() {
  await ensureLambdaBundles();
  const tls = certificate();
  let run;
  try {
    run = await runTs('scripts/bench/fleet-load.ts', {
      env: {
        ...LAMBDA_ENV,
        NODE_EXTRA_CA_CERTS: tls.cert,
        FLEET_CERT_FILE: tls.cert,
        FLEET_KEY_FILE: tls.key,
      },
      timeoutMs: 300_000,
    });
  } finally {
    rmSync(tls.dir, { recursive: true, force: true });
  }
  const { floors, floorsUnderLoad: under, load, throttling } = run;
  const windows = Math.max(1, Math.round(run.loadMs / run.freshMs));
  const reads = (counts) => (counts.GetItem ?? 0) + (counts.Query ?? 0);
  const writes = (counts) => (counts.UpdateItem ?? 0) + (counts.PutItem ?? 0);
  const polls = load.all.polls;
  return {
    figures: [
      figure('fleet.instances', 'fleet: portal instances (built bundle)', run.instances, ''),
      figure('fleet.polls', 'fleet: polls, in bursts of one per instance', polls, 'polls'),
      figure(
        'fleet.describeSetsPerWindow',
        `fleet: Describe sets per cache window (${load.describeSets} in ${windows})`,
        round(load.describeSets / windows, 2),
        'sets',
        { max: 1 },
      ),
      figure(
        'fleet.fromSnapshot',
        'fleet: polls answered from a snapshot',
        load.fromSnapshot,
        'polls',
      ),
      figure('fleet.errors', 'fleet: polls answered error', load.errors, 'polls', { max: 0 }),
      figure(
        'fleet.ec2RoundTripMs',
        'fleet: one EC2 round trip (a Describe set), alone (median)',
        round(floors.ec2RoundTripMs),
        'ms',
      ),
      figure(
        'fleet.ec2DuringBurstsP99Ms',
        `fleet: one EC2 round trip (a Describe set) during the bursts, p50 ${round(under.ec2.p50)} / p99 (floor)`,
        round(under.ec2.p99),
        'ms',
      ),
      figure(
        'fleet.dynamoDbRoundTripMs',
        'fleet: one DynamoDB round trip, alone (median)',
        round(floors.dynamodbRoundTripMs),
        'ms',
      ),
      figure(
        'fleet.dynamoDbDuringBurstsP99Ms',
        `fleet: one DynamoDB round trip during the bursts, p50 ${round(under.dynamodb.p50)} / p99 (floor)`,
        round(under.dynamodb.p99),
        'ms',
      ),
      figure('fleet.p50Ms', 'fleet: status p50, all polls', round(load.all.p50), 'ms'),
      figure('fleet.p99Ms', 'fleet: status p99, all polls', round(load.all.p99), 'ms'),
      figure(
        'fleet.coldP50Ms',
        `fleet: status p50, cold window (${load.cold.polls} polls)`,
        round(load.cold.p50),
        'ms',
      ),
      figure('fleet.coldP99Ms', 'fleet: status p99, cold window', round(load.cold.p99), 'ms'),
      figure(
        'fleet.warmP50Ms',
        `fleet: status p50, warm snapshot (${load.warm.polls} polls)`,
        round(load.warm.p50),
        'ms',
      ),
      figure('fleet.warmP99Ms', 'fleet: status p99, warm snapshot', round(load.warm.p99), 'ms'),
      figure(
        'fleet.coldP99PerEc2',
        'fleet: status p99, cold window ÷ EC2 round trip p99 during the bursts',
        round(load.cold.p99 / under.ec2.p99, 2),
        '×',
        { max: COLD_P99_PER_EC2 },
      ),
      figure(
        'fleet.warmP99PerDynamoDb',
        'fleet: status p99, warm snapshot ÷ DynamoDB round trip p99 during the bursts',
        round(load.warm.p99 / under.dynamodb.p99, 2),
        '×',
        { max: WARM_P99_PER_DYNAMODB },
      ),
      figure(
        'fleet.coldP99PerEc2Alone',
        'fleet: status p99, cold window ÷ a lone EC2 round trip (median)',
        round(load.cold.p99 / floors.ec2RoundTripMs, 2),
        '×',
      ),
      figure(
        'fleet.warmP99PerDynamoDbAlone',
        'fleet: status p99, warm snapshot ÷ a lone DynamoDB round trip (median)',
        round(load.warm.p99 / floors.dynamodbRoundTripMs, 2),
        '×',
      ),
      figure(
        'fleet.dynamoDbReadsPerPoll',
        'fleet: DynamoDB reads per poll',
        round(reads(load.dynamodb) / polls, 3),
        'reads',
      ),
      figure(
        'fleet.dynamoDbWritesPerPoll',
        'fleet: DynamoDB writes per poll',
        round(writes(load.dynamodb) / polls, 3),
        'writes',
      ),
      figure(
        'fleet.dynamoDbReadsPerWindow',
        'fleet: DynamoDB reads per window',
        round(reads(load.dynamodb) / windows, 1),
        'reads',
      ),
      figure(
        'fleet.dynamoDbWritesPerWindow',
        'fleet: DynamoDB writes per window',
        round(writes(load.dynamodb) / windows, 1),
        'writes',
      ),
      figure(
        'fleet.firstPollMs',
        "fleet: an instance's first status poll, median",
        round(run.firstPollMs.median),
        'ms',
      ),
      figure(
        'fleet.throttled.errors',
        'throttled 30 s: polls answered error',
        throttling.errors,
        'polls',
        { max: 0 },
      ),
      figure(
        'fleet.throttled.maxAgeSeconds',
        'throttled 30 s: oldest status answered',
        round(throttling.maxAgeMs / 1000),
        's',
        { max: run.maxAgeMs / 1000 },
      ),
      figure(
        'fleet.throttled.refreshes',
        `throttled 30 s: refreshes tried (at ${throttling.refreshesDuringThrottle.startsMs.map((ms) => round(ms / 1000)).join(', ')} s)`,
        throttling.refreshesDuringThrottle.count,
        'refreshes',
        { min: 1, max: THROTTLED_REFRESHES_MAX },
      ),
      figure(
        'fleet.throttled.recovered',
        'throttled 30 s: fresh status after it ends',
        throttling.refreshedAfter ? 1 : 0,
        'yes',
        { min: 1 },
      ),
    ],
    details: {
      awsLatencyMs: { ec2: 50, dynamodb: 5 },
      windows,
      ...run,
    },
  };
}
