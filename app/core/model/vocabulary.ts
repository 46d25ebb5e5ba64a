/**
 * The vocabulary of the domain. Status names follow the EC2 Client VPN API
 * (AssociationStatusCode, ClientVpnConnectionStatusCode, ClientVpnRouteStatusCode) so
 * adapters map AWS answers one to one and nothing is lost in translation.
 */

export type AssociationStatus =
  | 'associating'
  | 'associated'
  | 'association-failed'
  | 'disassociating'
  | 'disassociated';

export interface Association {
  associationId: string;
  subnetId: string;
  status: AssociationStatus;
  /** AWS's own words when the status is `association-failed`. */
  statusMessage?: string;
}

export type ConnectionStatus = 'active' | 'failed-to-terminate' | 'terminating' | 'terminated';

export interface ClientConnection {
  connectionId: string;
  /** Who connected: the VPN username or, for certificate authentication, the common name. */
  user: string;
  status: ConnectionStatus;
  connectedAt: Date;
  /** Set once the connection has ended; AWS lists ended connections for 60 minutes. */
  endedAt: Date | null;
  clientIp?: string;
  /**
   * Bytes the connection has carried so far, as DescribeClientVpnConnections counts them
   * (IngressBytes/EgressBytes). Absent when AWS left them out or sent something unreadable.
   */
  ingressBytes?: number;
  egressBytes?: number;
}

export interface VpnRoute {
  destinationCidr: string;
  targetSubnetId: string;
  /** `associate` routes come and go with the association; `add-route` ones were added by hand. */
  origin: 'associate' | 'add-route';
  status: 'creating' | 'active' | 'failed' | 'deleting';
}

export interface ExtraRoute {
  cidr: string;
  subnetId: string;
  description?: string;
}

export type VpnState = 'off' | 'starting' | 'ready' | 'stopping' | 'error';

/** `done`: the employee said "I'm done, turn it off" while nobody else used it (issue 16). */
export type EndReason = 'idle' | 'admin' | 'failed' | 'external' | 'done';

/** Who started a session: a user id, or `schedule` for a warm-up. */
export type StartedBy = string;

export interface QueuedConnect {
  by: string;
  at: string;
}

/** A connection's byte counters as the portal last took them (core/model/quiet-connections.ts). */
export interface TrafficCheckpoint {
  ingressBytes: number;
  egressBytes: number;
  at: string;
}

/** Why the portal itself ended a connection: it moved no meaningful traffic for the quiet time. */
export type ConnectionEndCause = 'no-traffic';
/** One tap on Connect: who and when (issue 16, to tell whether someone else asked lately). */
export interface ConnectRequest {
  by: string;
  at: string;
}

/** "Keep it on" (issue 16): the VPN stays on until `until`, whoever is connected or not. */
export interface KeepOn {
  by: string;
  at: string;
  until: string;
}

export interface SessionConnection {
  connectionId: string;
  user: string;
  connectedAt: string;
  endedAt: string | null;
  /** The counters at the last checkpoint; absent while AWS gives none (never judged quiet then). */
  checkpoint?: TrafficCheckpoint;
  /** When the portal last saw meaningful traffic (at first sight: the connect, or that moment). */
  lastTrafficAt?: string;
  /** Set when the portal ended the connection itself (SPEC section 4, rule 11). */
  endedFor?: ConnectionEndCause;
  /** With `endedFor`: the quiet time in force, for "ended: no traffic for 60 min". */
  quietMinutes?: number;
}

export interface VpnSession {
  /** Sortable: the start time in compact ISO form plus a random suffix. */
  id: string;
  startedBy: StartedBy;
  startedAt: string;
  readyAt: string | null;
  endedAt: string | null;
  endReason: EndReason | null;
  /** Users who asked for the VPN or connected through it while the session lasted. */
  users: string[];
  peakConnections: number;
  /** Client connections seen while the session lasted (AWS forgets them after 60 minutes). */
  connections: SessionConnection[];
  subnetCount: number;
  /**
   * The latest tap on Connect; null when nobody has asked through the portal (an
   * association adopted from outside), so the adoption itself never counts as activity.
   */
  lastConnectRequestAt: string | null;
  /**
   * Every tap on Connect in this session, who and when (issue 16). Absent on sessions
   * written before it existed; `lastConnectRequestAt` stays the activity witness.
   */
  connectRequests?: ConnectRequest[];
  /** The latest "Keep it on" (issue 16); absent or null when nobody asked. */
  keepOn?: KeepOn | null;
  /** A connect that arrived while the VPN was stopping; carried out when stopping ends. */
  queuedConnect: QueuedConnect | null;
  /** Plain words for the failure that ended or troubles this session. */
  failure: string | null;
  /**
   * Bumped by the store on every write. A save based on an older read is refused
   * (SessionConflictError), so two requests can never overwrite each other's changes.
   */
  revision: number;
}

/** Everything the portal knows about the endpoint at one instant. */
export interface LiveSnapshot {
  associations: Association[];
  connections: ClientConnection[];
  routes: VpnRoute[];
}
