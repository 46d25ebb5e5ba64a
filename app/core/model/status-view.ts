import type { QuietEnd } from './quiet-connections.js';
import type { AssociationStatus, VpnState } from './vocabulary.js';

/** What the employee's page shows (SPEC sections 5 and 6), before HTTP adds its envelope. */
export interface StatusView {
  state: VpnState;
  associations: { subnetId: string; associationId: string; status: AssociationStatus }[];
  activeConnections: number;
  lastActivityAt: string | null;
  /** null while anyone is connected (the VPN stays on) or while the VPN is off. */
  autoDisconnectAt: string | null;
  idleTimeoutMinutes: number;
  typicalStartSeconds: number;
  /** When the current association started (for the elapsed time while `starting`). */
  startedAt: string | null;
  /** True when a connect is waiting for the VPN to finish stopping. */
  connectQueued: boolean;
  /** Plain words for what failed, in state `error`. */
  failure: string | null;
  /**
   * Connections of the open session the portal ended for no traffic, latest first, without
   * anyone connected again. Names people: the HTTP layer shows each person only their own.
   */
  quietEnds: QuietEnd[];
  /** "Keep it on" (issue 16): the VPN stays on until then; absent or null without a hold. */
  keptOnUntil?: string | null;
}
