import { Duration } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { firstEndpoint } from '../../app/config/settings.js';
import { clientSetupStatements, putMetricStatement } from './client-vpn-policy.js';
import { CoreFunction, type CoreFunctionProps } from './core-function.js';

export type PortalProps = CoreFunctionProps;

/**
 * The portal Lambda behind the ALB: the SPA, the status and connect API, the admin API.
 * It associates (connect), recreates routes, disassociates (admin "Disconnect now"),
 * publishes `ConnectRequests` and reads the sessions. The stack lets it notify
 * (`Notifications.grantNotify`): a refused start and Disconnect now are notices.
 */
export class Portal extends Construct {
  readonly function: lambda.Function;

  constructor(scope: Construct, id: string, props: PortalProps) {
    super(scope, id);
    this.function = new CoreFunction(this, 'Handler', {
      ...props,
      bundle: 'portal',
      description: 'VPN portal: the web page and API behind the ALB',
      // A cap, and a reserve no other function can take (docs/decisions/004-reserved-
      // concurrency.md). A warm instance answers in ~50 ms, so 20 serve some 400 requests a
      // second, far more than hundreds of iPads polling every 2.5 to 30 s. The fleet shares one
      // status snapshot (docs/decisions/010-one-status-snapshot.md): one set of Describe calls
      // per 3 s window however many instances run, a small part of EC2's default refill rate
      // of 20 a second for the whole account. A runaway client or bug cannot drain the
      // account's Lambda pool or EC2's API budget.
      reservedConcurrentExecutions: 20,
      // JWT verification and the SPA's files: 512 MB also buys the CPU for a quick cold start.
      memorySize: 512,
      // The SDK calls time out after ~3 s each; 15 s covers a connect's few calls and retries.
      timeout: Duration.seconds(15),
      // It publishes ConnectRequests; it never reads metrics (only the events function's
      // re-check does) and never touches the alarm. The setup page reads the endpoint's
      // configuration file and authentication (issue 16).
      statements: [
        putMetricStatement(props.settings.metricNamespace),
        ...clientSetupStatements(this, firstEndpoint(props.settings).endpointId),
      ],
    }).function;
  }
}
