import type { ClientVpnConnection, ClientVpnRoute, TargetNetwork } from '@aws-sdk/client-ec2';
import type {
  Association,
  AssociationStatus,
  ClientConnection,
  ConnectionStatus,
  VpnRoute,
} from '../../core/model/vocabulary.js';

/** Translations from EC2's Client VPN shapes to the domain model, one to one. */

const ASSOCIATION_STATUSES: readonly AssociationStatus[] = [
  'associating',
  'associated',
  'association-failed',
  'disassociating',
  'disassociated',
];
const CONNECTION_STATUSES: readonly ConnectionStatus[] = [
  'active',
  'failed-to-terminate',
  'terminating',
  'terminated',
];
const ROUTE_STATUSES: readonly VpnRoute['status'][] = ['creating', 'active', 'failed', 'deleting'];

function oneOf<T extends string>(allowed: readonly T[], value: string | undefined, fallback: T): T {
  return allowed.find((item) => item === value) ?? fallback;
}

export function toAssociation(network: TargetNetwork): Association | null {
  if (!network.AssociationId || !network.TargetNetworkId) return null;
  // An unknown future status counts as a failure: it surfaces as `error`, never as `ready`.
  const status = oneOf(ASSOCIATION_STATUSES, network.Status?.Code, 'association-failed');
  const association: Association = {
    associationId: network.AssociationId,
    subnetId: network.TargetNetworkId,
    status,
  };
  if (network.Status?.Message) association.statusMessage = network.Status.Message;
  return association;
}

/**
 * EC2 returns connection times as UTC strings without a zone, "2019-08-12 07:57:14", and
 * "-" as the end time of a connection that is still active. ISO strings are accepted too.
 */
function parseClientVpnTime(value: string | undefined): Date | null {
  if (!value || value.trim() === '-' || value.trim() === '') return null;
  const plain = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?)$/.exec(value.trim());
  const parsed = plain ? new Date(`${plain[1]}T${plain[2]}Z`) : new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

export function toClientConnection(
  connection: ClientVpnConnection,
  now: Date,
): ClientConnection | null {
  if (!connection.ConnectionId) return null;
  // Unknown statuses are not `active`: they neither keep the VPN on nor count as ended.
  const status = oneOf(CONNECTION_STATUSES, connection.Status?.Code, 'terminating');
  const result: ClientConnection = {
    connectionId: connection.ConnectionId,
    // Username for Active Directory / SAML, the certificate's common name otherwise.
    user: connection.Username || connection.CommonName || 'unknown',
    status,
    // Never drop a connection for a bad timestamp: an active one must keep the VPN on.
    connectedAt:
      parseClientVpnTime(connection.ConnectionEstablishedTime) ??
      parseClientVpnTime(connection.Timestamp) ??
      now,
    endedAt: status === 'active' ? null : parseClientVpnTime(connection.ConnectionEndTime),
  };
  if (connection.ClientIp) result.clientIp = connection.ClientIp;
  // Strings in the API (ClientVpnConnection: "Type: String"); anything but a whole number of
  // bytes is left out, and a connection without counters is never judged quiet.
  const ingressBytes = byteCount(connection.IngressBytes);
  const egressBytes = byteCount(connection.EgressBytes);
  if (ingressBytes !== undefined) result.ingressBytes = ingressBytes;
  if (egressBytes !== undefined) result.egressBytes = egressBytes;
  return result;
}

function byteCount(value: string | undefined): number | undefined {
  const text = value?.trim() ?? '';
  if (!/^\d+$/.test(text)) return undefined;
  const count = Number(text);
  return Number.isSafeInteger(count) ? count : undefined;
}

export function toVpnRoute(route: ClientVpnRoute): VpnRoute | null {
  if (!route.DestinationCidr || !route.TargetSubnet) return null;
  return {
    destinationCidr: route.DestinationCidr,
    targetSubnetId: route.TargetSubnet,
    origin: route.Origin === 'associate' ? 'associate' : 'add-route',
    status: oneOf(ROUTE_STATUSES, route.Status?.Code, 'failed'),
  };
}

export function present<T>(value: T | null): value is T {
  return value !== null;
}
