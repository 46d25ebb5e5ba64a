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
  /**
   * A connection that moved no meaningful traffic for this long is ended by the sweep and
   * counts as idle (SPEC section 4, rule 11; core/model/quiet-connections.ts); 0 turns it off.
   */
  quietConnectionMinutes: number;
  prices: { associationHourUsd: number; connectionHourUsd: number };
}
