import type { Clock } from '../ports/clock.js';
import type {
  DryRunVerdict,
  EventsFunctionPermissions,
  HealthProbes,
  PermissionAnswer,
  PermissionProbe,
  ProbeFailure,
  RemotePermissions,
} from '../ports/health-probes.js';
import type { LastRuns, RunLog } from '../ports/run-log.js';
import {
  judgeEndpoint,
  judgeIdleAlarm,
  judgeLastRuns,
  judgePermission,
  judgeSubnets,
  judgeTopic,
  judgeWebhook,
} from './health-rules.js';
import {
  type AwsWords,
  CHANGES_EACH_FUNCTION_MAKES,
  type ClientVpnChangeAction,
  type HealthCheck,
  type HealthReport,
  type PermissionCheck,
  worstStatus,
} from './model/health.js';

/** What the checks look at, by name: the report names them even when AWS could not be read. */
export interface HealthTargets {
  endpointId: string;
  subnetIds: readonly string[];
  alarmName: string;
  /** The function the idle alarm must invoke; null when this deployment does not say. */
  eventsFunctionArn: string | null;
  sweepIntervalMinutes: number;
}

export interface HealthCheckDeps {
  /** The portal's read-only calls, with the portal's role. */
  probes: HealthProbes;
  /** DryRun calls with the portal's role. */
  permissions: PermissionProbe;
  /** DryRun calls with the events function's role, asked of that function. */
  eventsFunction: EventsFunctionPermissions;
  runs: RunLog;
  clock: Clock;
  targets: HealthTargets;
}

/**
 * Every health check at once (issue 17): each probe runs in parallel and none can fail the
 * report; a probe that throws instead of answering becomes a warning quoting the error.
 */
export async function runHealthChecks(deps: HealthCheckDeps): Promise<HealthReport> {
  const { probes, targets } = deps;
  const [endpoint, subnets, alarm, topic, webhook, runs, portal, events] = await Promise.all([
    settle(probes.describeEndpoint()),
    settle(probes.describeSubnets(targets.subnetIds)),
    settle(probes.describeIdleAlarm()),
    probes.topic().catch((error: unknown) => ({
      outcome: 'error' as const,
      topicArn: '',
      aws: wordsOf(error),
    })),
    probes.webhook().catch((error: unknown) => ({
      outcome: 'error' as const,
      parameterName: '',
      aws: wordsOf(error),
    })),
    readRuns(deps.runs),
    probePermissions(deps.permissions, CHANGES_EACH_FUNCTION_MAKES.portal),
    settle<RemotePermissions>(deps.eventsFunction.check()),
  ]);
  const endpointVpcId = endpoint.outcome === 'found' ? endpoint.vpcId : null;
  const checks: HealthCheck[] = [
    judgeEndpoint(targets.endpointId, endpoint),
    ...judgeSubnets(targets.subnetIds, subnets, endpointVpcId),
    ...portal.map(({ action, verdict }) => judgePermission('portal', action, verdict)),
    ...eventsPermissionChecks(events),
    judgeIdleAlarm(targets.alarmName, alarm, targets.eventsFunctionArn),
    ...judgeLastRuns(runs, alarm, {
      now: deps.clock.now(),
      sweepIntervalMinutes: targets.sweepIntervalMinutes,
    }),
    judgeTopic(topic),
    judgeWebhook(webhook),
  ];
  return {
    checkedAt: deps.clock.now().toISOString(),
    status: worstStatus(checks.map((check) => check.status)),
    checks,
  };
}

/**
 * The DryRun calls a function makes about itself: the portal in the request, the events
 * function when the portal asks it (events/health-event.ts). In parallel: four calls at most.
 */
export async function probePermissions(
  probe: PermissionProbe,
  actions: readonly ClientVpnChangeAction[],
): Promise<PermissionAnswer[]> {
  return Promise.all(
    actions.map(async (action) => ({
      action,
      verdict: await probe
        .dryRun(action)
        .catch(
          (error: unknown): DryRunVerdict => ({ outcome: 'inconclusive', aws: wordsOf(error) }),
        ),
    })),
  );
}

/**
 * One entry for each change the events function makes, whether it answered for it or not:
 * an answer left out (or a function that could not be asked) is `not-checked`, never ok.
 */
function eventsPermissionChecks(remote: RemotePermissions): PermissionCheck[] {
  return CHANGES_EACH_FUNCTION_MAKES.events.map((action) => {
    if (remote.outcome === 'error') {
      return judgePermission('events', action, { outcome: 'not-checked', aws: remote.aws });
    }
    const answer = remote.answers.find((candidate) => candidate.action === action);
    return answer
      ? judgePermission('events', action, answer.verdict)
      : judgePermission('events', action, {
          outcome: 'not-checked',
          aws: { code: 'NoAnswer', message: `The events function did not check ${action}.` },
        });
  });
}

async function readRuns(
  log: RunLog,
): Promise<{ outcome: 'read'; runs: LastRuns } | { outcome: 'error'; aws: AwsWords }> {
  try {
    return { outcome: 'read', runs: await log.lastRuns() };
  } catch (error) {
    return { outcome: 'error', aws: wordsOf(error) };
  }
}

/** A probe that threw instead of answering: its error, as a failed probe. */
function settle<T>(probe: Promise<T>): Promise<T | ProbeFailure> {
  return probe.catch((error: unknown) => ({ outcome: 'error', aws: wordsOf(error) }));
}

/** An error's name and message; the core's AwsCallError already says what AWS answered. */
export function wordsOf(error: unknown): AwsWords {
  if (error instanceof Error) {
    return { code: error.name || 'Error', message: error.message };
  }
  return { code: 'Error', message: String(error) };
}
