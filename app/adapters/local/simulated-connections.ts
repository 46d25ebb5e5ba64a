import { randomBytes } from 'node:crypto';
import type { ClientConnection } from '../../core/model/vocabulary.js';

/** AWS lists ended connections for 60 minutes (DescribeClientVpnConnections). */
const ENDED_CONNECTION_RETENTION_MS = 60 * 60_000;

/**
 * What a simulated client sends and receives: someone `working` through the tunnel, or a
 * client left connected on a put-away iPad that only exchanges OpenVPN keepalives.
 */
export type SimulatedTraffic = 'working' | 'keepalive-only';

/**
 * Bytes per minute, each way. `working` is light use (a web app, a file now and then);
 * `keepalive-only` is one OpenVPN ping each way every 10 seconds at about 100 bytes on the
 * wire (opcode, session id, HMAC, packet id, the 16-byte ping payload, UDP/IP headers).
 */
export const SIMULATED_BYTES_PER_MINUTE: Record<SimulatedTraffic, number> = {
  working: 200_000,
  'keepalive-only': 600,
};

interface SimulatedConnection extends ClientConnection {
  traffic: SimulatedTraffic;
  /** The counters as of `countedAt`; they grow at the traffic's rate until the end. */
  countedAt: number;
  ingressBytes: number;
  egressBytes: number;
}

/** The fake VPN clients of the simulated endpoint: `active → terminated`, listed an hour after. */
export class SimulatedConnections {
  private connections: SimulatedConnection[] = [];

  /** Oldest first, counters as of `now`; copies, so callers cannot change the simulation. */
  list(now: Date): ClientConnection[] {
    return this.connections.map((connection) => view(connection, now));
  }

  find(connectionId: string, now: Date): ClientConnection | undefined {
    const connection = this.connections.find((c) => c.connectionId === connectionId);
    return connection ? view(connection, now) : undefined;
  }

  connect(user: string, at: Date, traffic: SimulatedTraffic = 'working'): ClientConnection {
    const connection: SimulatedConnection = {
      connectionId: `cvpn-connection-${randomBytes(9).toString('hex').slice(0, 17)}`,
      user,
      status: 'active',
      connectedAt: at,
      endedAt: null,
      clientIp: `10.200.0.${(this.connections.length % 250) + 2}`,
      traffic,
      countedAt: at.getTime(),
      ingressBytes: 0,
      egressBytes: 0,
    };
    this.connections.push(connection);
    return view(connection, at);
  }

  /** From `at` on, the connection carries `traffic`; false when it is unknown or ended. */
  setTraffic(connectionId: string, traffic: SimulatedTraffic, at: Date): boolean {
    const connection = this.connections.find((c) => c.connectionId === connectionId);
    if (connection?.status !== 'active') return false;
    count(connection, at.getTime());
    connection.traffic = traffic;
    return true;
  }

  /** Ends one connection; one already ended stays as it was. */
  terminate(connectionId: string, at: Date): void {
    const connection = this.connections.find((c) => c.connectionId === connectionId);
    if (connection?.status !== 'active') return;
    count(connection, at.getTime());
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

/** Brings the counters of an active connection up to `atMs`. */
function count(connection: SimulatedConnection, atMs: number): void {
  if (connection.status !== 'active' || atMs <= connection.countedAt) return;
  const bytes = Math.round(
    ((atMs - connection.countedAt) / 60_000) * SIMULATED_BYTES_PER_MINUTE[connection.traffic],
  );
  connection.ingressBytes += bytes;
  connection.egressBytes += bytes;
  connection.countedAt = atMs;
}

function view(connection: SimulatedConnection, now: Date): ClientConnection {
  count(connection, now.getTime());
  const { traffic: _traffic, countedAt: _countedAt, ...shown } = connection;
  return { ...shown };
}
