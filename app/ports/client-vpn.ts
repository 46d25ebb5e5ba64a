import type {
  Association,
  ClientConnection,
  ExtraRoute,
  VpnRoute,
} from '../core/model/vocabulary.js';

/**
 * One Client VPN endpoint. Implemented against EC2 (`EC2ClientVpn`) and by the simulator
 * (`SimulatedClientVpn`). Every method is safe to repeat: adapters translate AWS's
 * "already done" answers into success.
 */
export interface ClientVpn {
  /** Target network associations, `disassociated` ones excluded. */
  describeAssociations(): Promise<Association[]>;
  /** Active connections and those that ended in the last 60 minutes. */
  describeConnections(): Promise<ClientConnection[]>;
  describeRoutes(): Promise<VpnRoute[]>;
  /**
   * Associates a subnet. `clientToken` is AWS's idempotency token: the same token returns
   * the same association. A subnet that is already associated is success.
   */
  associate(subnetId: string, clientToken: string): Promise<Association>;
  /** Removes an association; one already disassociating or gone is success. */
  disassociate(associationId: string): Promise<void>;
  /** Adds a route; a route that already exists is success. */
  createRoute(route: ExtraRoute, clientToken: string): Promise<void>;
  /** Ends one client connection; one already ended, or unknown to the endpoint, is success. */
  terminateConnection(connectionId: string): Promise<void>;
}
