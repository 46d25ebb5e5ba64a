import { randomBytes } from 'node:crypto';
import type { ClientConnection } from '../../core/model/vocabulary.js';

/** AWS lists ended connections for 60 minutes (DescribeClientVpnConnections). */
const ENDED_CONNECTION_RETENTION_MS = 60 * 60_000;

/** The fake VPN clients of the simulated endpoint: `active → terminated`, listed an hour after. */
export class SimulatedConnections {
  private connections: ClientConnection[] = [];

  /** Oldest first; copies, so callers cannot change the simulation behind its back. */
  list(): ClientConnection[] {
    return this.connections.map((connection) => ({ ...connection }));
  }

  find(connectionId: string): ClientConnection | undefined {
    const connection = this.connections.find((c) => c.connectionId === connectionId);
    return connection ? { ...connection } : undefined;
  }

  connect(user: string, at: Date): ClientConnection {
    const connection: ClientConnection = {
      connectionId: `cvpn-connection-${randomBytes(9).toString('hex').slice(0, 17)}`,
      user,
      status: 'active',
      connectedAt: at,
      endedAt: null,
      clientIp: `10.200.0.${(this.connections.length % 250) + 2}`,
    };
    this.connections.push(connection);
    return { ...connection };
  }

  /** Ends one connection; one already ended stays as it was. */
  terminate(connectionId: string, at: Date): void {
    const connection = this.connections.find((c) => c.connectionId === connectionId);
    if (connection?.status !== 'active') return;
    connection.status = 'terminated';
    connection.endedAt = at;
  }

  terminateAll(at: Date): void {
    for (const connection of this.connections) this.terminate(connection.connectionId, at);
  }

  /** Forgets connections that ended more than an hour before `now`, as AWS does. */
  forgetEndedBefore(now: Date): void {
    this.connections = this.connections.filter(
      (c) =>
        c.endedAt === null || now.getTime() - c.endedAt.getTime() < ENDED_CONNECTION_RETENTION_MS,
    );
  }

  clear(): void {
    this.connections = [];
  }
}
