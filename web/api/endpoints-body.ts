/**
 * The answers of the several-endpoints routes (issue 18), as the backend's contract states
 * them. Type-only, like app/http/api-types.ts, where they belong once the backend exports
 * them (branch wt-multi-api).
 */
import type { MonthReport } from '../../app/core/model/cost';
import type { VpnState } from '../../app/core/model/vocabulary';

/** An endpoint's display name in each language the portal speaks. */
export interface EndpointNames {
  ko: string;
  ja: string;
  en: string;
}

export interface EndpointSummary {
  /** Short key used in URLs: `/api/endpoints/:key/status`. */
  key: string;
  names: EndpointNames;
  /** When the signed-in user last asked for it (ISO 8601), or null. */
  lastUsedAt: string | null;
}

/** `GET /api/endpoints`: what the signed-in user may use, the one they used last first. */
export interface EndpointsBody {
  endpoints: EndpointSummary[];
}

export interface AdminEndpoint {
  key: string;
  names: EndpointNames;
  state: VpnState;
  connections: number;
  month: MonthReport;
}

/** `GET /api/admin/endpoints`: every endpoint of the deployment, and the month summed. */
export interface AdminEndpointsBody {
  endpoints: AdminEndpoint[];
  total: { month: MonthReport };
}
