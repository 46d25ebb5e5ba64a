/**
 * The health panel's JSON (issue 17). Type-only: the SPA imports these too, so the two sides
 * cannot drift apart. The checks carry ids, statuses and values, never sentences: the SPA
 * words them in the reader's language.
 */
import type { HealthReport } from '../core/model/health.js';

export type {
  HealthCheck,
  HealthStatus,
  IdleAlarmCheck,
  LastRunCheck,
  NoticeChannelCheck,
  PermissionCheck,
  SubnetCheck,
} from '../core/model/health.js';

/** `GET /api/admin/health`: every check, its status, and when they ran. */
export type HealthBody = HealthReport;

/** `POST /api/admin/health/test-notice`. */
export interface TestNoticeBody {
  /** False when no notice channel is configured: nothing was sent. */
  sent: boolean;
  /** The notice's subject, as it arrives (e-mail subject, first line in chat). */
  subject: string;
  /** ISO 8601. */
  at: string;
}
