import type { PortalDeployment } from './product-cost.js';
import type { ExtraRoute } from './vocabulary.js';

/**
 * The rules that keep the auto-off promise at its edges (issue 14). Always on in a deployed
 * portal; the bench's simulated month switches each off in turn to show what it saves.
 * - `remembered-ends`: a connection's end counts as activity after EC2 stops listing it.
 * - `adopted-by-evidence`: an association the portal did not make is judged by the metrics'
 *   history, not by the moment the portal first saw it.
 */
export type AutoOffRule = 'remembered-ends' | 'adopted-by-evidence';

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
  /** How often the sweep runs: it looks back that much further, to judge what it missed. */
  sweepIntervalMinutes: number;
  /**
   * A connection that moved no meaningful traffic for this long is ended by the sweep and
   * counts as idle (SPEC section 4, rule 11; core/model/quiet-connections.ts); 0 turns it off.
   */
  quietConnectionMinutes: number;
  prices: { associationHourUsd: number; connectionHourUsd: number };
  /**
   * The longest "Keep it on" an employee may ask for, in hours past now; 0 turns the control
   * off (issue 16). Optional so policies written before it read as off.
   */
  keepOnMaxHours?: number;
  /**
   * What the deployed stack holds, for the admin view's "what the portal itself costs"
   * (issue 17), from the settings (config/settings.ts `portalDeployment`). Absent:
   * DEFAULT_PORTAL_DEPLOYMENT, the stack's own ALB.
   */
  portalDeployment?: PortalDeployment;
  /** Rules switched off, for the bench's what-each-rule-saves table only; empty in settings. */
  rulesOff?: readonly AutoOffRule[];
}
