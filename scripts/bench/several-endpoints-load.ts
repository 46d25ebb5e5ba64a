/**
 * Two endpoints busy at once behind one portal (issue 18): a connect storm on one endpoint
 * while both endpoints' status is polled, in one process, EC2 mocked per endpoint. Prints one
 * JSON line: per endpoint, the associations made, the AWS calls and who caused them, and the
 * latencies in milliseconds.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { STATUS_CACHE_MS } from '../../app/http/portal-services.js';
import type { Ec2CallRecord } from './ec2-mock.js';
import { percentile, sleep, timed } from './latency.js';
import { type Portal, startPortal } from './portal-harness.js';

const POLLERS = 100;
const TAPPERS = 50;
const SECOND_BURST_AFTER_MS = 500;
const DESCRIBE_SET = 'DescribeClientVpnTargetNetworks';

/** The endpoint tapped, and the one only polled: keys from VPN_ENDPOINTS (the section's env). */
const TAPPED = 'seoul';
const IDLE = 'staging';

type Request = Parameters<Portal['eventFor']>[0];
/** `status:seoul`, `connect:seoul`…: what a request is, so EC2 calls name their cause. */
type Cause = `${'status' | 'connect'}:${string}`;

const cause = new AsyncLocalStorage<Cause>();
const portal = await startPortal(process.env, { ec2: { causeOf: () => cause.getStore() } });

interface Answer {
  cause: Cause;
  ms: number;
  statusCode: number;
  /** The body's `state` (status and connect answer with the status body). */
  state: string | undefined;
}

type Signed = { why: Cause; event: ReturnType<Portal['eventFor']> }[];

/** Signed ahead, as the ALB does that work, not the Lambda: both bursts before the clock. */
function sign(requests: { cause: Cause; request: Request }[]): Signed {
  return requests.map(({ cause: why, request }) => ({ why, event: portal.eventFor(request) }));
}

/** Fires every request at once, each under its cause. */
async function burst(events: Signed): Promise<Answer[]> {
  return Promise.all(
    events.map(async ({ why, event }) => {
      const { ms, result } = await timed(() => cause.run(why, () => portal.invoke(event)));
      return { cause: why, ms, statusCode: result.statusCode, state: stateOf(result) };
    }),
  );
}

function stateOf(result: Awaited<ReturnType<Portal['invoke']>>): string | undefined {
  const text = result.isBase64Encoded
    ? Buffer.from(result.body, 'base64').toString('utf8')
    : result.body;
  try {
    return (JSON.parse(text) as { state?: string }).state;
  } catch {
    return undefined;
  }
}

const statusPolls = (key: string) =>
  Array.from({ length: POLLERS }, (_, user) => ({
    cause: `status:${key}` as Cause,
    request: { path: `/api/endpoints/${key}/status`, user },
  }));
const taps = Array.from({ length: TAPPERS }, (_, user) => ({
  cause: `connect:${TAPPED}` as Cause,
  request: { method: 'POST', path: `/api/endpoints/${TAPPED}/connect`, user, body: '{}' },
}));

/** Interleaved, so neither endpoint's requests all reach the handler first. */
function interleave<T>(...lists: T[][]): T[] {
  const longest = Math.max(...lists.map((list) => list.length));
  const out: T[] = [];
  for (let index = 0; index < longest; index++) {
    for (const list of lists) {
      const item = list[index];
      if (item !== undefined) out.push(item);
    }
  }
  return out;
}

/**
 * The status polls' Describe sets, grouped into cache windows: a window opens with a set made
 * STATUS_CACHE_MS or more after the window's first set, or with the first set after a connect
 * on that endpoint invalidated the cache (by design: after a change the next poll reads EC2).
 * More than one set in a window means the polls missed the cache.
 */
function windowsOf(sets: number[], invalidations: number[]) {
  const perWindow: number[] = [];
  let windowStart = Number.NEGATIVE_INFINITY;
  let previous = Number.NEGATIVE_INFINITY;
  for (const at of [...sets].sort((a, b) => a - b)) {
    const invalidated = invalidations.some((when) => when > previous && when <= at);
    if (at - windowStart >= STATUS_CACHE_MS || invalidated) {
      windowStart = at;
      perWindow.push(1);
    } else {
      perWindow[perWindow.length - 1] = (perWindow.at(-1) ?? 0) + 1;
    }
    previous = at;
  }
  return { windows: perWindow.length, setsPerWindow: perWindow };
}

function latencies(answers: Answer[]) {
  const ms = answers.map((answer) => answer.ms);
  return { p50: percentile(ms, 50), p99: percentile(ms, 99), max: Math.max(...ms) };
}

