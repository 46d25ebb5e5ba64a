import type { ClientConnection } from '../core/model/vocabulary.js';
import type { ClientVpn } from '../ports/client-vpn.js';

/**
 * Test fixture: an endpoint (the simulator, as everywhere) whose connection listing passes
 * through `rewrite` first, as a partial or garbled DescribeClientVpnConnections answer
 * would: counters left out, or smaller than before. Everything else goes straight through.
 */
export function withConnectionsRewritten(
  vpn: ClientVpn,
  rewrite: (connection: ClientConnection) => ClientConnection,
): ClientVpn {
  return {
    describeAssociations: () => vpn.describeAssociations(),
    describeConnections: async () => (await vpn.describeConnections()).map(rewrite),
    describeRoutes: () => vpn.describeRoutes(),
    associate: (subnetId, clientToken) => vpn.associate(subnetId, clientToken),
    disassociate: (associationId) => vpn.disassociate(associationId),
    createRoute: (route, clientToken) => vpn.createRoute(route, clientToken),
    terminateConnection: (connectionId) => vpn.terminateConnection(connectionId),
  };
}

/** The connection without its byte counters, as AWS may answer. */
export function withoutCounters(connection: ClientConnection): ClientConnection {
  const { ingressBytes: _in, egressBytes: _out, ...rest } = connection;
  return rest;
}
