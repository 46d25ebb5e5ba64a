import type { CoreDeps } from './deps.js';
import { type MonthReport, monthReport } from './model/cost.js';

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

/** The endpoint's month so far against always-on, as the admin report has it. */
export async function monthSoFar(
  deps: Pick<CoreDeps, 'store' | 'clock' | 'policy'>,
): Promise<MonthReport> {
  const now = deps.clock.now();
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const sessions = await deps.store.overlapping(monthStart);
  return monthReport(sessions, now, deps.policy.subnetIds.length, deps.policy.prices);
}
