import { Aws, Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { Construct } from 'constructs';
import {
  schedulerCronExpression,
  type WarmUpEntry,
} from '../../app/core/model/warm-up-schedule.js';
import { warmUpTargetInput } from '../../app/events/warm-up-event.js';
import { putMetricStatement } from './client-vpn-policy.js';

/** One endpoint's warm-ups: its key goes into each of its events. */
export interface EndpointWarmUps {
  key: string;
  /** Validated by the app's own schemas (infra/endpoints-setting.ts). */
  entries: WarmUpEntry[];
}

export interface WarmUpSchedulesProps {
  /** The auto-disconnect function, which routes warm-up events (app/events). */
  function: lambda.IFunction;
  /** Every endpoint's warm-ups, the first endpoint first (issue 18). */
  endpoints: EndpointWarmUps[];
  /** METRIC_NAMESPACE: a warm-up publishes its connect request there, like a Connect tap. */
  metricNamespace: string;
}

/**
 * Scheduler gives up on a delivery after this long. The handler drops a warm-up more than
 * 60 minutes late anyway (DEFAULT_MAX_WARM_UP_DELAY_MINUTES): an 08:40 warm-up at 15:00
 * would only cost money.
 */
export const WARM_UP_MAX_EVENT_AGE = Duration.hours(1);
export const WARM_UP_RETRY_ATTEMPTS = 3;

/**
 * One EventBridge Scheduler schedule per warm-up entry of each endpoint, in the entry's own time zone
 * (Scheduler follows daylight saving there), in a schedule group of their own. Holidays are
 * not in the cron: the schedule fires and the handler skips the day.
 *
 * Scheduler invokes the function asynchronously with a role of its own: trusted only by
 * `scheduler.amazonaws.com` on behalf of this account and this group, and allowed only
 * `lambda:InvokeFunction` on this function.
 */
export class WarmUpSchedules extends Construct {
  readonly group: scheduler.CfnScheduleGroup;
  readonly role: iam.Role;
  readonly schedules: scheduler.CfnSchedule[];

  constructor(scope: Construct, id: string, props: WarmUpSchedulesProps) {
    super(scope, id);
    // No name: CloudFormation makes a unique one, so two stacks in an account never clash.
    this.group = new scheduler.CfnScheduleGroup(this, 'Group');
    this.role = new iam.Role(this, 'Role', {
      description: 'EventBridge Scheduler: invokes the auto-disconnect function for warm-ups',
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
          ArnEquals: { 'aws:SourceArn': this.group.attrArn },
        },
      }),
    });
    const policy = new iam.Policy(this, 'InvokePolicy', {
      roles: [this.role],
      statements: [
        new iam.PolicyStatement({
          sid: 'InvokeTheAutoDisconnectFunctionOnly',
          actions: ['lambda:InvokeFunction'],
          resources: [props.function.functionArn],
        }),
      ],
    });

    // A warm-up is a connect (app/core/warm-up.ts): the function publishes a ConnectRequests
    // data point, so the idle timeout runs from the warm-up in the alarm too. Only the
    // project's namespace, and only in a stack that has warm-ups.
    props.function.addToRolePolicy(putMetricStatement(props.metricNamespace));

    this.schedules = props.endpoints.flatMap((endpoint, endpointIndex) =>
      endpoint.entries.map((entry, index) => {
        // The first endpoint's schedules keep the single-endpoint version's construct ids,
        // names and descriptions, so an upgrade updates them in place; the others' names carry
        // their endpoint's key (unique within the group, at most 64 characters). Each event
        // names its endpoint by key; the events function takes an event without one (from a
        // schedule not yet updated during a deploy) for the first endpoint.
        const first = endpointIndex === 0;
        const name = first ? `warm-up-${index + 1}` : `${endpoint.key}-warm-up-${index + 1}`;
        const what = first ? 'the VPN' : `the VPN "${endpoint.key}"`;
        const schedule = new scheduler.CfnSchedule(
          this,
          first ? `Schedule${index + 1}` : `Schedule-${endpoint.key}-${index + 1}`,
          {
            name,
            groupName: this.group.ref,
            description: `Warm-up: turns ${what} on at ${entry.time} (${entry.timeZone}) on ${entry.days.join(', ')}`,
            scheduleExpression: schedulerCronExpression(entry),
            scheduleExpressionTimezone: entry.timeZone,
            flexibleTimeWindow: { mode: 'OFF' },
            state: 'ENABLED',
            target: {
              arn: props.function.functionArn,
              roleArn: this.role.roleArn,
              input: JSON.stringify(warmUpTargetInput(name, endpoint.key)),
              retryPolicy: {
                maximumEventAgeInSeconds: WARM_UP_MAX_EVENT_AGE.toSeconds(),
                maximumRetryAttempts: WARM_UP_RETRY_ATTEMPTS,
              },
            },
          },
        );
        // The role must be allowed to invoke before the first warm-up fires.
        schedule.node.addDependency(policy);
        return schedule;
      }),
    );
  }
}
