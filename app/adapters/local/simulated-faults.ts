import { AwsCallError } from '../../core/errors.js';

export const CLIENT_VPN_OPERATIONS = [
  'describeAssociations',
  'describeConnections',
  'describeRoutes',
  'associate',
  'disassociate',
  'createRoute',
] as const;
export type ClientVpnOperation = (typeof CLIENT_VPN_OPERATIONS)[number];

/** A failure waiting for the next call (of `operation`, or of any operation). */
export interface InjectedFault {
  kind: 'unavailable' | 'throttled';
  operation?: ClientVpnOperation;
}

/** Failures queued by the simulator controls, each consumed by the first call it matches. */
export class FaultQueue {
  private faults: InjectedFault[] = [];

  inject(fault: InjectedFault): void {
    this.faults.push({ ...fault });
  }

  pending(): InjectedFault[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  clear(): void {
    this.faults = [];
  }

  /** Throws what AWS would, if a queued fault matches this call. */
  throwIfFaulted(operation: ClientVpnOperation): void {
    const index = this.faults.findIndex(
      (fault) => fault.operation === undefined || fault.operation === operation,
    );
    if (index === -1) return;
    const [fault] = this.faults.splice(index, 1);
    if (fault?.kind === 'throttled') {
      throw new AwsCallError(
        operation,
        'throttled',
        'RequestLimitExceeded: Request limit exceeded.',
      );
    }
    throw new AwsCallError(operation, 'unavailable', 'Unavailable: the service is unavailable.');
  }
}
