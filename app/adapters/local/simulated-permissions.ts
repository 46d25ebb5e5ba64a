import { AwsCallError } from '../../core/model/errors.js';
import type { ClientVpnOperation, SimulatedCaller } from './simulated-faults.js';

/** The simulated endpoint's calls that change something: the ones IAM can deny a role. */
export const PERMISSION_OPERATIONS = [
  'associate',
  'disassociate',
  'createRoute',
  'terminateConnection',
] as const satisfies readonly ClientVpnOperation[];
export type PermissionOperation = (typeof PERMISSION_OPERATIONS)[number];

export interface DeniedPermission {
  operation: PermissionOperation;
  /** Whose role lacks it: the portal's or the events function's ("background"). */
  caller: SimulatedCaller;
}

/** What EC2 answers a role without the permission (API reference, common client errors). */
export const UNAUTHORIZED_MESSAGE =
  'You are not authorized to perform this operation. (Denied by the local simulator.)';

/**
 * Permissions the simulator has taken away from one function's role, as a changed IAM policy
 * would: the call and its DryRun both meet `UnauthorizedOperation` until the permission is
 * given back (issue 17: the health panel shows the check failing with its fix).
 */
export class SimulatedPermissions {
  private denied: DeniedPermission[] = [];

  deny(permission: DeniedPermission): void {
    if (!this.isDenied(permission.operation, permission.caller))
      this.denied.push({ ...permission });
  }

  allow(permission: DeniedPermission): void {
    this.denied = this.denied.filter(
      (held) => !(held.operation === permission.operation && held.caller === permission.caller),
    );
  }

  isDenied(operation: ClientVpnOperation, caller: SimulatedCaller | undefined): boolean {
    return this.denied.some((held) => held.operation === operation && held.caller === caller);
  }

  /** Throws what EC2 throws when the role may not make the call. */
  throwIfDenied(operation: ClientVpnOperation, caller: SimulatedCaller | undefined): void {
    if (!this.isDenied(operation, caller)) return;
    throw new AwsCallError(
      operation,
      'rejected',
      `${operation}: AWS refused the request (UnauthorizedOperation: ${UNAUTHORIZED_MESSAGE})`,
      { cause: { name: 'UnauthorizedOperation', message: UNAUTHORIZED_MESSAGE } },
    );
  }

  list(): DeniedPermission[] {
    return this.denied.map((permission) => ({ ...permission }));
  }

  clear(): void {
    this.denied = [];
  }
}