try {
  const keys = [TAPPED, IDLE];
  const invalidations: Record<string, number[]> = {};
  for (const key of keys) {
    const { status } = portal.endpoints.byKey(key);
    const invalidate = status.invalidate.bind(status);
    invalidations[key] = [];
    status.invalidate = () => {
      invalidations[key]?.push(performance.now());
      invalidate();
    };
  }

  // A warm Lambda has fetched the keys and run every code path once; then every endpoint's
  // next poll reads EC2, as when a cache window opens.
  await portal.invoke(portal.eventFor({ path: '/api/me', user: 0 }));
  for (const key of keys) {
    await portal.invoke(portal.eventFor({ path: `/api/endpoints/${key}/status`, user: 0 }));
  }
  for (const key of keys) portal.endpoints.byKey(key).status.invalidate();
  portal.ec2.resetCalls();
  for (const key of keys) invalidations[key] = [];

  const firstEvents = sign(interleave(statusPolls(TAPPED), statusPolls(IDLE), taps));
  const secondEvents = sign(interleave(statusPolls(TAPPED), statusPolls(IDLE)));
  const started = performance.now();
  const first = burst(firstEvents);
  await sleep(SECOND_BURST_AFTER_MS);
  const secondStarted = performance.now();
  const second = await burst(secondEvents);
  const firstAnswers = await first;
  const spanMs = performance.now() - started;
  // Once the storm is over: the tapped endpoint is starting, the other still off.
  const afterStorm: Record<string, string | undefined> = {};
  for (const key of keys) {
    const event = portal.eventFor({ path: `/api/endpoints/${key}/status`, user: 0 });
    afterStorm[key] = stateOf(await portal.invoke(event));
  }

  // The calls of the two bursts (the reads after the storm are not part of them).
  const log: Ec2CallRecord[] = portal.ec2.log.filter((call) => call.at < started + spanMs);
  const endpoints = Object.fromEntries(
    keys.map((key) => {
      const { settings } = portal.endpoints.byKey(key);
      const ec2 = portal.ec2.endpoint(settings.endpointId);
      const ofEndpoint = log.filter((call) => call.endpointId === settings.endpointId);
      const pollSets = ofEndpoint
        .filter((call) => call.operation === DESCRIBE_SET && call.cause === `status:${key}`)
        .map((call) => call.at);
      const { windows, setsPerWindow } = windowsOf(pollSets, invalidations[key] ?? []);
      const polls = [...firstAnswers, ...second].filter((a) => a.cause === `status:${key}`);
      const callsByCause: Record<string, Record<string, number>> = {};
      for (const call of ofEndpoint) {
        const why = call.cause ?? 'unknown';
        const byOperation = callsByCause[why] ?? {};
        byOperation[call.operation] = (byOperation[call.operation] ?? 0) + 1;
        callsByCause[why] = byOperation;
      }
      return [
        key,
        {
          endpointId: settings.endpointId,
          subnets: settings.subnetIds.length,
          associationsMade: ec2.associations.length,
          associateCalls: ec2.calls.AssociateClientVpnTargetNetwork ?? 0,
          describeCalls: ofEndpoint.filter((call) => call.operation === DESCRIBE_SET).length,
          pollDescribeSets: pollSets.length,
          cacheWindows: windows,
          maxDescribeSetsPerWindow: Math.max(0, ...setsPerWindow),
          setsPerWindow,
          invalidations: invalidations[key]?.length ?? 0,
          callsByCause,
          statusErrors: polls.filter((a) => a.statusCode !== 200 || a.state === 'error').length,
          statusCodes: countBy(polls.map((a) => String(a.statusCode))),
          statusStates: countBy(polls.map((a) => a.state ?? 'none')),
          status: latencies(polls),
          statusFirstBurst: latencies(firstAnswers.filter((a) => a.cause === `status:${key}`)),
          statusSecondBurst: latencies(second.filter((a) => a.cause === `status:${key}`)),
        },
      ];
    }),
  );
  const connects = firstAnswers.filter((a) => a.cause.startsWith('connect:'));
  process.stdout.write(
    `${JSON.stringify({
      pollersPerEndpoint: POLLERS,
      tappers: TAPPERS,
      cacheWindowMs: STATUS_CACHE_MS,
      secondBurstAfterMs: secondStarted - started,
      spanMs,
      stateAfterStorm: afterStorm,
      endpoints,
      connect: {
        ...latencies(connects),
        statusCodes: countBy(connects.map((a) => String(a.statusCode))),
      },
    })}\n`,
  );
} finally {
  await portal.stop();
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
