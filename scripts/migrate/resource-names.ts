/**
 * ARNs and the names the AWS CLI wants, and how a function shows what it is: small helpers the
 * rules, the plan and the reader share. Plain TypeScript, no AWS import.
 */
import { EC2_FULL_ACCESS, type FunctionFacts, type RoleFacts } from './seed-facts.js';

const FUNCTION_ARN = /^(arn:aws[\w-]*:lambda:[\w-]+:\d{12}:function:[\w.-]+)(?::([\w$.-]+))?$/;

/** The function an ARN (maybe with a version or alias) names, unqualified; null if not one. */
export function unqualifiedFunctionArn(arn: string): string | null {
  return FUNCTION_ARN.exec(arn)?.[1] ?? null;
}

export function functionNameOf(arn: string): string {
  return (unqualifiedFunctionArn(arn) ?? arn).split(':').at(-1) ?? arn;
}

export function isTopicArn(arn: string): boolean {
  return /^arn:aws[\w-]*:sns:[\w-]+:\d{12}:[\w-]+$/.test(arn);
}

/** `arn:aws:iam::123456789012:role/path/name` → `name`: what `aws iam … --role-name` takes. */
export function roleNameOf(arn: string): string {
  return arn.split('/').at(-1) ?? arn;
}

/** The managed policy in any partition (`aws`, `aws-cn`, `aws-us-gov`). */
export function isEc2FullAccess(policyArn: string): boolean {
  return policyArn.replace(/^arn:aws[\w-]*:/, 'arn:aws:') === EC2_FULL_ACCESS;
}

/**
 * This product's functions carry its settings (app/config/lambda-environment.ts): the sessions
 * table and the idle alarm's name besides the endpoint. A hand-made function has no reason to.
 */
export function isPortalFunction(fn: FunctionFacts): boolean {
  const env = fn.environment;
  return (
    env !== 'unreadable' &&
    'VPN_ENDPOINT_ID' in env &&
    'SESSIONS_TABLE' in env &&
    'IDLE_ALARM_NAME' in env
  );
}

/** Environment variables whose value names the endpoint. */
export function environmentMentions(fn: FunctionFacts, endpointId: string): string[] {
  if (fn.environment === 'unreadable') return [];
  return Object.entries(fn.environment)
    .filter(([, value]) => value.includes(endpointId))
    .map(([key]) => key);
}

/** Inline policies of the role that name the endpoint (its ARN in a Resource, usually). */
export function policiesMentioning(role: RoleFacts, endpointId: string): string[] {
  return role.inlinePolicies
    .filter((policy) => policy.document.includes(endpointId))
    .map((policy) => policy.name);
}

export function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** `…:targetgroup/<name>/<id>` → `<name>`. */
export function targetGroupNameOf(arn: string): string {
  return /:targetgroup\/([^/]+)\//.exec(arn)?.[1] ?? arn;
}
