import type {
  AlarmProbe,
  DryRunVerdict,
  EndpointProbe,
  SubnetsProbe,
  TopicProbe,
  WebhookProbe,
} from '../ports/health-probes.js';
import type { IdleCheckRun, LastRuns } from '../ports/run-log.js';
import type {
  AwsWords,
  ClientVpnChangeAction,
  EndpointCheck,
  FunctionRole,
  IdleAlarmCheck,
  IdleCheckTrigger,
  LastRunCheck,
  NoticeChannelCheck,
  PermissionCheck,
  SubnetCheck,
} from './model/health.js';

/**
 * The health checks' rules (issue 17): from what the probes read to ok, warning or failed.
 * An answer a rule did not expect is a warning that quotes AWS, never a guess.
 */

/** `pending-associate` is the endpoint of a VPN that is off: nothing associated, all is well. */
export function judgeEndpoint(endpointId: string, probe: EndpointProbe): EndpointCheck {
  const base = { kind: 'endpoint', id: 'endpoint', endpointId, aws: null } as const;
  if (probe.outcome === 'not-found') {
    return { ...base, status: 'failed', finding: 'not-found', state: null, vpcId: null };
  }
  if (probe.outcome === 'error') {
    return {
      ...base,
      status: 'warning',
      finding: 'unreadable',
      state: null,
      vpcId: null,
      aws: probe.aws,
    };
  }
  const facts = { state: probe.state, vpcId: probe.vpcId };
  switch (probe.state) {
    case 'available':
      return { ...base, ...facts, status: 'ok', finding: 'available' };
    case 'pending-associate':
      return { ...base, ...facts, status: 'ok', finding: 'no-subnet-associated' };
    case 'deleting':
    case 'deleted':
      return { ...base, ...facts, status: 'failed', finding: 'going-away' };
    default:
      return { ...base, ...facts, status: 'warning', finding: 'other-state' };
  }
}

/**
 * Each configured subnet must exist, be in the endpoint's VPC, and sit in a zone of its own:
 * Client VPN associates one subnet per Availability Zone. The first subnet listed in a zone
 * passes; each later one in the same zone fails, naming the first.
 */
export function judgeSubnets(
  subnetIds: readonly string[],
  probe: SubnetsProbe,
  endpointVpcId: string | null,
): SubnetCheck[] {
  const firstInZone = new Map<string, string>();
  return subnetIds.map((subnetId) => {
    const base = {
      kind: 'subnet',
      id: `subnet:${subnetId}`,
      subnetId,
      endpointVpcId,
      sameZoneAs: null,
      aws: null,
    } as const;
    if (probe.outcome === 'error') {
      return {
        ...base,
        status: 'warning',
        finding: 'unreadable',
        vpcId: null,
        availabilityZone: null,
        aws: probe.aws,
      };
    }
    const facts = probe.subnets.find((subnet) => subnet.subnetId === subnetId);
    if (!facts) {
      return {
        ...base,
        status: 'failed',
        finding: 'not-found',
        vpcId: null,
        availabilityZone: null,
      };
    }
    const where = { vpcId: facts.vpcId, availabilityZone: facts.availabilityZone };
    if (endpointVpcId !== null && facts.vpcId !== endpointVpcId) {
      return { ...base, ...where, status: 'failed', finding: 'other-vpc' };
    }
    const first = firstInZone.get(facts.availabilityZone);
    if (first !== undefined) {
      return { ...base, ...where, status: 'failed', finding: 'same-zone', sameZoneAs: first };
    }
    firstInZone.set(facts.availabilityZone, subnetId);
    return endpointVpcId === null
      ? { ...base, ...where, status: 'warning', finding: 'vpc-unchecked' }
      : { ...base, ...where, status: 'ok', finding: 'in-vpc' };
  });
}

/** `DryRunOperation` proves the permission, `UnauthorizedOperation` disproves it. */
export function judgePermission(
  role: FunctionRole,
  action: ClientVpnChangeAction,
  verdict: DryRunVerdict | { outcome: 'not-checked'; aws: AwsWords },
): PermissionCheck {
  const base = { kind: 'permission', id: `permission:${role}:${action}`, role, action } as const;
  switch (verdict.outcome) {
    case 'allowed':
      return { ...base, status: 'ok', finding: 'allowed', aws: null };
    case 'denied':
      return { ...base, status: 'failed', finding: 'denied', aws: verdict.aws };
    case 'inconclusive':
      return { ...base, status: 'warning', finding: 'inconclusive', aws: verdict.aws };
    case 'not-checked':
      return { ...base, status: 'warning', finding: 'not-checked', aws: verdict.aws };
  }
}

/**
 * The alarm must exist, act at all, and act on the events function (a hand-made alarm with
 * the same name invoking another function would fight the portal). `INSUFFICIENT_DATA` is
 * normal for a few minutes after a deployment and worth a look after that.
 */
export function judgeIdleAlarm(
  alarmName: string,
  probe: AlarmProbe,
  eventsFunctionArn: string | null,
): IdleAlarmCheck {
  const base = { kind: 'idle-alarm', id: 'idle-alarm', alarmName, aws: null } as const;
  if (probe.outcome === 'not-found') {
    return { ...base, status: 'failed', finding: 'not-found', state: null, stateSince: null };
  }
  if (probe.outcome === 'error') {
    const unread = { state: null, stateSince: null, aws: probe.aws };
    return { ...base, ...unread, status: 'warning', finding: 'unreadable' };
  }
  const facts = { state: probe.state, stateSince: probe.stateSince?.toISOString() ?? null };
  if (!probe.actionsEnabled) {
    return { ...base, ...facts, status: 'failed', finding: 'actions-disabled' };
  }
  if (eventsFunctionArn === null) {
    return { ...base, ...facts, status: 'warning', finding: 'action-unverified' };
  }
  // The function itself, or one of its versions or aliases (`…:function:name:alias`).
  const invokesIt = probe.alarmActions.some(
    (action) => action === eventsFunctionArn || action.startsWith(`${eventsFunctionArn}:`),
  );
  if (!invokesIt) return { ...base, ...facts, status: 'failed', finding: 'action-missing' };
  if (probe.state === 'INSUFFICIENT_DATA') {
    return { ...base, ...facts, status: 'warning', finding: 'no-data' };
  }
  return { ...base, ...facts, status: 'ok', finding: 'wired' };
}

