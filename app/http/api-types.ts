/**
 * The JSON the portal answers (SPEC section 6). Type-only: the SPA imports these too, so
 * the two sides cannot drift apart.
 */
import type { AdminMonthReport } from '../core/admin-report.js';
import type { MonthReport } from '../core/model/cost.js';
import type { CoreErrorCode } from '../core/model/errors.js';
import type { ConnectionEndCause, EndReason } from '../core/model/vocabulary.js';
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
  /** `others_using` only (issue 16): how many other people use or asked for the VPN. */
  othersUsing?: number;
}

export interface ErrorBody {
  error: ApiError;
}

export interface MeBody {
  user: { id: string; email: string; name: string };
  isAdmin: boolean;
}

/** The core's view of the VPN, with the server's clock and the error envelope added. */
export interface StatusBody extends Omit<StatusView, 'failure' | 'quietEnds'> {
  serverTime: string;
  /**
   * The asker's own VPN connection, when the portal ended it for moving no traffic for
   * `quietMinutes` (issue 14): "ended: no traffic for 60 min". Null otherwise, or once they
   * are connected again. Matched on the VPN user name being their e-mail (or user id).
   */
  connectionEnded: ConnectionEnded | null;
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

export interface ConnectionEnded {
  reason: ConnectionEndCause;
  quietMinutes: number;
  /** ISO 8601. */
  endedAt: string;
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
  /** "Keep it on" (issue 16): who held the VPN on last, and until when. */
  keptOn?: { by: string; until: string } | null;
}

export interface AdminConnection {
  connectionId: string;
  user: string;
  status: string;
  connectedAt: string;
  endedAt: string | null;
  /** Set when the portal ended it itself: "ended: no traffic for 60 min" (issue 14). */
  endedFor?: { reason: ConnectionEndCause; quietMinutes: number };
}

export interface AdminSessionsBody {
  sessions: AdminSession[];
  connections: AdminConnection[];
  /** The month so far (UTC); `productCost` and `netSavingsUsd` since issue 17. */
  month: AdminMonthReport;
  /** Only when a warm-up schedule is configured (issue 9). */
  warmUps?: AdminWarmUps;
}

export interface AdminWarmUps {
  /** The next warm-up instants, soonest first (ISO 8601, UTC). */
  next: string[];
  /** Sessions the schedule started this month (UTC) and their association hours and cost. */
  costThisMonth: { sessions: number; associationHours: number; costUsd: number };
}

/** `GET /api/vpn-client` (issue 16): what the deployment says about the VPN app. */
export interface VpnClientBody {
  /** The app to open once the VPN app is connected, per language (default WorkSpaces). */
  openNext: { ko: string; ja: string; en: string };
  /** Longest "Keep it on" in hours; 0 when the deployment turned the control off. */
  keepOnMaxHours: number;
}

/**
 * `GET /api/setup` (issue 16): what the endpoint's authentication means for setting up a
 * device. `certificate`: the employee's certificate and key come from IT and go into the
 * profile; `directory`: OpenVPN Connect asks for a user name and password; `federated`:
 * SAML sign-in works only in AWS's own client, so an iPad cannot use this endpoint.
 */
export interface SetupBody {
  authentication: ('certificate' | 'directory' | 'federated')[];
  /** False when the endpoint signs in with SAML (OpenVPN Connect cannot). */
  usableWithOpenVpnConnect: boolean;
  /** The endpoint's self-service portal, for desktop users of AWS's client; null without one. */
  selfServicePortalUrl: string | null;
  /** The name `GET /api/client-config` gives the downloaded file. */
  configFileName: string;
}

/** An endpoint's display names (issue 18). */
export interface EndpointNamesBody {
  ko: string;
  ja: string;
  en: string;
}

/**
 * `GET /api/endpoints` (issue 18): the endpoints the signed-in user may use, the one they
 * used last first (`lastUsedAt`: the start of the newest session they took part in; endpoints
 * never used follow, in the settings' order).
 */
export interface EndpointsBody {
  endpoints: { key: string; names: EndpointNamesBody; lastUsedAt: string | null }[];
}

/** `GET /api/admin/endpoints` (issue 18): every endpoint, and the month's total. */
export interface AdminEndpointsBody {
  endpoints: {
    key: string;
    names: EndpointNamesBody;
    state: StatusBody['state'];
    /** Active connections, as the status body counts them. */
    connections: number;
    month: MonthReport;
  }[];
  /** Every endpoint's month added up, and the portal's own cost counted once (issue 17). */
  total: { month: AdminMonthReport };
}
