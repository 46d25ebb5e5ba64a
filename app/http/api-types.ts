/**
 * The JSON the portal answers (SPEC section 6). Type-only: the SPA imports these too, so
 * the two sides cannot drift apart.
 */
import type { MonthReport } from '../core/model/cost.js';
import type { CoreErrorCode } from '../core/model/errors.js';
import type { EndReason } from '../core/model/vocabulary.js';
import type { DayPattern, Weekday } from '../core/model/warm-up-schedule.js';
import type { StatusView } from '../core/status.js';

/**
 * The core's error codes, plus what only the portal says: a failed start, a wrong path or
 * method, a body too large to read, a bug.
 */
export type ApiErrorCode =
  | CoreErrorCode
  | 'association_failed'
  | 'not_found'
  | 'method_not_allowed'
  | 'payload_too_large'
  | 'internal';

export interface ApiError {
  /** An ApiErrorCode; typed as a string on the wire, since the SPA must survive new codes. */
  code: string;
  message: string;
  requestId: string;
}

export interface ErrorBody {
  error: ApiError;
}

export interface MeBody {
  user: { id: string; email: string; name: string };
  isAdmin: boolean;
}

/** The core's view of the VPN, with the server's clock and the error envelope added. */
export interface StatusBody extends Omit<StatusView, 'failure'> {
  serverTime: string;
  /**
   * When AWS was read for this answer (issue 15): every portal instance answers from one
   * shared snapshot, so this is up to a few seconds before `serverTime`, and longer while
   * AWS throttles (the page then says "as of 40 s ago"). Null in an `error` answer.
   */
  asOf: string | null;
  /** Set in state `error`: what failed in plain words and the reference id to quote. */
  error: ApiError | null;
  /**
   * Only when a warm-up schedule is configured (issue 9): the next warm-up, for "The VPN
   * turns on at 08:40 on weekdays"; null when none is due within two years (all holidays).
   */
  warmUp?: WarmUpNext | null;
}

/** The warm-up entry that fires soonest; the SPA words `dayPattern` and formats `time`. */
export interface WarmUpNext {
  /** `HH:MM`, 24-hour, in `timeZone`. */
  time: string;
  /** Monday first. */
  days: Weekday[];
  dayPattern: DayPattern;
  /** IANA zone of `time`, e.g. `Asia/Seoul`. */
  timeZone: string;
  /** ISO 8601 (UTC). */
  nextAt: string;
}

export interface AdminSession {
  id: string;
  startedBy: string;
  startedAt: string;
  readyAt: string | null;
  endedAt: string | null;
  endReason: EndReason | null;
  users: string[];
  peakConnections: number;
  costUsd: number;
}

export interface AdminConnection {
  connectionId: string;
  user: string;
  status: string;
  connectedAt: string;
  endedAt: string | null;
}

export interface AdminSessionsBody {
  sessions: AdminSession[];
  connections: AdminConnection[];
  month: MonthReport;
  /** Only when a warm-up schedule is configured (issue 9). */
  warmUps?: AdminWarmUps;
}

export interface AdminWarmUps {
  /** The next warm-up instants, soonest first (ISO 8601, UTC). */
  next: string[];
  /** Sessions the schedule started this month (UTC) and their association hours and cost. */
  costThisMonth: { sessions: number; associationHours: number; costUsd: number };
}
