/**
 * Status at fleet scale (issue 15): N fresh instances of the BUILT portal bundle, each in a
 * worker thread of its own (fleet-instance.mjs: its own module state, caches, SDK clients,
 * event loop and heap, as a Lambda environment has), talking through the bundled SDK clients
 * to a fake EC2 (every answer 50 ms) and to dynalite (every answer 5 ms more), both in a
 * process of their own (fleet-aws.mjs). Prints one JSON line: latencies in milliseconds, the
 * floors they are budgeted against, and what reached EC2 and DynamoDB.
 *
 * Lambda hands each environment one request at a time: each burst sends every instance one
 * poll, and a poll's latency is its handler's time, taken on its own thread (the Lambda's
 * duration). `FLEET_DEBUG=1` prints, for each refresh, when its calls reached EC2 and
 * DynamoDB.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeClientVpnConnectionsCommand,
  DescribeClientVpnTargetNetworksCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { DEFAULT_SNAPSHOT_TIMING } from '../../app/core/shared-status.js';
import type { StatusBody } from '../../app/http/api-types.js';
import { createLocalSigner } from '../../app/local-mode/alb-signer.js';
import { type AlbEvent, albEvent } from '../../app/testing/alb-event.js';
import { createSessionsTableNamed } from '../../app/testing/dynalite.js';
import { percentile, sleep } from './latency.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** The SPEC section 9 environment the section hands this process (lambda-env.mjs). */
function lambdaEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this through the bench (fleet-section.mjs)`);
  return value;
}
const LAMBDA_ENV = {
  AWS_REGION: lambdaEnv('AWS_REGION'),
  AWS_ACCESS_KEY_ID: lambdaEnv('AWS_ACCESS_KEY_ID'),
  AWS_SECRET_ACCESS_KEY: lambdaEnv('AWS_SECRET_ACCESS_KEY'),
  VPN_ENDPOINT_ID: lambdaEnv('VPN_ENDPOINT_ID'),
  VPN_SUBNET_IDS: lambdaEnv('VPN_SUBNET_IDS'),
  ALB_ARN: lambdaEnv('ALB_ARN'),
  COGNITO_USER_POOL_ID: lambdaEnv('COGNITO_USER_POOL_ID'),
  COGNITO_CLIENT_ID: lambdaEnv('COGNITO_CLIENT_ID'),
};
const BUNDLE = pathToFileURL(join(ROOT, 'dist', 'lambda', 'portal.mjs')).href;

export const INSTANCES = 20;
const BURSTS = 50;
/**
 * 50 bursts of 20 polls, 1.2 s apart: 1,000 polls over a minute, some twenty 3-second
 * windows, so that the cold-window tail rests on about twenty refreshes, not a handful.
 */
const BURST_EVERY_MS = 1_200;
/**
 * Within a burst, the polls arrive this far apart: 20 in 100 ms, 200 polls a second (1,000
 * employees polling every 15 s make 67 a second). In AWS each of the 20 environments has a
 * CPU of its own; here 20 threads share this machine's two cores with the fake AWS, and 20
 * polls arriving in the same microsecond would mostly measure the threads queueing for a
 * core (each poll's token checks cost a few milliseconds of CPU), which no Lambda does.
 */
const ARRIVAL_GAP_MS = 5;
const THROTTLE_MS = 30_000;
/** Polls go on after the throttling ends, to see the refreshes come back. */
const AFTER_THROTTLE_MS = 16_000;
const THROTTLE_BURST_EVERY_MS = 2_000;
const FLOOR_SAMPLES = 21;

interface Answer {
  ms: number;
  statusCode: number;
  body: string;
}

/** One instance: a worker thread (fleet-instance.mjs) with the bundle loaded. */
interface Instance {
  initMs: number;
  invoke(event: AlbEvent): Promise<Answer>;
  stop(): Promise<number>;
}

function startInstance(instance: number): Promise<Instance> {
  const worker = new Worker(join(import.meta.dirname, 'fleet-instance.mjs'), {
    workerData: { bundleUrl: BUNDLE, instance },
  });
  const pending = new Map<number, (answer: Answer) => void>();
  let next = 0;
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (message: { ready?: boolean; initMs: number; id: number } & Answer) => {
      if (message.ready) {
        resolve({
          initMs: message.initMs,
          invoke: (event) =>
            new Promise((answered) => {
              next += 1;
              pending.set(next, answered);
              worker.postMessage({ id: next, event });
            }),
          stop: () => worker.terminate(),
        });
        return;
      }
      pending.get(message.id)?.(message);
      pending.delete(message.id);
    });
  });
}

interface Poll {
  ms: number;
  startedAt: number;
  status: number;
  body: StatusBody;
}

interface AwsCounts {
  ec2: Record<string, number>;
  dynamodb: Record<string, number>;
}

/** The fake AWS process, driven over its IPC channel. */
function startAws(): Promise<{
  ports: { dynamodb: number; ec2: number; keys: number };
  ask<T>(message: object, reply: string): Promise<T>;
  stop(): void;
}> {
  const child: ChildProcess = fork(join(import.meta.dirname, 'fleet-aws.mjs'), [], {
    cwd: ROOT,
    env: {
      ...process.env,
      FLEET_ENDPOINT_ID: LAMBDA_ENV.VPN_ENDPOINT_ID,
      FLEET_SUBNET: SUBNET,
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ask = <T>(message: object, reply: string) =>
    new Promise<T>((resolve) => {
      const listener = (answer: { type: string }) => {
        if (answer.type !== reply) return;
        child.off('message', listener);
        resolve(answer as T);
      };
      child.on('message', listener);
      child.send(message);
    });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`fleet-aws exited with ${code}`)));
    child.once('message', (message: { type: string; ports: never }) => {
      if (message.type === 'ready') {
        resolve({ ports: message.ports, ask, stop: () => child.kill() });
      }
    });
  });
}

const SUBNET = LAMBDA_ENV.VPN_SUBNET_IDS.split(',')[0] ?? '';

/** The median of `samples` sequential round trips, each timed alone. */
async function floor(roundTrip: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  await roundTrip(); // the connection is open, as it is for a warm instance
  for (let i = 0; i < FLOOR_SAMPLES; i += 1) {
    const started = performance.now();
    await roundTrip();
    samples.push(performance.now() - started);
  }
  return percentile(samples, 50);
}

/** The EC2 probes' endpoint id: the fake AWS counts their calls apart from the portal's. */
const PROBE_ENDPOINT_ID = 'cvpn-endpoint-0000000000000f100';

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function main() {
  const aws = await startAws();
  const signer = createLocalSigner({
    albArn: LAMBDA_ENV.ALB_ARN,
    region: LAMBDA_ENV.AWS_REGION,
    userPoolId: LAMBDA_ENV.COGNITO_USER_POOL_ID,
    clientId: LAMBDA_ENV.COGNITO_CLIENT_ID,
  });
  await aws.ask(
    {
      type: 'keys',
      keys: {
        albKid: signer.albKid,
        albPem: signer.albPublicKeyPem(signer.albKid),
        jwks: signer.cognitoJwks(),
      },
    },
    'keys',
  );
  const dynamodbUrl = `http://127.0.0.1:${aws.ports.dynamodb}`;
  const ec2Url = `http://127.0.0.1:${aws.ports.ec2}`;
  const keysUrl = `https://localhost:${aws.ports.keys}`;
  const credentials = {
    accessKeyId: LAMBDA_ENV.AWS_ACCESS_KEY_ID,
    secretAccessKey: LAMBDA_ENV.AWS_SECRET_ACCESS_KEY,
  };
  const region = LAMBDA_ENV.AWS_REGION;
  const dynamodb = new DynamoDBClient({
    region,
    endpoint: dynamodbUrl,
    credentials,
    maxAttempts: 1,
  });
  const ec2 = new EC2Client({ region, endpoint: ec2Url, credentials, maxAttempts: 1 });
  const tableName = 'vpn-portal-sessions';
  const describeSet = (endpoint: string) =>
    Promise.all([
      ec2.send(new DescribeClientVpnTargetNetworksCommand({ ClientVpnEndpointId: endpoint })),
      ec2.send(new DescribeClientVpnConnectionsCommand({ ClientVpnEndpointId: endpoint })),
    ]);
  await createSessionsTableNamed(dynamodb, tableName);

  // What the Lambda runtime and the stack give the function; endpoints as an operator would
  // point the SDK elsewhere (SPEC section 9). Set before the first instance loads.
  Object.assign(process.env, {
    VPN_SUBNET_IDS: SUBNET,
    SESSIONS_TABLE: tableName,
    AWS_ENDPOINT_URL_EC2: ec2Url,
    AWS_ENDPOINT_URL_DYNAMODB: dynamodbUrl,
    AWS_ENDPOINT_URL_CLOUDWATCH: ec2Url,
    ALB_KEYS_URL: `${keysUrl}/alb-keys`,
    COGNITO_JWKS_URL: `${keysUrl}/jwks.json`,
  });

  const instancesToStop: Instance[] = [];
  try {
    const initMs: number[] = [];
    const handlers: Instance[] = instancesToStop;
    for (let instance = 0; instance < INSTANCES; instance += 1) {
      const loaded = await startInstance(instance);
      initMs.push(loaded.initMs);
      handlers.push(loaded);
    }

    // One employee per instance, signed once as the ALB would (the ALB, not the Lambda, pays).
    const headers = handlers.map((_, user) => {
      const person = {
        sub: `00000000-flee-4000-8000-${String(user).padStart(12, '0')}`,
        email: `employee${user}@example.com`,
        name: `Employee ${user}`,
        username: `employee${user}`,
      };
      return {
        'x-amzn-oidc-data': signer.signDataToken(person, { expiresInSeconds: 3_600 }),
        'x-amzn-oidc-accesstoken': signer.signAccessToken(person, [], {
          expiresInSeconds: 3_600,
        }),
        'x-amzn-oidc-identity': person.sub,
      };
    });
    const invoke = async (instance: number, path: string): Promise<Poll> => {
      const target = handlers[instance];
      if (!target) throw new Error(`no instance ${instance}`);
      const event = albEvent({ path, headers: headers[instance] ?? {} });
      const startedAt = Date.now();
      const result = await target.invoke(event);
      // The handler's own time, taken on its thread: the Lambda's duration.
      return { ms: result.ms, startedAt, status: result.statusCode, body: JSON.parse(result.body) };
    };
    const fromSnapshot = (poll: Poll) =>
      poll.body.asOf !== null && Date.parse(poll.body.asOf) < poll.startedAt;
    // One poll per instance, arriving ARRIVAL_GAP_MS apart (see there). An instance still
    // busy with its last poll takes the next when done, as a Lambda environment takes one
    // request at a time; the wait is not counted.
    const busy: Promise<unknown>[] = handlers.map(() => Promise.resolve());
    const burst = () =>
      Promise.all(
        handlers.map(async (_, instance) => {
          await sleep(instance * ARRIVAL_GAP_MS);
          const poll = (busy[instance] ?? Promise.resolve()).then(() =>
            invoke(instance, '/api/status'),
          );
          busy[instance] = poll;
          return poll;
        }),
      );

    // Each environment's first requests, one at a time as Lambda would give them their own
    // CPU: the key fetch and the SDK clients' first calls are cold-start costs, not the load's.
    const firstPollMs: number[] = [];
    for (let instance = 0; instance < INSTANCES; instance += 1) {
      const me = await invoke(instance, '/api/me');
      if (me.status !== 200) throw new Error(`instance ${instance}: /api/me answered ${me.status}`);
      firstPollMs.push((await invoke(instance, '/api/status')).ms);
    }

    const floors = {
      // One round trip to EC2 as a refresh makes it: both Describe calls at once.
      ec2RoundTripMs: await floor(() => describeSet(LAMBDA_ENV.VPN_ENDPOINT_ID)),
      dynamodbRoundTripMs: await floor(() =>
        dynamodb.send(
          new GetItemCommand({
            TableName: tableName,
            Key: { pk: { S: 'status' }, sk: { S: 'snapshot' } },
            ConsistentRead: true,
          }),
        ),
      ),
    };
    await aws.ask({ type: 'reset' }, 'reset');

    // The floors again, measured during the load: one lone EC2 round trip and one lone
    // DynamoDB round trip sent as each burst starts, so that they meet what the burst meets
    // (this machine's other work, its scheduler, the fake AWS process being busy).
    const ec2Probe = () => describeSet(PROBE_ENDPOINT_ID);
    const dynamodbProbe = () => {
      probeGets += 1;
      return dynamodb.send(
        new GetItemCommand({
          TableName: tableName,
          Key: { pk: { S: 'probe' }, sk: { S: 'probe' } },
          ConsistentRead: true,
        }),
      );
    };
    const probes = { ec2: [] as number[], dynamodb: [] as number[] };
    let probeGets = 0;
    // Sent twice in each burst, a quarter and three quarters of the way through its arrivals.
    const probe = () =>
      Promise.all(
        [0.25, 0.75].map(async (share) => {
          await sleep(share * ARRIVAL_GAP_MS * INSTANCES);
          // A probe that fails (a connection reset by a busy machine) is a sample lost, no more.
          const [ec2Ms, dynamodbMs] = await Promise.all([
            timed(ec2Probe).catch(() => null),
            timed(dynamodbProbe).catch(() => null),
          ]);
          if (ec2Ms !== null) probes.ec2.push(ec2Ms);
          if (dynamodbMs !== null) probes.dynamodb.push(dynamodbMs);
        }),
      );

    // ---- 1,000 polls: a burst (one poll per instance) every BURST_EVERY_MS, about twenty windows ----
    // A burst is cold when its window opened under it: one of its polls read EC2. The others
    // are answered from a snapshot (this instance's copy or the table's).
    const cold: Poll[] = [];
    const warm: Poll[] = [];
    const bursts: { at: number; p50: number; max: number; refreshed: number; cold: boolean }[] = [];
    const loadStarts = Date.now();
    for (let index = 0; index < BURSTS; index += 1) {
      await sleep(Math.max(0, loadStarts + index * BURST_EVERY_MS - Date.now()));
      const [answered] = await Promise.all([burst(), probe()]);
      const refreshed = answered.filter((poll) => !fromSnapshot(poll)).length;
      (refreshed > 0 ? cold : warm).push(...answered);
      bursts.push({
        at: answered[0] ? answered[0].startedAt - loadStarts : 0,
        p50: percentile(
          answered.map((poll) => poll.ms),
          50,
        ),
        max: Math.max(...answered.map((poll) => poll.ms)),
        refreshed,
        cold: refreshed > 0,
      });
    }
    const loadMs = Date.now() - loadStarts;
    if (process.env.FLEET_DEBUG) process.stderr.write(`${JSON.stringify(process.memoryUsage())}\n`);
    const answer = await aws.ask<{ counts: AwsCounts; debugLog: unknown[] }>(
      { type: 'counts' },
      'counts',
    );
    const load = answer.counts;
    // The DynamoDB probes are GetItems too: not the portal's.
    load.dynamodb.GetItem = (load.dynamodb.GetItem ?? 0) - probeGets;
    if (process.env.FLEET_DEBUG) {
      const refreshers = cold.filter((poll) => !fromSnapshot(poll));
      process.stderr.write(
        `${JSON.stringify({ refreshers: refreshers.map((poll) => [poll.startedAt, poll.ms]), log: answer.debugLog })}\n`,
      );
    }
    const polls = [...cold, ...warm];

    // ---- EC2 throttles every call for 30 s ----
    await aws.ask({ type: 'reset' }, 'reset');
    await sleep(DEFAULT_SNAPSHOT_TIMING.freshMs); // start from a snapshot about to go stale
    await burst();
    const throttleStarts = Date.now();
    await aws.ask({ type: 'throttle', until: throttleStarts + THROTTLE_MS }, 'throttle');
    const throttled: Poll[] = [];
    while (Date.now() < throttleStarts + THROTTLE_MS + AFTER_THROTTLE_MS) {
      const next = Date.now() + THROTTLE_BURST_EVERY_MS;
      throttled.push(...(await burst()));
      await sleep(Math.max(0, next - Date.now()));
    }
    const { counts: throttleCounts, ec2Times } = await aws.ask<{
      counts: AwsCounts;
      ec2Times: Record<string, number[]>;
    }>({ type: 'counts' }, 'counts');

    const latency = (list: Poll[]) => ({
      polls: list.length,
      p50: percentile(
        list.map((poll) => poll.ms),
        50,
      ),
      p99: percentile(
        list.map((poll) => poll.ms),
        99,
      ),
      max: Math.max(...list.map((poll) => poll.ms)),
    });
    const ageMs = (poll: Poll) =>
      poll.body.asOf === null
        ? null
        : Date.parse(poll.body.serverTime) - Date.parse(poll.body.asOf);
    const throttledAges = throttled.map(ageMs);
    // The refreshes EC2 refused: the calls made while it throttled.
    const attempts = (ec2Times.DescribeClientVpnTargetNetworks ?? []).filter(
      (at) => at >= throttleStarts && at < throttleStarts + THROTTLE_MS,
    );

    process.stdout.write(
      `${JSON.stringify({
        instances: INSTANCES,
        bursts: BURSTS,
        arrivalGapMs: ARRIVAL_GAP_MS,
        loadMs,
        freshMs: DEFAULT_SNAPSHOT_TIMING.freshMs,
        maxAgeMs: DEFAULT_SNAPSHOT_TIMING.maxAgeMs,
        initMs: {
          first: initMs[0],
          median: percentile(initMs, 50),
          max: Math.max(...initMs),
        },
        floors,
        floorsUnderLoad: {
          samples: probes.ec2.length,
          ec2: { p50: percentile(probes.ec2, 50), p99: percentile(probes.ec2, 99) },
          dynamodb: { p50: percentile(probes.dynamodb, 50), p99: percentile(probes.dynamodb, 99) },
        },
        firstPollMs: { median: percentile(firstPollMs, 50), max: Math.max(...firstPollMs) },
        load: {
          all: latency(polls),
          cold: latency(cold),
          warm: latency(warm),
          errors: polls.filter((poll) => poll.status !== 200 || poll.body.state === 'error').length,
          fromSnapshot: polls.filter(fromSnapshot).length,
          describeSets: load.ec2.DescribeClientVpnTargetNetworks ?? 0,
          ec2: load.ec2,
          dynamodb: load.dynamodb,
          maxAgeMs: Math.max(...polls.map((poll) => ageMs(poll) ?? Number.POSITIVE_INFINITY)),
          bursts,
        },
        throttling: {
          throttleMs: THROTTLE_MS,
          polls: throttled.length,
          errors: throttled.filter((poll) => poll.status !== 200 || poll.body.state === 'error')
            .length,
          maxAgeMs: Math.max(...throttledAges.map((age) => age ?? Number.POSITIVE_INFINITY)),
          refreshesDuringThrottle: refreshesIn(attempts, throttleStarts),
          describeCallsDuringThrottle: attempts.length,
          refreshedAfter: throttled.some(
            (poll) => Date.parse(poll.body.asOf ?? '') >= throttleStarts + THROTTLE_MS,
          ),
          latency: latency(throttled),
          ec2: throttleCounts.ec2,
          dynamodb: throttleCounts.dynamodb,
          attemptOffsetsMs: attempts.map((at) => at - throttleStarts),
        },
      })}\n`,
    );
  } finally {
    await Promise.all(instancesToStop.map((instance) => instance.stop()));
    aws.stop();
    dynamodb.destroy();
    ec2.destroy();
  }
}

/**
 * One refresh makes its Describe call up to three times (awsCall retries a throttled call
 * after 50–100 ms, then 100–200 ms), and after a failed refresh none starts for at least 2 s:
 * calls less than 1.5 s after the one before belong to the same refresh.
 */
function refreshesIn(times: number[], from: number): { count: number; startsMs: number[] } {
  const starts: number[] = [];
  let previous = Number.NEGATIVE_INFINITY;
  for (const at of [...times].sort((a, b) => a - b)) {
    if (at - previous > 1_500) starts.push(at);
    previous = at;
  }
  return { count: starts.length, startsMs: starts.map((at) => at - from) };
}

await main();
process.exit(0);
