import * as z from '../../app/config/validation.js';
import { isEc2FullAccess } from './resource-names.js';
import type { RoleFacts } from './seed-facts.js';

/** The one call a disassociating function needs. */
export const DISASSOCIATE_ACTION = 'ec2:DisassociateClientVpnTargetNetwork';

const oneOrMany = z.union([z.string(), z.array(z.string())]);
const statement = z.object({
  Effect: z.string(),
  Action: z.optional(oneOrMany),
});
const policyDocument = z.object({
  Statement: z.union([statement, z.array(statement)]),
});

/**
 * Whether an inline policy allows `action`, with IAM's wildcards (`ec2:*`, `ec2:Disassociate*`,
 * `*`), case-insensitively as IAM compares action names. Deny statements and conditions are not
 * weighed: this finds what a role was *meant* to do, for a report a person reads, not an
 * authorization decision. A document that is not IAM's JSON allows nothing here.
 */
export function inlinePolicyAllows(document: string, action: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(document);
  } catch {
    return false;
  }
  const result = policyDocument.safeParse(parsed);
  if (!result.success) return false;
  const statements = [result.data.Statement].flat();
  return statements.some(
    (s) =>
      s.Effect === 'Allow' &&
      [s.Action ?? []].flat().some((pattern) => actionPattern(pattern).test(action)),
  );
}

function actionPattern(pattern: string): RegExp {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, 'i');
}

/** Why the role may disassociate Client VPN subnets, in words; empty when nothing shows it. */
export function disassociatePermissions(role: RoleFacts): string[] {
  const reasons: string[] = [];
  if (role.attachedPolicyArns.some(isEc2FullAccess)) {
    reasons.push(`its role ${role.name} has the managed policy AmazonEC2FullAccess attached`);
  }
  for (const policy of role.inlinePolicies) {
    if (inlinePolicyAllows(policy.document, DISASSOCIATE_ACTION)) {
      reasons.push(`its role's inline policy ${policy.name} allows ${DISASSOCIATE_ACTION}`);
    }
  }
  return reasons;
}
