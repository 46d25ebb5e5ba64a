import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { BundledFunction } from './bundled-function.js';
import {
  acknowledgeUnscopableActions,
  clientVpnStatements,
  getMetricDataStatement,
} from './client-vpn-policy.js';
import { grantSessionStore } from './sessions-table.js';

export interface AutoDisconnectProps {
  codeDir: string;
  environment: Record<string, string>;
  logRetentionDays: number;
  endpointId: string;
  subnetIds: string[];
  table: dynamodb.ITable;
  /** The idle alarm's ARN, built from its name (the alarm itself depends on this function). */
  idleAlarmArn: string;
}

/** How often the safety net runs the same decision as the alarm (SPEC section 4, rule 4). */
export const SWEEP_INTERVAL = Duration.minutes(15);

/**
 * The auto-disconnect Lambda: woken by the idle alarm and, as a safety net, by an
 * EventBridge schedule. It re-checks, then disassociates or resets the alarm to OK.
 */
export class AutoDisconnect extends Construct {
  readonly function: lambda.Function;
  readonly schedule: events.Rule;

  constructor(scope: Construct, id: string, props: AutoDisconnectProps) {
    super(scope, id);
    const bundled = new BundledFunction(this, 'Handler', {
      codeDir: props.codeDir,
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
      environment: props.environment,
      logRetentionDays: props.logRetentionDays,
    });
    this.function = bundled.function;

    // It disassociates when idle. Its re-check is the same live-state refresh the status page
    // runs, which also restores missing routes and carries out a connect queued while the
    // VPN was stopping: so it may associate and create routes too.
    for (const statement of clientVpnStatements(this, {
      endpointId: props.endpointId,
      subnetIds: props.subnetIds,
      changes: ['associate', 'createRoute', 'disassociate'],
    })) {
      bundled.role.addToPrincipalPolicy(statement);
    }
    // The re-check reads ConnectRequests. Publishing them is the warm-up's (a warm-up is a
    // connect): WarmUpSchedules grants PutMetricData only when there are warm-ups.
    bundled.role.addToPrincipalPolicy(getMetricDataStatement());
    bundled.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ResetTheIdleAlarmOnly',
        actions: ['cloudwatch:SetAlarmState'],
        resources: [props.idleAlarmArn],
      }),
    );
    grantSessionStore(props.table, bundled.role);
    acknowledgeUnscopableActions(bundled.role);

    this.schedule = new events.Rule(this, 'Sweep', {
      description: 'Safety net: runs the auto-disconnect decision in case an alarm was missed',
      schedule: events.Schedule.rate(SWEEP_INTERVAL),
      targets: [new targets.LambdaFunction(this.function, { retryAttempts: 2 })],
    });
  }
}
