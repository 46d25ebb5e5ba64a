import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { type LambdaSettings, toLambdaEnvironment } from '../../app/config/lambda-environment.js';
import { firstEndpoint } from '../../app/config/settings.js';
import { BundledFunction, type BundledFunctionProps } from './bundled-function.js';
import { acknowledgeUnscopableActions, clientVpnStatements } from './client-vpn-policy.js';
import { grantSessionStore } from './sessions-table.js';

/** What the stack gives each function that runs the core (the portal and auto-disconnect). */
export interface CoreFunctionProps {
  codeDir: string;
  /** What the function reads from its environment: `toLambdaEnvironment` writes it. */
  settings: LambdaSettings;
  logRetentionDays: number;
  table: dynamodb.ITable;
}

export interface CoreFunctionOptions
  extends CoreFunctionProps,
    Pick<
      BundledFunctionProps,
      'bundle' | 'description' | 'memorySize' | 'timeout' | 'reservedConcurrentExecutions'
    > {
  /** What this function may do beyond what every core function may. */
  statements: iam.PolicyStatement[];
}

/**
 * A function that runs the core: its environment from its settings, and what the core's
 * live-state refresh needs. Both functions run that refresh (the status page and the
 * auto-disconnect re-check), which also restores missing routes and carries out a connect
 * queued while the VPN was stopping: so both may associate, create routes and disassociate,
 * on this endpoint and its target subnets only; both make the session store's calls on the
 * sessions table and nothing else of it.
 */
export class CoreFunction extends BundledFunction {
  constructor(scope: Construct, id: string, options: CoreFunctionOptions) {
    const { settings, statements, table, ...bundle } = options;
    super(scope, id, { ...bundle, environment: toLambdaEnvironment(settings) });

    for (const statement of [
      ...clientVpnStatements(this, {
        endpointId: firstEndpoint(settings).endpointId,
        subnetIds: firstEndpoint(settings).subnetIds,
        changes: ['associate', 'createRoute', 'disassociate'],
      }),
      ...statements,
    ]) {
      this.role.addToPrincipalPolicy(statement);
    }
    grantSessionStore(table, this.role);
    acknowledgeUnscopableActions(this.role);
  }
}
