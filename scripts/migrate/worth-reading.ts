/**
 * Which resources the reader looks at more closely, decided from what it has read so far: a
 * large account has hundreds of alarms and functions, and the hand-made setup is a handful of
 * them. Plain data in and out; no AWS import.
 */
import {
  environmentMentions,
  functionNameOf,
  isPortalFunction,
  isTopicArn,
  policiesMentioning,
  unique,
  unqualifiedFunctionArn,
} from './resource-names.js';
import type {
  AlarmFacts,
  FunctionFacts,
  RoleFacts,
  TargetGroupFacts,
  TopicFacts,
} from './seed-facts.js';
import { watchesEndpoint } from './seed-rules.js';

/** SNS topics in the actions of alarms that watch this endpoint: their Lambda subscribers act. */
export function topicsWorthReading(alarms: readonly AlarmFacts[], endpointId: string): string[] {
  return unique(
    alarms
      .filter((alarm) => watchesEndpoint(alarm, endpointId))
      .flatMap((alarm) => alarm.alarmActions.filter(isTopicArn)),
  );
}

/**
 * Every function an alarm or a load balancer invokes, as it is named there (a version or an
 * alias reads that version's configuration): GetFunctionConfiguration for each.
 */
export function functionsWorthReading(
  alarms: readonly AlarmFacts[],
  topics: readonly TopicFacts[],
  targetGroups: readonly TargetGroupFacts[],
): string[] {
  const fromAlarms = alarms.flatMap((alarm) => alarm.alarmActions);
  const fromTopics = topics.flatMap((topic) =>
    topic.subscriptions.filter((s) => s.protocol === 'lambda').map((s) => s.endpoint),
  );
  const fromTargets = targetGroups.flatMap((group) => group.lambdaTargets);
  return unique([...fromAlarms, ...fromTopics, ...fromTargets]).filter(
    (arn) => unqualifiedFunctionArn(arn) !== null,
  );
}

/**
 * The roles of functions that could be hand-made parts: invoked by an alarm or a load
 * balancer, or naming the endpoint in their environment. The portal's own are left out.
 */
export function rolesWorthReading(
  functions: readonly FunctionFacts[],
  invokedArns: readonly string[],
  endpointId: string,
): string[] {
  const invoked = new Set(invokedArns.map((arn) => unqualifiedFunctionArn(arn)));
  return unique(
    functions
      .filter((fn) => !isPortalFunction(fn))
      .filter((fn) => invoked.has(fn.arn) || environmentMentions(fn, endpointId).length > 0)
      .flatMap((fn) => (fn.roleArn ? [fn.roleArn] : [])),
  );
}

/**
 * Load balancers in front of a function that could be the hand-made associate function: one
 * that names the endpoint (environment or role), or whose invocations an alarm on this
 * endpoint counts.
 */
export function loadBalancersWorthReading(
  targetGroups: readonly TargetGroupFacts[],
  functions: readonly FunctionFacts[],
  roles: readonly RoleFacts[],
  alarms: readonly AlarmFacts[],
  endpointId: string,
): string[] {
  const counted = new Set(
    alarms
      .filter((alarm) => watchesEndpoint(alarm, endpointId))
      .flatMap((alarm) => alarm.metrics)
      .filter((metric) => metric.namespace === 'AWS/Lambda')
      .flatMap((metric) =>
        metric.dimensions.FunctionName ? [metric.dimensions.FunctionName] : [],
      ),
  );
  const byArn = new Map(functions.map((fn) => [fn.arn, fn]));
  const namesEndpoint = (fn: FunctionFacts) => {
    const role = roles.find((r) => r.arn === fn.roleArn);
    return (
      environmentMentions(fn, endpointId).length > 0 ||
      (role !== undefined && policiesMentioning(role, endpointId).length > 0)
    );
  };
  const candidate = (target: string) => {
    const fn = byArn.get(unqualifiedFunctionArn(target) ?? '');
    if (fn && isPortalFunction(fn)) return false;
    return counted.has(functionNameOf(target)) || (fn !== undefined && namesEndpoint(fn));
  };
  return unique(
    targetGroups
      .filter((group) => group.lambdaTargets.some(candidate))
      .flatMap((group) => group.loadBalancerArns),
  );
}
