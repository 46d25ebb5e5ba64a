import { albArnSchema, pattern } from '../app/config/setting-schemas.js';
import { z } from '../app/config/validation.js';

/**
 * Where the portal's traffic comes in (issue 17), beside the other settings in settings.ts:
 * either an ALB the stack creates (the default, as before) or a rule on an HTTPS listener
 * the company already runs (`sharedListener`), which saves the ALB's hourly charge.
 */

/**
 * `arn:aws:elasticloadbalancing:<region>:<account>:listener/app/<name>/<lb id>/<listener id>`.
 * `app/` marks an Application Load Balancer (`net/` would be an NLB, which cannot sign in
 * with Cognito). The ARN cannot tell HTTPS from HTTP; CloudFormation refuses an
 * `authenticate-cognito` rule on an HTTP listener at deploy time.
 */
const LISTENER_ARN =
  /^(arn:aws[\w-]*:elasticloadbalancing:([a-z]{2}(?:-[a-z]+)+-\d):(\d{12})):listener\/(app\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{16})\/[0-9a-f]{16}$/;

export const listenerArnSchema = pattern(
  LISTENER_ARN,
  'must be the ARN of an Application Load Balancer listener, arn:aws:elasticloadbalancing:<region>:<account>:listener/app/<name>/<id>/<id> (its HTTPS listener)',
);

/** ALB rule priorities: 1 is evaluated first; the listener's default action comes last. */
export const MAX_RULE_PRIORITY = 50_000;

/**
 * The callback path of the ALB's sign-in (`/oauth2/idpresponse`): Cognito sends the browser
 * back there, and the ALB finishes the sign-in only if that request matches this same rule.
 */
export const ALB_SIGN_IN_CALLBACK_PATH = '/oauth2/idpresponse';

/**
 * An ALB rule holds at most five condition values: the host, the sign-in callback and up
 * to three path patterns of the operator's.
 */
const MAX_PATH_PATTERNS = 3;

const pathPatternSchema = pattern(
  /^\/[A-Za-z0-9_\-.$/~"'@:+&*?]{0,127}$/,
  'must be an ALB path pattern: starts with /, at most 128 characters, * and ? as wildcards',
);

export const sharedListenerSetting = z.optional(
  z.strictObject({
    /** The existing ALB's HTTPS listener; its certificate must cover `domainName`. */
    listenerArn: listenerArnSchema,
    /** Unique on that listener; a lower number is evaluated first. */
    priority: z.number().check(
      z.int({ error: `must be a whole number from 1 to ${MAX_RULE_PRIORITY}` }),
      z.gte(1, { error: `must be a whole number from 1 to ${MAX_RULE_PRIORITY}` }),
      z.lte(MAX_RULE_PRIORITY, {
        error: `must be a whole number from 1 to ${MAX_RULE_PRIORITY}`,
      }),
    ),
    /**
     * Optional: only these paths of `domainName` reach the portal. The portal serves its page,
     * its files and its API from the host's root, so leave this out unless the host is
     * shared with another application.
     */
    pathPatterns: z.optional(
      z.array(pathPatternSchema).check(
        z.minLength(1, { error: 'must list at least one path pattern, or be left out' }),
        z.maxLength(MAX_PATH_PATTERNS, {
          error: `must list at most ${MAX_PATH_PATTERNS} path patterns (an ALB rule takes five condition values: the host, ${ALB_SIGN_IN_CALLBACK_PATH} and these)`,
        }),
      ),
    ),
  }),
);

export type SharedListenerSetting = NonNullable<z.output<typeof sharedListenerSetting>>;

/**
 * The load balancer's ARN, from its listener's: what the portal checks the `signer` of the
 * ALB's `x-amzn-oidc-data` against (ALB_ARN). Derived, not asked for, so it cannot name
 * another load balancer than the one whose listener signs employees in.
 */
export function albArnOfListener(listenerArn: string): string {
  const match = LISTENER_ARN.exec(listenerArn);
  if (!match) throw new Error(`Not an Application Load Balancer listener ARN: ${listenerArn}`);
  const [, prefix, , , loadBalancer] = match;
  return albArnSchema.parse(`${prefix}:loadbalancer/${loadBalancer}`);
}

/** The region and account in a listener ARN the schema accepted. */
export function listenerArnParts(listenerArn: string): { region: string; account: string } {
  const [, , region = '', account = ''] = LISTENER_ARN.exec(listenerArn) ?? [];
  return { region, account };
}
