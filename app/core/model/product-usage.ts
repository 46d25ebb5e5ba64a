import type { VpnSession } from './vocabulary.js';

/**
 * What the portal does not count, and the cost view therefore assumes (issue 17). Every
 * figure here is an assumption the README's "What the portal itself costs" repeats; they lean
 * towards more usage, so the net savings shown are if anything too low, never too high.
 */
export const USAGE_ASSUMPTIONS = {
  /**
   * Status polls are not counted. Assumed: everyone a session lists (who asked for the VPN or
   * connected through it) keeps the page open for the whole session, polling at the ready
   * page's pace (web/poller/use-status.ts, `readyPollMs`). In practice Safari stops polling
   * in the background, so the real figure is lower.
   */
  statusPollSeconds: 15,
  /** Requests of one page load: the page, its script and style, /api/me, the first status… */
  pageLoadRequests: 8,
  /** A warm portal answers in about 50 ms (infra/constructs/portal.ts); cold starts ignored. */
  portalDurationMs: 50,
  /** An events run (sweep, alarm, warm-up) makes a few AWS calls of ~50–300 ms each. */
  eventsDurationMs: 1_000,
  /** Measured: `npm run bench -- --only fleetStatus` (README, "Status at fleet scale"). */
  dynamoDbReadsPerPoll: 0.35,
  dynamoDbWritesPerPoll: 0.034,
  /** An events run reads the open session and recent history, and may write one change. */
  dynamoDbReadsPerEventsRun: 4,
  dynamoDbWritesPerEventsRun: 1,
  /** A session's own writes: opened, ready, each connection seen, ended. */
  dynamoDbWritesPerSession: 10,
  /**
   * Bytes the ALB processes per request, both ways: the Cognito session cookie (up to four
   * shards of about 4 KB), the headers and a small JSON answer.
   */
  albBytesPerRequest: 6_000,
  /** Lambda's START/END/REPORT lines plus the portal's one JSON request line. */
  logBytesPerInvocation: 700,
  /** The re-check asks GetMetricData for two metrics (adapters/aws/cloudwatch-activity-metrics.ts). */
  metricsPerGetMetricData: 2,
} as const;

export type UsageAssumptions = { [K in keyof typeof USAGE_ASSUMPTIONS]: number };

/** The month's usage: what is counted from the sessions and the schedule, and what is estimated. */
export interface PortalUsage {
  /** Counted: sessions that overlap the month so far. */
  sessions: number;
  /** Counted: taps on Connect (and warm-ups) recorded in this month's sessions. */
  connectRequests: number;
  /** Counted: UTC hours with a connect request (the hours the ConnectRequests metric was sent). */
  hoursWithConnectRequests: number;
  /** Counted from the schedule: safety-net sweeps since the 1st. */
  sweeps: number;
  /** Counted: sessions the warm-up schedule started. */
  warmUps: number;
  /** Counted: sessions that ended idle, each at least one idle-alarm invocation. */
  alarmInvocations: number;
  /** Estimated (see USAGE_ASSUMPTIONS.statusPollSeconds): status polls are not counted. */
  statusPolls: number;
  /** Estimated: status polls, page loads and connect taps. */
  portalRequests: number;
  /** Sweeps, alarm invocations and warm-ups. */
  eventsInvocations: number;
}

const HOUR_MS = 3_600_000;
const WARM_UP_STARTER = 'schedule';

export interface UsageInput {
  sessions: readonly VpnSession[];
  /** The month counted runs from the 1st (UTC) to now. */
  now: Date;
  sweepIntervalMinutes: number;
  assumptions?: UsageAssumptions;
}

export function portalUsageThisMonth(input: UsageInput): PortalUsage {
  const assume = input.assumptions ?? USAGE_ASSUMPTIONS;
  const to = input.now.getTime();
  const from = Date.UTC(input.now.getUTCFullYear(), input.now.getUTCMonth(), 1);
  const inMonth = (at: string) => Date.parse(at) >= from && Date.parse(at) < to;

  let statusPolls = 0;
  let pageLoads = 0;
  let tapsInPortal = 0;
  let connectRequests = 0;
  const connectHours = new Set<number>();
  for (const session of input.sessions) {
    const end = session.endedAt ? Date.parse(session.endedAt) : to;
    const openMs = Math.max(0, Math.min(end, to) - Math.max(Date.parse(session.startedAt), from));
    // A warm-up lists `schedule` among its users: nobody's page polls for it.
    const people = session.users.filter((user) => user !== WARM_UP_STARTER).length;
    statusPolls += people * (openMs / 1000 / assume.statusPollSeconds);
    if (inMonth(session.startedAt)) pageLoads += people * assume.pageLoadRequests;
    for (const request of connectRequestsOf(session).filter((r) => inMonth(r.at))) {
      connectRequests += 1;
      if (request.by !== WARM_UP_STARTER) tapsInPortal += 1;
      connectHours.add(Math.floor(Date.parse(request.at) / HOUR_MS));
    }
  }
  const started = input.sessions.filter((session) => inMonth(session.startedAt));
  const ended = input.sessions.filter((s) => s.endedAt !== null && inMonth(s.endedAt));
  const warmUps = started.filter((session) => session.startedBy === WARM_UP_STARTER).length;
  const alarmInvocations = ended.filter((session) => session.endReason === 'idle').length;
  const sweeps = Math.floor((to - from) / (input.sweepIntervalMinutes * 60_000));
  const polls = Math.round(statusPolls);
  return {
    sessions: input.sessions.length,
    connectRequests,
    hoursWithConnectRequests: connectHours.size,
    sweeps,
    warmUps,
    alarmInvocations,
    statusPolls: polls,
    portalRequests: polls + pageLoads + tapsInPortal,
    eventsInvocations: sweeps + alarmInvocations + warmUps,
  };
}

/**
 * Sessions written before issue 16, and warm-ups, keep only the latest request: count that one.
 */
function connectRequestsOf(session: VpnSession): { by: string; at: string }[] {
  if (session.connectRequests) return session.connectRequests;
  if (session.lastConnectRequestAt === null) return [];
  return [{ by: session.startedBy, at: session.lastConnectRequestAt }];
}