/** How long after the alarm went to ALARM its run must be on record. */
const ALARM_RUN_GRACE_MS = 5 * 60_000;

export interface RunTiming {
  now: Date;
  sweepIntervalMinutes: number;
}

/**
 * The sweep runs on a schedule: no run within two intervals (and a few minutes of Lambda's
 * retries) means the schedule or the function is broken, and nothing is left to catch a
 * missed alarm. The alarm runs only when the VPN has gone idle, so no run yet is fine, unless
 * the alarm is in ALARM and no run followed: then its action did not reach the function.
 */
export function judgeLastRuns(
  probe: { outcome: 'read'; runs: LastRuns } | { outcome: 'error'; aws: AwsWords },
  alarm: AlarmProbe,
  timing: RunTiming,
): LastRunCheck[] {
  return (['alarm', 'sweep'] as const).map((trigger) => {
    if (probe.outcome === 'error') {
      return lastRunCheck(trigger, undefined, 'warning', 'unreadable', probe.aws);
    }
    const run = probe.runs[trigger];
    return trigger === 'sweep' ? judgeSweep(run, timing) : judgeAlarmRun(run, alarm, timing);
  });
}

function judgeSweep(run: IdleCheckRun | undefined, { now, sweepIntervalMinutes }: RunTiming) {
  if (!run) return lastRunCheck('sweep', run, 'warning', 'never');
  if (run.outcome === 'failed') return lastRunCheck('sweep', run, 'failed', 'failed');
  const overdueMs = (2 * sweepIntervalMinutes + 5) * 60_000;
  return now.getTime() - run.at.getTime() > overdueMs
    ? lastRunCheck('sweep', run, 'failed', 'overdue')
    : lastRunCheck('sweep', run, 'ok', 'ran');
}

function judgeAlarmRun(run: IdleCheckRun | undefined, alarm: AlarmProbe, { now }: RunTiming) {
  const alarmingSince =
    alarm.outcome === 'found' && alarm.state === 'ALARM' && alarm.stateSince
      ? alarm.stateSince
      : null;
  const missed =
    alarmingSince !== null &&
    now.getTime() - alarmingSince.getTime() > ALARM_RUN_GRACE_MS &&
    (!run || run.at.getTime() < alarmingSince.getTime());
  if (missed) return lastRunCheck('alarm', run, 'warning', 'missed-alarm');
  if (!run) return lastRunCheck('alarm', run, 'ok', 'never');
  if (run.outcome === 'failed') return lastRunCheck('alarm', run, 'failed', 'failed');
  return lastRunCheck('alarm', run, 'ok', 'ran');
}

function lastRunCheck(
  trigger: IdleCheckTrigger,
  run: IdleCheckRun | undefined,
  status: LastRunCheck['status'],
  finding: LastRunCheck['finding'],
  aws: AwsWords | null = null,
): LastRunCheck {
  return {
    kind: 'last-run',
    id: `last-run:${trigger}`,
    trigger,
    status,
    finding,
    at: run?.at.toISOString() ?? null,
    outcome: run?.outcome ?? null,
    reason: run?.reason ?? null,
    aws,
  };
}

/** A channel that is off is a choice, not a fault: the topic and the webhook are optional. */
export function judgeTopic(probe: TopicProbe): NoticeChannelCheck {
  const base = { kind: 'notice-channel', id: 'notice:topic', channel: 'topic' } as const;
  switch (probe.outcome) {
    case 'off':
      return { ...base, status: 'ok', finding: 'off', target: null, aws: null };
    case 'reachable':
      return { ...base, status: 'ok', finding: 'reachable', target: probe.topicArn, aws: null };
    case 'not-found':
      return { ...base, status: 'failed', finding: 'not-found', target: probe.topicArn, aws: null };
    case 'error':
      return {
        ...base,
        status: 'warning',
        finding: 'unreachable',
        target: probe.topicArn || null,
        aws: probe.aws,
      };
  }
}

/** The webhook's parameter must be readable and hold an https URL (the notifier posts to it). */
export function judgeWebhook(probe: WebhookProbe): NoticeChannelCheck {
  const base = { kind: 'notice-channel', id: 'notice:webhook', channel: 'webhook' } as const;
  switch (probe.outcome) {
    case 'off':
      return { ...base, status: 'ok', finding: 'off', target: null, aws: null };
    case 'readable':
      return probe.https
        ? { ...base, status: 'ok', finding: 'reachable', target: probe.parameterName, aws: null }
        : {
            ...base,
            status: 'failed',
            finding: 'not-https',
            target: probe.parameterName,
            aws: null,
          };
    case 'not-found':
      return {
        ...base,
        status: 'failed',
        finding: 'not-found',
        target: probe.parameterName,
        aws: null,
      };
    case 'error':
      return {
        ...base,
        status: 'warning',
        finding: 'unreachable',
        target: probe.parameterName || null,
        aws: probe.aws,
      };
  }
}
