import type { CoreDeps } from './deps.js';
import { type MonthReport, monthReport, sessionCostUsd } from './model/cost.js';
import {
  DEFAULT_PORTAL_DEPLOYMENT,
  netSavingsUsd,
  type ProductCostReport,
  productCostThisMonth,
} from './model/product-cost.js';
import { productPriceAmounts } from './model/product-prices.js';
import { portalUsageThisMonth, USAGE_ASSUMPTIONS } from './model/product-usage.js';
import type { ClientConnection, ConnectionEndCause, VpnSession } from './model/vocabulary.js';
import { type WarmUpMonth, warmUpCostThisMonth } from './warm-up.js';

/** A connection as EC2 lists it, with why the portal ended it, if it did. */
export interface ReportedConnection extends ClientConnection {
  endedFor?: { reason: ConnectionEndCause; quietMinutes: number };
}

/** The month's VPN cost against always-on, and against what the portal itself costs (issue 17). */
export interface AdminMonthReport extends MonthReport {
  productCost: ProductCostReport;
  /** Always-on minus the VPN's cost minus the portal's own: negative when it cost more. */
  netSavingsUsd: number;
}

export interface AdminReport {
  sessions: (VpnSession & { costUsd: number })[];
  connections: ReportedConnection[];
  month: AdminMonthReport;
  /** What the sessions the warm-up schedule started cost this month. */
  warmUps: WarmUpMonth;
}

const RECENT_SESSIONS = 30;

export async function adminReport(deps: CoreDeps): Promise<AdminReport> {
  const now = deps.clock.now();
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const [recent, connections, monthSessions] = await Promise.all([
    deps.store.recent(RECENT_SESSIONS),
    deps.vpn.describeConnections(),
    deps.store.overlapping(monthStart),
  ]);
  return {
    sessions: recent.map((session) => ({
      ...session,
      costUsd: sessionCostUsd(session, now, deps.policy.prices),
    })),
    connections: connections
      .map((connection) => withEndCause(connection, recent))
      .sort((a, b) => b.connectedAt.getTime() - a.connectedAt.getTime()),
    month: withProductCost(
      monthReport(monthSessions, now, deps.policy.subnetIds.length, deps.policy.prices),
      monthSessions,
      deps,
    ),
    warmUps: warmUpCostThisMonth(monthSessions, now, deps.policy.prices),
  };
}

/** The month with what the portal itself cost beside it, and the savings net of both. */
export function withProductCost(
  month: MonthReport,
  monthSessions: readonly VpnSession[],
  deps: Pick<CoreDeps, 'clock' | 'policy'>,
): AdminMonthReport {
  const now = deps.clock.now();
  const usage = portalUsageThisMonth({
    sessions: monthSessions,
    now,
    sweepIntervalMinutes: deps.policy.sweepIntervalMinutes,
  });
  const productCost = productCostThisMonth({
    usage,
    now,
    deployment: deps.policy.portalDeployment ?? DEFAULT_PORTAL_DEPLOYMENT,
    prices: productPriceAmounts(),
    assumptions: USAGE_ASSUMPTIONS,
  });
  return { ...month, productCost, netSavingsUsd: netSavingsUsd(month, productCost.costUsd) };
}

/** What the sessions remember of how the portal ended this connection (issue 14). */
function withEndCause(
  connection: ClientConnection,
  sessions: readonly VpnSession[],
): ReportedConnection {
  for (const session of sessions) {
    const record = session.connections.find((c) => c.connectionId === connection.connectionId);
    if (record?.endedFor) {
      return {
        ...connection,
        endedFor: { reason: record.endedFor, quietMinutes: record.quietMinutes ?? 0 },
      };
    }
  }
  return connection;
}
