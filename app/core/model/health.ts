/**
 * The deployment's health (issue 17): what the admin view's panel and `GET /api/admin/health`
 * show, one entry per check. Each entry carries a stable `id`, a `status`, a machine-readable
 * `finding` and the values the sentence needs; the SPA words the sentence and its fix in the
 * reader's language, so nothing here is prose. AWS's own words (`aws`) are kept verbatim for
 * an answer the check did not expect.
 */

export type HealthStatus = 'ok' | 'warning' | 'failed';

/** The two functions, each checked with its own role. */
export const FUNCTION_ROLES = ['portal', 'events'] as const;
export type FunctionRole = (typeof FUNCTION_ROLES)[number];

/** The Client VPN calls that change something, by their EC2 action names. */
export const CLIENT_VPN_CHANGES = [
  'AssociateClientVpnTargetNetwork',
  'DisassociateClientVpnTargetNetwork',
  'CreateClientVpnRoute',
  'TerminateClientVpnConnections',
] as const;
export type ClientVpnChangeAction = (typeof CLIENT_VPN_CHANGES)[number];

/**
 * What each function must be allowed to do its work. Both run the live-state refresh, which
 * associates (a connect queued while stopping), recreates routes and disassociates; only the
 * events function's sweep ends a connection that moved no traffic (SPEC section 4, rule 11).
 * The stack grants exactly these (infra/constructs/least-privilege.test.ts holds it to this).
 */
export const CHANGES_EACH_FUNCTION_MAKES: Record<FunctionRole, readonly ClientVpnChangeAction[]> = {
  portal: [
    'AssociateClientVpnTargetNetwork',
    'DisassociateClientVpnTargetNetwork',
    'CreateClientVpnRoute',
  ],
  events: [
    'AssociateClientVpnTargetNetwork',
    'DisassociateClientVpnTargetNetwork',
    'CreateClientVpnRoute',
    'TerminateClientVpnConnections',
  ],
};

/** An answer a check did not expect, as AWS (or the simulator) worded it. */
export interface AwsWords {
  code: string;
  message: string;
}

interface CheckBase {
  status: HealthStatus;
  /** Set when the finding rests on an answer worth quoting (an unexpected error). */
  aws: AwsWords | null;
}

/** DescribeClientVpnEndpoints: the endpoint exists, and its state. */
export interface EndpointCheck extends CheckBase {
  kind: 'endpoint';
  id: 'endpoint';
  finding:
    | 'available'
    | 'no-subnet-associated'
    | 'not-found'
    | 'going-away'
    | 'other-state'
    | 'unreadable';
  endpointId: string;
  /** `available`, `pending-associate`, `deleting`, …: AWS's code, null when unread. */
  state: string | null;
  vpcId: string | null;
}

/** DescribeSubnets: each configured subnet is in the endpoint's VPC, one per zone. */
export interface SubnetCheck extends CheckBase {
  kind: 'subnet';
  id: `subnet:${string}`;
  finding: 'in-vpc' | 'vpc-unchecked' | 'not-found' | 'other-vpc' | 'same-zone' | 'unreadable';
  subnetId: string;
  vpcId: string | null;
  availabilityZone: string | null;
  endpointVpcId: string | null;
  /** The configured subnet listed earlier in the same zone (`same-zone`). */
  sameZoneAs: string | null;
}

/** A DryRun call made with the role of `role`: does IAM allow `action`? */
export interface PermissionCheck extends CheckBase {
  kind: 'permission';
  id: `permission:${FunctionRole}:${ClientVpnChangeAction}`;
  /** `not-checked`: the events function could not be asked (`aws` says why). */
  finding: 'allowed' | 'denied' | 'inconclusive' | 'not-checked';
  role: FunctionRole;
  action: ClientVpnChangeAction;
}

export type AlarmStateValue = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

/** DescribeAlarms on the one idle alarm: it exists, its action is the events function. */
export interface IdleAlarmCheck extends CheckBase {
  kind: 'idle-alarm';
  id: 'idle-alarm';
  finding:
    | 'wired'
    | 'no-data'
    | 'action-unverified'
    | 'not-found'
    | 'action-missing'
    | 'actions-disabled'
    | 'unreadable';
  alarmName: string;
  state: AlarmStateValue | null;
  /** ISO 8601: when the alarm last changed state. */
  stateSince: string | null;
}

/** What woke the events function to decide about idleness. */
export type IdleCheckTrigger = 'alarm' | 'sweep';

/** What a run of the idle check came to (`failed`: it threw, `reason` says what). */
export type IdleCheckOutcome = 'disassociated' | 'declined' | 'nothing' | 'skipped' | 'failed';

/** The last run of the alarm's or the sweep's idle check, as the events function recorded it. */
export interface LastRunCheck extends CheckBase {
  kind: 'last-run';
  id: `last-run:${IdleCheckTrigger}`;
  finding: 'ran' | 'never' | 'overdue' | 'failed' | 'missed-alarm' | 'unreadable';
  trigger: IdleCheckTrigger;
  /** ISO 8601, null when no run was recorded. */
  at: string | null;
  outcome: IdleCheckOutcome | null;
  /** The decision's own reason (English, from the core), or the failure's message. */
  reason: string | null;
}

export type NoticeChannel = 'topic' | 'webhook';

/** The notice channels: the SNS topic is reachable, the webhook parameter readable. */
export interface NoticeChannelCheck extends CheckBase {
  kind: 'notice-channel';
  id: `notice:${NoticeChannel}`;
  finding: 'reachable' | 'off' | 'not-found' | 'not-https' | 'unreachable';
  channel: NoticeChannel;
  /** The topic's ARN or the parameter's name (never the webhook's URL, a secret). */
  target: string | null;
}

export type HealthCheck =
  | EndpointCheck
  | SubnetCheck
  | PermissionCheck
  | IdleAlarmCheck
  | LastRunCheck
  | NoticeChannelCheck;

export interface HealthReport {
  /** ISO 8601: when the checks ran (answers are reused for a minute). */
  checkedAt: string;
  /** The worst status of all checks. */
  status: HealthStatus;
  checks: HealthCheck[];
}

const SEVERITY: Record<HealthStatus, number> = { ok: 0, warning: 1, failed: 2 };

export function worstStatus(statuses: readonly HealthStatus[]): HealthStatus {
  return statuses.reduce<HealthStatus>(
    (worst, status) => (SEVERITY[status] > SEVERITY[worst] ? status : worst),
    'ok',
  );
}
