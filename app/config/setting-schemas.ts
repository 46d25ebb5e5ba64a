import * as z from './validation.js';

/**
 * The rules, patterns and defaults of the settings, written once. The functions read their
 * environment with them (settings.ts) and the stack checks its CDK context with them
 * (infra/settings.ts), so a value synth accepts is a value the functions accept. The idle
 * timeout's rule sits with the alarm periods it follows from (idle-alarm-definition.ts).
 */
export const SETTING_DEFAULTS: {
  readonly idleTimeoutMinutes: number;
  readonly quietConnectionMinutes: number;
  readonly metricNamespace: string;
  readonly adminGroup: string;
  readonly prices: { readonly associationHourUsd: number; readonly connectionHourUsd: number };
  /** Issue 16: the app the ready page says to open after the VPN app, per language. */
  readonly openNext: { readonly ko: string; readonly ja: string; readonly en: string };
  /** Issue 16: the longest an employee may keep the VPN on past the idle rule; 0 = no control. */
  readonly keepOnMaxHours: number;
} = {
  idleTimeoutMinutes: 30,
  quietConnectionMinutes: 60,
  metricNamespace: 'VpnPortal',
  adminGroup: 'vpn-admins',
  prices: { associationHourUsd: 0.1, connectionHourUsd: 0.05 },
  openNext: { ko: 'WorkSpaces', ja: 'WorkSpaces', en: 'WorkSpaces' },
  keepOnMaxHours: 4,
};

const MIN_QUIET_CONNECTION_MINUTES = 15;
const MAX_QUIET_CONNECTION_MINUTES = 24 * 60;

/**
 * How long a connection may move no meaningful traffic before the portal ends it
 * (QUIET_CONNECTION_MINUTES, the stack's `quietConnectionMinutes`); 0 turns the rule off.
 * At least 15 minutes (the sweep that ends it runs every 15, and someone reading a long
 * document must not lose the tunnel), at most a day (Client VPN's longest session timeout).
 */
export const quietConnectionMinutesSchema = z.number().check(
  z.refine(
    (minutes) =>
      minutes === 0 ||
      (Number.isInteger(minutes) &&
        minutes >= MIN_QUIET_CONNECTION_MINUTES &&
        minutes <= MAX_QUIET_CONNECTION_MINUTES),
    {
      error: `must be 0 (off) or a whole number of minutes from ${MIN_QUIET_CONNECTION_MINUTES} to ${MAX_QUIET_CONNECTION_MINUTES}`,
    },
  ),
);

/** A string that matches `regex`; `error` says what it should look like. */
export const pattern = (regex: RegExp, error: string) =>
  z.string().check(z.regex(regex, { error }));

/** An EC2 id such as `subnet-0123456789abcdef0`. */
export const awsId = (prefix: string) =>
  pattern(new RegExp(`^${prefix}-[0-9a-f]{8,17}$`), `must look like ${prefix}-0123456789abcdef0`);

/** A region name, alone or inside an ARN. */
const REGION = '[a-z]{2}(?:-[a-z]+)+-\\d';

export const regionSchema = pattern(new RegExp(`^${REGION}$`), 'must be like ap-northeast-2');

export const endpointIdSchema = awsId('cvpn-endpoint');
export const subnetIdSchema = awsId('subnet');

/** The endpoint's target subnets, associated together: at least one, none twice. */
export const subnetIdsSchema = z.array(subnetIdSchema).check(
  z.minLength(1, { error: 'must list at least one subnet' }),
  z.refine((ids) => new Set(ids).size === ids.length, { error: 'must not repeat a subnet' }),
);

export const cidrSchema = pattern(
  /^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/,
  'must be an IPv4 CIDR like 10.0.0.0/16',
);

/** Routes recreated after each association (the last disassociation deletes them). */
export const extraRoutesSchema = z.array(
  z.strictObject({
    cidr: cidrSchema,
    subnetId: subnetIdSchema,
    description: z.optional(
      z.string().check(z.maxLength(255, { error: 'must be at most 255 characters' })),
    ),
  }),
);

export const metricNamespaceSchema = pattern(
  /^[\w./#:-]{1,255}$/,
  'must be a CloudWatch namespace',
);

export const adminGroupSchema = pattern(
  /^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$/u,
  'must be a Cognito group name (1–128 characters, no spaces)',
);

export const priceSchema = z
  .number()
  .check(z.gte(0, { error: 'must be a price in USD, 0 or more' }));

export const userPoolIdSchema = pattern(
  /^[\w-]+_[0-9a-zA-Z]+$/,
  'must look like ap-northeast-2_AbCdEf123',
);

export const clientIdSchema = pattern(/^[a-z0-9]{1,128}$/, 'must be a Cognito app client id');

export const albArnSchema = pattern(
  new RegExp(`^arn:aws[\\w-]*:elasticloadbalancing:${REGION}:\\d{12}:loadbalancer/app/`),
  'must be an Application Load Balancer ARN',
);

/**
 * The host Cognito's hosted UI answers on: a custom domain as it is, a bare prefix as
 * `<prefix>.auth.<region>.amazoncognito.com`; a scheme or path around it is dropped.
 */
export function hostedUiHost(domain: string, region: string): string {
  const host = domain.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  return host.includes('.') ? host : `${host}.auth.${region}.amazoncognito.com`;
}

/** One language's "then open …" app name: plain text, short enough for one line. */
const openNextName = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, { error: 'must not be empty' }),
    z.maxLength(60, { error: 'must be at most 60 characters' }),
  );

/**
 * What the ready page tells the employee to open once the VPN app is connected, per language
 * (issue 16). A language left out keeps the default (WorkSpaces).
 */
export const openNextSchema = z.strictObject({
  ko: z._default(openNextName, SETTING_DEFAULTS.openNext.ko),
  ja: z._default(openNextName, SETTING_DEFAULTS.openNext.ja),
  en: z._default(openNextName, SETTING_DEFAULTS.openNext.en),
});

/** "Keep it on": whole hours, 0 (no control) to 12. */
export const keepOnMaxHoursSchema = z
  .number()
  .check(
    z.int({ error: 'must be a whole number of hours' }),
    z.gte(0, { error: 'must be 0 (off) to 12 hours' }),
    z.lte(12, { error: 'must be 0 (off) to 12 hours' }),
  );

/**
 * How employees reach the portal (issue 17): the ALB the stack creates, or a rule on an
 * existing HTTPS listener. The functions read it for the admin view's "what the portal itself
 * costs" (PORTAL_LOAD_BALANCER; the stack writes it only for a shared listener).
 */
export const loadBalancerModeSchema = z.enum(['own-alb', 'shared-listener'], {
  error: 'must be own-alb or shared-listener',
});
