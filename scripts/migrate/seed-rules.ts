/**
 * How `npm run migrate-check` recognises the hand-made ("seed") setup SPEC section 1
 * describes, by what its parts are and do, never by their names: an idle alarm whose action
 * invokes a function that disassociates this endpoint, that function and its role (the seed's
 * has AmazonEC2FullAccess), and the associating function behind an ALB. Plain data in
 * (seed-facts.ts), findings with their reasons out; no AWS import.
 */
import { DISASSOCIATE_ACTION, disassociatePermissions } from './iam-policy.js';
import {
  environmentMentions,
  functionNameOf,
  isEc2FullAccess,
  isPortalFunction,
  isTopicArn,
  policiesMentioning,
  unique,
  unqualifiedFunctionArn,
} from './resource-names.js';
import { type AlbFindings, findAlbParts } from './seed-alb-rules.js';
import type { AlarmFacts, FunctionFacts, RoleFacts, SeedScan, TopicFacts } from './seed-facts.js';

export interface PortalFound {
  functionNames: string[];
  /** The stack's idle alarm, named in its functions' IDLE_ALARM_NAME. */
  idleAlarmName: string | null;
  idleAlarmFound: boolean;
  idleTimeoutMinutes: number;
}

export interface SeedAlarm {
  alarm: AlarmFacts;
  reasons: string[];
  /** Unqualified ARNs of the functions its actions invoke, directly or through SNS. */
  invokes: string[];
  /** SNS topics between it and those functions. */
  topicArns: string[];
}

export interface SeedFunction {
  fn: FunctionFacts;
  reasons: string[];
}

export interface SeedTopic {
  topic: TopicFacts;
  /** Subscriptions that are not a seed function's: the topic is kept when there are any. */
  otherSubscriptions: TopicFacts['subscriptions'];
}

export interface SeedRole {
  role: RoleFacts;
  reasons: string[];
  hasEc2FullAccess: boolean;
  /** Seed functions using it. */
  seedUsers: string[];
  /** Other functions using it: the role is then left in place. */
  otherUsers: string[];
  /** The role goes with the ALB's function (step 7) when that function uses it. */
  usedByAssociate: boolean;
}

export interface LeftAlone {
  what: string;
  why: string;
}

export interface SeedFindings extends AlbFindings {
  endpointId: string;
  portal: PortalFound | null;
  alarms: SeedAlarm[];
  disassociateFunctions: SeedFunction[];
  topics: SeedTopic[];
  roles: SeedRole[];
  leftAlone: LeftAlone[];
}

const DEFAULT_IDLE_TIMEOUT_MINUTES = 30;

export function findSeed(scan: SeedScan): SeedFindings {
  const { endpointId } = scan;
  const fnByArn = new Map(scan.functions.map((fn) => [fn.arn, fn]));
  const roleByArn = new Map(scan.roles.map((role) => [role.arn, role]));
  const roleOf = (fn: FunctionFacts) => (fn.roleArn ? roleByArn.get(fn.roleArn) : undefined);
  const ours = scan.functions.filter(
    (fn) => isPortalFunction(fn) && environmentMentions(fn, endpointId).includes('VPN_ENDPOINT_ID'),
  );
  const isPortal = (arn: string) => {
    const fn = fnByArn.get(arn);
    return fn !== undefined && isPortalFunction(fn);
  };
  const leftAlone: LeftAlone[] = [];

  const alarms: SeedAlarm[] = [];
  let portalAlarmFound = false;
  for (const alarm of scan.alarms) {
    const targets = invokedFunctions(alarm, scan.topics);
    const watches = watchesEndpoint(alarm, endpointId);
    if (targets.some((t) => ours.some((fn) => fn.arn === t.arn))) {
      portalAlarmFound = true;
      continue;
    }
    const handMade = targets.filter((t) => !isPortal(t.arn));
    if (handMade.length === 0) {
      if (watches && targets.length === 0) {
        leftAlone.push({
          what: `alarm ${alarm.name}`,
          why: 'it watches this endpoint but invokes no function (it only notifies): it cannot turn the VPN off',
        });
      }
      continue;
    }
    const reasons = handMade.map((t) =>
      t.topicArn
        ? `its action publishes to SNS topic ${t.topicArn}, which invokes Lambda function ${functionNameOf(t.arn)}`
        : `its action invokes Lambda function ${functionNameOf(t.arn)}`,
    );
    const evidence: string[] = [];
    if (watches) evidence.push(`it watches AWS/ClientVPN metrics of ${endpointId}`);
    for (const t of handMade) {
      const fn = fnByArn.get(t.arn);
      if (fn) evidence.push(...endpointEvidence(fn, roleOf(fn), endpointId));
    }
    if (evidence.length === 0) continue; // an alarm that invokes some other automation
    alarms.push({
      alarm,
      reasons: [...reasons, ...evidence],
      invokes: unique(handMade.map((t) => t.arn)),
      topicArns: unique(handMade.flatMap((t) => (t.topicArn ? [t.topicArn] : []))),
    });
  }

  const disassociateFunctions = unique(alarms.flatMap((a) => a.invokes)).map((arn) => {
    const fn = fnByArn.get(arn) ?? missingFunction(arn);
    const byAlarms = alarms.filter((a) => a.invokes.includes(arn)).map((a) => a.alarm.name);
    const role = roleOf(fn);
    const permissions = role ? disassociatePermissions(role) : [];
    return {
      fn,
      reasons: [
        `alarm ${byAlarms.join(', ')} invokes it`,
        ...endpointEvidence(fn, role, endpointId),
        ...(permissions.length > 0
          ? permissions
          : fn.missing
            ? ['it no longer exists']
            : [
                `nothing read shows it may call ${DISASSOCIATE_ACTION}: check its code before deleting it`,
              ]),
      ],
    };
  });

  const alb = findAlbParts(scan, alarms, isPortal);
  const seedFunctionArns = new Set([
    ...disassociateFunctions.map((f) => f.fn.arn),
    ...alb.associateFunctions.map((f) => f.fn.arn),
  ]);
  const associateArns = new Set(alb.associateFunctions.map((f) => f.fn.arn));

  const roles: SeedRole[] = scan.roles
    .map((role) => {
      const users = scan.functions.filter((fn) => fn.roleArn === role.arn);
      const seedUsers = users.filter((fn) => seedFunctionArns.has(fn.arn));
      const hasEc2FullAccess = role.attachedPolicyArns.some(isEc2FullAccess);
      return {
        role,
        hasEc2FullAccess,
        seedUsers: seedUsers.map((fn) => fn.name),
        otherUsers: users.filter((fn) => !seedFunctionArns.has(fn.arn)).map((fn) => fn.name),
        usedByAssociate: seedUsers.some((fn) => associateArns.has(fn.arn)),
        reasons: [
          `it is the execution role of ${seedUsers.map((fn) => fn.name).join(', ')}`,
          ...(hasEc2FullAccess
            ? ['it has AmazonEC2FullAccess attached: far more than the VPN needs']
            : []),
        ],
      };
    })
    .filter((role) => role.seedUsers.length > 0);

  for (const fn of scan.functions) {
    if (seedFunctionArns.has(fn.arn) || isPortalFunction(fn)) continue;
    const mentions = environmentMentions(fn, endpointId);
    if (mentions.length > 0) {
      leftAlone.push({
        what: `Lambda function ${fn.name}`,
        why: `its environment names this endpoint (${mentions.join(', ')}), but no alarm and no load balancer invokes it: check whether it belongs to the hand-made setup`,
      });
    }
  }

  const portal: PortalFound | null =
    ours.length === 0
      ? null
      : {
          functionNames: ours.map((fn) => fn.name),
          idleAlarmName: envValue(ours, 'IDLE_ALARM_NAME'),
          idleAlarmFound: portalAlarmFound,
          idleTimeoutMinutes:
            Number(envValue(ours, 'IDLE_TIMEOUT_MINUTES')) || DEFAULT_IDLE_TIMEOUT_MINUTES,
        };

  return {
    endpointId,
    portal,
    alarms,
    disassociateFunctions,
    topics: seedTopics(alarms, scan.topics, seedFunctionArns),
    roles,
    leftAlone,
    ...alb,
  };
}

