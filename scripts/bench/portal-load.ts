/**
 * Status polling and the connect storm on a warm portal handler (issue 8). Prints one JSON
 * line: latencies in milliseconds and the AWS calls the requests caused.
 */
import { firstEndpoint } from '../../app/config/settings.js';
import { STATUS_CACHE_MS } from '../../app/http/portal-services.js';
import { percentile, sleep, timed } from './latency.js';
import { type Portal, startPortal } from './portal-harness.js';

const POLLERS = 100;
const TAPPERS = 50;
const DESCRIBE_SET = 'DescribeClientVpnTargetNetworks';

async function burst(portal: Portal, requests: Parameters<Portal['eventFor']>[0][]) {
  // Signed before the clock starts: the ALB, not the Lambda, does that work.
  const events = requests.map((request) => portal.eventFor(request));
  const results = await Promise.all(events.map((event) => timed(() => portal.invoke(event))));
  const latencies = results.map((result) => result.ms);
  const statuses: Record<string, number> = {};
  for (const { result } of results) {
    statuses[result.statusCode] = (statuses[result.statusCode] ?? 0) + 1;
  }
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: Math.max(...latencies),
    statuses,
  };
}

async function warmUp(portal: Portal): Promise<void> {
  // A warm Lambda has fetched the keys and run every code path once.
  for (const path of ['/api/me', '/api/status', '/api/me']) {
    await portal.invoke(portal.eventFor({ path, user: 0 }));
  }
  portal.services.status.invalidate();
  portal.ec2.resetCalls();
}

async function statusPolling() {
  const portal = await startPortal(process.env);
  try {
    await warmUp(portal);
    const polls = Array.from({ length: POLLERS }, (_, user) => ({ path: '/api/status', user }));
    const windowStarted = performance.now();
    const first = await burst(portal, polls);
    await sleep(500);
    const second = await burst(portal, polls);
    const windowMs = performance.now() - windowStarted;
    const calls = { ...portal.ec2.calls };
    const ec2Calls = Object.values(calls).reduce((sum, n) => sum + n, 0);
    return {
      requests: POLLERS,
      cacheWindowMs: STATUS_CACHE_MS,
      // Both bursts fall in one cache window: one set of Describe calls must answer all 200.
      bothBurstsInOneWindow: windowMs < STATUS_CACHE_MS,
      burstsSpanMs: windowMs,
      describeSets: calls[DESCRIBE_SET] ?? 0,
      ec2Calls,
      ec2CallsByOperation: calls,
      coldCache: first,
      warmCache: second,
    };
  } finally {
    await portal.stop();
  }
}

async function connectStorm() {
  const portal = await startPortal(process.env);
  try {
    await warmUp(portal);
    const taps = Array.from({ length: TAPPERS }, (_, user) => ({
      method: 'POST',
      path: '/api/connect',
      user,
      body: '{}',
    }));
    const result = await burst(portal, taps);
    return {
      requests: TAPPERS,
      subnets: firstEndpoint(portal.settings).subnetIds.length,
      associationsMade: portal.ec2.associations.length,
      associateCalls: portal.ec2.calls.AssociateClientVpnTargetNetwork ?? 0,
      ...result,
    };
  } finally {
    await portal.stop();
  }
}

const polling = await statusPolling();
const storm = await connectStorm();
process.stdout.write(`${JSON.stringify({ polling, storm })}\n`);
