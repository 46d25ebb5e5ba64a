import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { SWEEP_INTERVAL_MINUTES } from '../../app/config/idle-alarm-definition.js';
import { firstEndpoint } from '../../app/config/settings.js';
import { getMetricDataStatement, terminateConnectionsStatement } from './client-vpn-policy.js';
import { CoreFunction, type CoreFunctionProps } from './core-function.js';

export interface AutoDisconnectProps extends CoreFunctionProps {
  /** The idle alarm's ARN, built from its name (the alarm itself depends on this function). */
  idleAlarmArn: string;
}

/** How often the safety net runs the same decision as the alarm (SPEC section 4, rule 4). */
export const SWEEP_INTERVAL = Duration.minutes(SWEEP_INTERVAL_MINUTES);

/**
 * The auto-disconnect Lambda: woken by the idle alarm and, as a safety net, by an
 * EventBridge schedule. It re-checks, then disassociates or resets the alarm to OK.
 */
export class AutoDisconnect extends Construct {
  readonly function: lambda.Function;
  readonly schedule: events.Rule;

  constructor(scope: Construct, id: string, props: AutoDisconnectProps) {
    super(scope, id);
    const { idleAlarmArn, ...core } = props;
    this.function = new CoreFunction(this, 'Handler', {
      ...core,
      bundle: 'auto-disconnect',
      description: 'VPN portal: removes the Client VPN subnet associations when idle',
      // One at a time (docs/decisions/004-reserved-concurrency.md): the idle alarm, the sweep
      // and a warm-up never decide at once, so two of them cannot both disassociate and end
      // the same session. All three invoke it asynchronously: an event that finds it busy is
      // throttled, goes back to Lambda's queue and is retried, backing off from 1 s to 5 min,
      // for up to 6 hours. It runs late, never not at all, and re-checks the live state then.
      reservedConcurrentExecutions: 1,
      // Paginated Describe calls, DynamoDB and CloudWatch, each with a ~3 s SDK timeout and
      // retries: a minute leaves room for throttling without running into the next sweep.
      memorySize: 256,
      timeout: Duration.seconds(60),
      statements: [
        // The re-check reads ConnectRequests. Publishing them is the warm-up's (a warm-up is
        // a connect): WarmUpSchedules grants PutMetricData only when there are warm-ups.
        getMetricDataStatement(),
        new iam.PolicyStatement({
          sid: 'ResetTheIdleAlarmOnly',
          actions: ['cloudwatch:SetAlarmState'],
          resources: [idleAlarmArn],
        }),
        // The sweep ends a client left connected without traffic; the portal never does.
        terminateConnectionsStatement(scope, firstEndpoint(core.settings).endpointId),
      ],
    }).function;

    this.schedule = new events.Rule(this, 'Sweep', {
      description: 'Safety net: runs the auto-disconnect decision in case an alarm was missed',
      schedule: events.Schedule.rate(SWEEP_INTERVAL),
      targets: [new targets.LambdaFunction(this.function, { retryAttempts: 2 })],
    });
  }
}
