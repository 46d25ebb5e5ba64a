import { type AdminMonthReport, withProductCost } from './admin-report.js';
import type { CoreDeps } from './deps.js';
import { type MonthReport, monthReport } from './model/cost.js';
import { sumMonthReports } from './model/month-total.js';
import type { VpnSession } from './model/vocabulary.js';

/** How far back "the endpoint you used last" looks: enough sessions for weeks of use. */
const LAST_USE_SESSIONS = 50;

/**
 * When `user` last took part in a session of this endpoint (started it, asked for it or was
 * among its users), as the start of the newest such session; null if none is recent enough.
 * Issue 18: the employee page lists the endpoint used last first.
 */
export async function lastUsedAt(
  deps: Pick<CoreDeps, 'store'>,
  user: string,
): Promise<string | null> {
  const sessions = await deps.store.recent(LAST_USE_SESSIONS);
  const newest = sessions.find(
    (session) => session.startedBy === user || session.users.includes(user),
  );
  return newest?.startedAt ?? null;
}

export interface EndpointMonth {
  report: MonthReport;
  /** The sessions it was made from: the deployment's usage adds every endpoint's up. */
  sessions: VpnSession[];
}

/** The endpoint's month so far against always-on, as the admin report has it. */
export async function monthSoFar(
  deps: Pick<CoreDeps, 'store' | 'clock' | 'policy'>,
): Promise<EndpointMonth> {
  const now = deps.clock.now();
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const sessions = await deps.store.overlapping(monthStart);
  return {
    report: monthReport(sessions, now, deps.policy.subnetIds.length, deps.policy.prices),
    sessions,
  };
}

/**
 * Every endpoint's month added up, with what the portal itself cost (issue 17) counted once
 * for the whole deployment: its load balancer, key and dashboard are shared by the endpoints,
 * its Lambda and DynamoDB use is every endpoint's sessions together.
 */
export function deploymentMonth(
  months: readonly EndpointMonth[],
  deps: Pick<CoreDeps, 'clock' | 'policy'>,
): AdminMonthReport | null {
  const total = sumMonthReports(months.map((month) => month.report));
  if (!total) return null;
  return withProductCost(
    total,
    months.flatMap((month) => month.sessions),
    deps,
  );
}