/** Whether anything was found that should be retired: the command's exit code 1. */
export function somethingToRetire(findings: SeedFindings): boolean {
  return (
    findings.alarms.length > 0 ||
    findings.disassociateFunctions.length > 0 ||
    findings.associateFunctions.length > 0 ||
    findings.roles.length > 0
  );
}

export function watchesEndpoint(alarm: AlarmFacts, endpointId: string): boolean {
  return alarm.metrics.some(
    (m) => m.namespace === 'AWS/ClientVPN' && m.dimensions.Endpoint === endpointId,
  );
}

/** Functions the alarm's ALARM actions invoke: a Lambda ARN, or an SNS topic's Lambda subscribers. */
export function invokedFunctions(
  alarm: AlarmFacts,
  topics: readonly TopicFacts[],
): { arn: string; topicArn?: string }[] {
  return alarm.alarmActions.flatMap((action) => {
    const direct = unqualifiedFunctionArn(action);
    if (direct) return [{ arn: direct }];
    if (!isTopicArn(action)) return [];
    const topic = topics.find((t) => t.arn === action);
    return (topic?.subscriptions ?? []).flatMap((s) => {
      const arn = s.protocol === 'lambda' ? unqualifiedFunctionArn(s.endpoint) : null;
      return arn ? [{ arn, topicArn: action }] : [];
    });
  });
}

/** What ties a function to this endpoint: its environment, its role's inline policies. */
function endpointEvidence(fn: FunctionFacts, role: RoleFacts | undefined, endpointId: string) {
  const reasons = environmentMentions(fn, endpointId).map(
    (key) => `function ${fn.name}'s environment variable ${key} names ${endpointId}`,
  );
  for (const policy of role ? policiesMentioning(role, endpointId) : []) {
    reasons.push(`function ${fn.name}'s role has an inline policy ${policy} naming ${endpointId}`);
  }
  return reasons;
}

function seedTopics(
  alarms: readonly SeedAlarm[],
  topics: readonly TopicFacts[],
  seedFunctionArns: ReadonlySet<string>,
): SeedTopic[] {
  const arns = unique(alarms.flatMap((a) => a.topicArns));
  return topics
    .filter((topic) => arns.includes(topic.arn))
    .map((topic) => ({
      topic,
      otherSubscriptions: topic.subscriptions.filter((s) => {
        const fn = s.protocol === 'lambda' ? unqualifiedFunctionArn(s.endpoint) : null;
        return fn === null || !seedFunctionArns.has(fn);
      }),
    }));
}

function missingFunction(arn: string): FunctionFacts {
  return { arn, name: functionNameOf(arn), roleArn: null, environment: {}, missing: true };
}

function envValue(functions: readonly FunctionFacts[], key: string): string | null {
  for (const fn of functions) {
    if (fn.environment !== 'unreadable' && fn.environment[key]) return fn.environment[key];
  }
  return null;
}
