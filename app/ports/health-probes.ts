import type { AlarmStateValue, AwsWords, ClientVpnChangeAction } from '../core/model/health.js';

/**
 * What the health checks read (issue 17), each answer in the check's own terms: adapters
 * turn AWS's answers (and errors) into these and never throw for an answer AWS gave; the
 * rules of what is ok, a warning or a failure are the core's (core/health-rules.ts).
 * Implemented against AWS (`AwsHealthProbes`, `EC2DryRunProbe`, `LambdaEventsFunctionPermissions`)
 * and by the simulator (`SimulatedHealthProbes`).
 */

/** No usable answer: AWS's words (or the transport's) instead. */
export interface ProbeFailure {
  outcome: 'error';
  aws: AwsWords;
}

export type EndpointProbe =
  | { outcome: 'found'; state: string; vpcId: string | null }
  | { outcome: 'not-found' }
  | ProbeFailure;

export interface SubnetFacts {
  subnetId: string;
  vpcId: string;
  availabilityZone: string;
}

/** The configured subnets AWS knows; one it does not know is left out. */
export type SubnetsProbe = { outcome: 'found'; subnets: SubnetFacts[] } | ProbeFailure;

export type AlarmProbe =
  | {
      outcome: 'found';
      state: AlarmStateValue;
      stateSince: Date | null;
      actionsEnabled: boolean;
      /** The ARNs the alarm acts on when it goes to ALARM. */
      alarmActions: string[];
    }
  | { outcome: 'not-found' }
  | ProbeFailure;

export type TopicProbe =
  | { outcome: 'off' }
  | { outcome: 'reachable'; topicArn: string }
  | { outcome: 'not-found'; topicArn: string }
  | { outcome: 'error'; topicArn: string; aws: AwsWords };

/** The webhook's parameter: read, and whether its value is an https URL (never the value). */
export type WebhookProbe =
  | { outcome: 'off' }
  | { outcome: 'readable'; parameterName: string; https: boolean }
  | { outcome: 'not-found'; parameterName: string }
  | { outcome: 'error'; parameterName: string; aws: AwsWords };

/** The read-only checks, made with the portal's role. */
export interface HealthProbes {
  describeEndpoint(): Promise<EndpointProbe>;
  describeSubnets(subnetIds: readonly string[]): Promise<SubnetsProbe>;
  describeIdleAlarm(): Promise<AlarmProbe>;
  topic(): Promise<TopicProbe>;
  webhook(): Promise<WebhookProbe>;
}

/** What a DryRun call answered: allowed, denied, or something else in AWS's words. */
export type DryRunVerdict =
  | { outcome: 'allowed' }
  | { outcome: 'denied'; aws: AwsWords }
  | { outcome: 'inconclusive'; aws: AwsWords };

/** DryRun calls with the role of the function that makes them: they prove a permission. */
export interface PermissionProbe {
  dryRun(action: ClientVpnChangeAction): Promise<DryRunVerdict>;
}

export interface PermissionAnswer {
  action: ClientVpnChangeAction;
  verdict: DryRunVerdict;
}

export type RemotePermissions = { outcome: 'answered'; answers: PermissionAnswer[] } | ProbeFailure;

/**
 * The events function's own DryRun calls, asked for from the portal: a permission only the
 * events function's role holds can only be proved with that role (Lambda Invoke in AWS).
 */
export interface EventsFunctionPermissions {
  check(): Promise<RemotePermissions>;
}
