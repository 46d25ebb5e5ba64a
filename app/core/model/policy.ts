import type { ExtraRoute } from './vocabulary.js';

/** What the operator decided: the part of the settings the core's decisions read. */
export interface VpnPolicy {
  subnetIds: string[];
  extraRoutes: ExtraRoute[];
  idleTimeoutMinutes: number;
  /**
   * How long past the idle timeout the safety-net sweep leaves the idle alarm to act
   * before it acts itself (config/idle-alarm-definition.ts says why this long).
   */
  sweepWaitsForAlarmMinutes: number;
  prices: { associationHourUsd: number; connectionHourUsd: number };
}
