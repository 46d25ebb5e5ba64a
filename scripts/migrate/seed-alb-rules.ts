/**
 * The ALB half of the hand-made setup: the associating function registered as a Lambda
 * target, its target group, the listener rules that forward to it, and whether its load
 * balancer serves anything else (then it stays). Plain data, no AWS import.
 */
import { disassociatePermissions } from './iam-policy.js';
import {
  environmentMentions,
  functionNameOf,
  policiesMentioning,
  targetGroupNameOf,
  unique,
  unqualifiedFunctionArn,
} from './resource-names.js';
import type {
  FunctionFacts,
  ListenerFacts,
  LoadBalancerFacts,
  RuleFacts,
  SeedScan,
  TargetGroupFacts,
} from './seed-facts.js';
import type { SeedAlarm, SeedFunction } from './seed-rules.js';

export interface SeedTargetGroup {
  targetGroup: TargetGroupFacts;
  reasons: string[];
}

export interface SeedListenerRule {
  rule: RuleFacts;
  listener: ListenerFacts;
  loadBalancer: LoadBalancerFacts;
}

export interface SeedLoadBalancer {
  loadBalancer: LoadBalancerFacts;
  /** True when every listener forwards only to the hand-made target groups: delete it. */
  onlySeed: boolean;
  /** Names of the other target groups it forwards to (the portal's among them, maybe). */
  otherTargetGroups: string[];
  /** Listeners whose default action forwards to a hand-made target group. */
  defaultListeners: ListenerFacts[];
  reasons: string[];
}

export interface AlbFindings {
  associateFunctions: SeedFunction[];
  targetGroups: SeedTargetGroup[];
  listenerRules: SeedListenerRule[];
  loadBalancers: SeedLoadBalancer[];
}

export function findAlbParts(
  scan: SeedScan,
  seedAlarms: readonly SeedAlarm[],
  isPortal: (functionArn: string) => boolean,
): AlbFindings {
  const { endpointId } = scan;
  const fnByArn = new Map(scan.functions.map((fn) => [fn.arn, fn]));
  const roleByArn = new Map(scan.roles.map((role) => [role.arn, role]));
  // The seed's idle alarm counted the associating function's invocations (SPEC section 1).
  const countedBySeedAlarms = new Map<string, string>();
  for (const { alarm } of seedAlarms) {
    for (const metric of alarm.metrics) {
      const name = metric.dimensions.FunctionName;
      if (metric.namespace === 'AWS/Lambda' && name) countedBySeedAlarms.set(name, alarm.name);
    }
  }

  const associateFunctions: SeedFunction[] = [];
  const targetGroups: SeedTargetGroup[] = [];
  for (const targetGroup of scan.targetGroups) {
    for (const target of targetGroup.lambdaTargets) {
      const arn = unqualifiedFunctionArn(target);
      if (arn === null || isPortal(arn)) continue;
      const fn: FunctionFacts | undefined = fnByArn.get(arn);
      const role = fn?.roleArn ? roleByArn.get(fn.roleArn) : undefined;
      const name = functionNameOf(arn);
      const evidence = [
        ...(fn ? environmentMentions(fn, endpointId) : []).map(
          (key) => `its environment variable ${key} names ${endpointId}`,
        ),
        ...(role ? policiesMentioning(role, endpointId) : []).map(
          (policy) => `its role has an inline policy ${policy} naming ${endpointId}`,
        ),
        ...(countedBySeedAlarms.has(name)
          ? [`the hand-made alarm ${countedBySeedAlarms.get(name)} counts its invocations`]
          : []),
      ];
      if (evidence.length === 0) continue;
      const where = `it is the Lambda target of target group ${targetGroup.name}`;
      if (!associateFunctions.some((f) => f.fn.arn === arn)) {
        associateFunctions.push({
          fn: fn ?? { arn, name, roleArn: null, environment: {}, missing: true },
          reasons: [where, ...evidence, ...(role ? disassociatePermissions(role) : [])],
        });
      }
      targetGroups.push({
        targetGroup,
        reasons: [`it forwards to the hand-made function ${name}`],
      });
    }
  }

  const seedGroupArns = new Set(targetGroups.map((t) => t.targetGroup.arn));
  const forwardsToSeed = (rule: RuleFacts) => rule.forwardsTo.some((tg) => seedGroupArns.has(tg));
  const listenerRules: SeedListenerRule[] = [];
  const loadBalancers: SeedLoadBalancer[] = [];
  for (const loadBalancer of scan.loadBalancers) {
    const hostsSeed = targetGroups.some((t) =>
      t.targetGroup.loadBalancerArns.includes(loadBalancer.arn),
    );
    if (!hostsSeed) continue;
    const rules = loadBalancer.listeners.flatMap((listener) =>
      listener.rules.map((rule) => ({ rule, listener, loadBalancer })),
    );
    listenerRules.push(...rules.filter(({ rule }) => !rule.isDefault && forwardsToSeed(rule)));
    const others = unique(
      rules.flatMap(({ rule }) => rule.forwardsTo).filter((tg) => !seedGroupArns.has(tg)),
    ).map((arn) => scan.targetGroups.find((t) => t.arn === arn)?.name ?? targetGroupNameOf(arn));
    loadBalancers.push({
      loadBalancer,
      onlySeed: others.length === 0,
      otherTargetGroups: others,
      defaultListeners: loadBalancer.listeners.filter((listener) =>
        listener.rules.some((rule) => rule.isDefault && forwardsToSeed(rule)),
      ),
      reasons:
        others.length === 0
          ? ['every listener forwards only to the hand-made function (redirects aside)']
          : [`it also forwards to ${others.join(', ')}: keep it, remove only the hand-made rule`],
    });
  }
  return { associateFunctions, targetGroups, listenerRules, loadBalancers };
}
