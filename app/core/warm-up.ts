import { type ConnectOutcome, connect } from './connect.js';
import type { CoreDeps } from './deps.js';
import { associationHours, type Prices } from './model/cost.js';
import type { VpnSession } from './model/vocabulary.js';
import { isHoliday, type WarmUpSchedule } from './model/warm-up-schedule.js';

/** `startedBy` (and the requester) of a session the warm-up schedule opened. */
const WARM_UP_STARTER = 'schedule';

/**
 * A warm-up delivered later than this after its scheduled time is dropped: EventBridge
 * Scheduler retries for up to 24 hours, and an 08:40 warm-up carried out at 15:00 would only
 * cost money. Within it, the VPN still comes up before most people arrive.
 */
export const DEFAULT_MAX_WARM_UP_DELAY_MINUTES = 60;

export interface WarmUpInput {
  /** The time the warm-up was scheduled for (the Scheduler's `scheduled-time`). */
  at: Date;
  /** For the holiday check; without it, no date counts as a holiday. */
  schedule?: WarmUpSchedule;
  /** The zone whose calendar the holiday list is read in; default: the entry firing at `at`. */
  timeZone?: string;
  maxDelayMinutes?: number;
}

export type WarmUpResult =
  | { action: 'skipped'; reason: 'holiday' | 'too-late'; detail: string }
  | { action: 'connected'; outcome: ConnectOutcome; warnings: string[] };

/**
 * Turns the VPN on before people arrive, exactly as a Connect tap would: one idempotent
 * association per subnet, a session started by `schedule`, and a connect request that counts
 * as activity (ConnectRequests metric and the session's lastConnectRequestAt). So the VPN
 * stays on for the idle timeout and then turns itself off if nobody connected. If the VPN is
 * already on (or starting), the warm-up only counts as activity; while it is stopping, the
 * start is queued. An association failure is thrown, like Connect's.
 */
export async function warmUp(deps: CoreDeps, input: WarmUpInput): Promise<WarmUpResult> {
  if (input.schedule && isHoliday(input.schedule, input.at, input.timeZone)) {
    return {
      action: 'skipped',
      reason: 'holiday',
      detail: `${input.at.toISOString()} falls on a listed holiday.`,
    };
  }
  const maxDelayMs = (input.maxDelayMinutes ?? DEFAULT_MAX_WARM_UP_DELAY_MINUTES) * 60_000;
  const lateMs = deps.clock.now().getTime() - input.at.getTime();
  if (lateMs > maxDelayMs) {
    return {
      action: 'skipped',
      reason: 'too-late',
      detail: `Delivered ${Math.round(lateMs / 60_000)} minutes after ${input.at.toISOString()}.`,
    };
  }
  const { outcome, warnings } = await connect(deps, WARM_UP_STARTER);
  return { action: 'connected', outcome, warnings };
}

export interface WarmUpMonth {
  /** Sessions the schedule started this month (UTC), and the subnet-hours they kept. */
  sessions: number;
  associationHours: number;
  /** What those sessions cost in association hours (connections are counted elsewhere). */
  costUsd: number;
}

/** For the admin view: what warm-ups cost this month, from the sessions of the month. */
export function warmUpCostThisMonth(
  sessions: readonly VpnSession[],
  now: Date,
  prices: Prices,
): WarmUpMonth {
  const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const warmUps = sessions.filter((session) => session.startedBy === WARM_UP_STARTER);
  const hours = warmUps.reduce(
    (sum, session) => sum + associationHours(session, now, monthStart, now.getTime()),
    0,
  );
  return {
    sessions: warmUps.filter((s) => Date.parse(s.endedAt ?? s.startedAt) >= monthStart).length,
    associationHours: Math.round(hours * 100) / 100,
    costUsd: Math.round(hours * prices.associationHourUsd * 100) / 100,
  };
}
