import type { Association, ClientConnection, VpnSession, VpnState } from './vocabulary.js';

/**
 * SPEC section 5. Associations decide the state; a failed start that left no association
 * behind (AWS refused the call) is remembered on the open session and shows as `error`.
 */
export function deriveVpnState(
  associations: readonly Association[],
  openSession: VpnSession | null = null,
): VpnState {
  const live = associations.filter((association) => association.status !== 'disassociated');
  const has = (status: Association['status']) => live.some((a) => a.status === status);

  if (live.length > 0 && live.every((a) => a.status === 'disassociating')) return 'stopping';
  if (has('associated')) return 'ready';
  if (has('associating')) return 'starting';
  if (has('disassociating')) return 'stopping';
  if (has('association-failed')) return 'error';
  if (openSession?.failure && !openSession.queuedConnect) return 'error';
  return 'off';
}

/** `DescribeClientVpnConnections` also lists connections that ended in the last hour. */
export function activeConnections(connections: readonly ClientConnection[]): ClientConnection[] {
  return connections.filter((connection) => connection.status === 'active');
}

/** AWS's own words for a failed association, else the session's remembered failure. */
export function failureMessage(
  associations: readonly Association[],
  openSession: VpnSession | null,
): string | null {
  const failed = associations.find((a) => a.status === 'association-failed');
  if (failed) return failed.statusMessage ?? `The subnet ${failed.subnetId} could not be attached.`;
  return openSession?.failure ?? null;
}
