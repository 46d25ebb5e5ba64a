import { Duration } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { putMetricStatement } from './client-vpn-policy.js';
import { CoreFunction, type CoreFunctionProps } from './core-function.js';

export type PortalProps = CoreFunctionProps;

/**
 * The portal Lambda behind the ALB: the SPA, the status and connect API, the admin API.
 * It associates (connect), recreates routes, disassociates (admin "Disconnect now"),
 * publishes `ConnectRequests` and reads the sessions.
 */
export class Portal extends Construct {
  readonly function: lambda.Function;

  constructor(scope: Construct, id: string, props: PortalProps) {
    super(scope, id);
    this.function = new CoreFunction(this, 'Handler', {
      ...props,
      bundle: 'portal',
      description: 'VPN portal: the web page and API behind the ALB',
      // JWT verification and the SPA's files: 512 MB also buys the CPU for a quick cold start.
      memorySize: 512,
      // The SDK calls time out after ~3 s each; 15 s covers a connect's few calls and retries.
      timeout: Duration.seconds(15),
      statements: [putMetricStatement(props.settings.metricNamespace)],
    }).function;
  }
}
