import { AwsCallError } from '../../core/model/errors.js';

export const CLIENT_VPN_OPERATIONS = [
  'describeAssociations',
  'describeConnections',
  'describeRoutes',
  'associate',
  'disassociate',
  'createRoute',
  'terminateConnection',
] as const;
export type ClientVpnOperation = (typeof CLIENT_VPN_OPERATIONS)[number];

/**
 * Who calls the simulated endpoint in local mode: the portal answering an employee, or the
 * functions that run in the background (the idle alarm's handler, the sweep, warm-ups).
 */
export const SIMULATED_CALLERS = ['portal', 'background'] as const;
export type SimulatedCaller = (typeof SIMULATED_CALLERS)[number];

/**
 * A failure waiting for the next call (of `operation`, or of any operation). With a
 * `caller`, only that caller's calls meet it: a background read that happens to run first
 * must not use up the fault a demo or a test meant for the employee's page.
 */
export interface InjectedFault {
  /** `rejected`: AWS refuses the call (a 4xx answer such as an invalid parameter). */
  kind: 'unavailable' | 'throttled' | 'rejected';
  operation?: ClientVpnOperation;
  caller?: SimulatedCaller;
  /** AWS's words for a `rejected` call. */
  message?: string;
}

/** What the simulated endpoint answers a `rejected` fault without words of its own. */
export const DEFAULT_REJECTION =
  'OperationNotPermitted: The request was refused (simulated by local mode).';

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
  throwIfFaulted(operation: ClientVpnOperation, caller?: SimulatedCaller): void {
    const index = this.faults.findIndex(
      (fault) =>
        (fault.operation === undefined || fault.operation === operation) &&
        (fault.caller === undefined || fault.caller === caller),
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
    if (fault?.kind === 'rejected') {
      throw new AwsCallError(operation, 'rejected', fault.message ?? DEFAULT_REJECTION);
    }
    throw new AwsCallError(operation, 'unavailable', 'Unavailable: the service is unavailable.');
  }
}
