import type { ExtraRoute } from './vocabulary.js';

/** What the operator decided: the part of the settings the core's decisions read. */
export interface VpnPolicy {
  subnetIds: string[];
  extraRoutes: ExtraRoute[];
  idleTimeoutMinutes: number;
  prices: { associationHourUsd: number; connectionHourUsd: number };
}
