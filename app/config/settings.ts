import type { VpnPolicy } from '../core/model/policy.js';
import type { ExtraRoute } from '../core/model/vocabulary.js';
import * as z from './validation.js';

/**
 * SPEC section 9: one schema for the environment of both Lambdas and the local server.
 * Parsed once per entry; a bad value stops start-up with a message naming the variable.
 */
export interface Settings {
  region: string;
  endpointId: string;
  subnetIds: string[];
  extraRoutes: ExtraRoute[];
  idleTimeoutMinutes: number;
  sessionsTable: string;
  idleAlarmName: string;
  metricNamespace: string;
  albArn: string;
  cognito: { userPoolId: string; clientId: string; domain: string; jwksUrl: string };
  adminGroup: string;
  prices: { associationHourUsd: number; connectionHourUsd: number };
  albKeysUrl: string;
}

export class SettingsError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Setting ${variable} ${problem}`);
    this.name = 'SettingsError';
  }
}

export type SettingsMode = 'aws' | 'local';

const endpointId = z
  .string()
  .check(
    z.regex(/^cvpn-endpoint-[0-9a-f]{8,17}$/, 'must look like cvpn-endpoint-0123456789abcdef0'),
  );
const subnetId = z
  .string()
  .check(z.regex(/^subnet-[0-9a-f]{8,17}$/, 'must look like subnet-0123456789abcdef0'));
const cidr = z
  .string()
  .check(z.regex(/^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/, 'must be an IPv4 CIDR like 10.0.0.0/16'));
const extraRoutes = z.array(
  z.strictObject({
    cidr,
    subnetId,
    description: z.optional(z.string().check(z.maxLength(255))),
  }),
);
const price = z.coerce.number().check(z.nonnegative('must be a price of 0 or more'));
const name = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));

function parse<T>(
  variable: string,
  schema: z.ZodMiniType<T>,
  raw: string | undefined,
  fallback?: string,
): T {
  const value = raw === undefined || raw.trim() === '' ? fallback : raw.trim();
  if (value === undefined) throw new SettingsError(variable, 'is required');
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new SettingsError(variable, `${issue?.message ?? 'is invalid'} (got "${value}")`);
  }
  return result.data;
}

function parseJson<T>(variable: string, schema: z.ZodMiniType<T>, raw: string | undefined): T {
  const text = raw === undefined || raw.trim() === '' ? '[]' : raw;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SettingsError(variable, 'is not valid JSON');
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new SettingsError(
      variable,
      `is invalid${where}: ${issue?.message ?? 'unexpected value'}`,
    );
  }
  return result.data;
}

/** Local mode provides stand-ins for what only exists in AWS. */
const LOCAL_DEFAULTS: Record<string, string> = {
  AWS_REGION: 'local',
  VPN_ENDPOINT_ID: 'cvpn-endpoint-0123456789abcdef0',
  VPN_SUBNET_IDS: 'subnet-0a1b2c3d4e5f60001,subnet-0a1b2c3d4e5f60002',
  SESSIONS_TABLE: 'local-sessions',
  IDLE_ALARM_NAME: 'local-idle-alarm',
  ALB_ARN:
    'arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/app/local/0000000000000000',
  COGNITO_USER_POOL_ID: 'local_LocalPool',
  COGNITO_CLIENT_ID: 'localclient',
  COGNITO_DOMAIN: 'localhost',
};

export function loadSettings(
  env: Record<string, string | undefined>,
  mode: SettingsMode = 'aws',
): Settings {
  const get = (key: string): string | undefined =>
    env[key]?.trim() ? env[key] : mode === 'local' ? LOCAL_DEFAULTS[key] : undefined;

  const region = parse('AWS_REGION', name, get('AWS_REGION'));
  const idleTimeoutMinutes = parse(
    'IDLE_TIMEOUT_MINUTES',
    z.coerce.number().check(
      z.refine(Number.isInteger, 'must be a whole number of minutes'),
      z.gte(5, 'must be at least 5'),
      z.lte(1440, 'must be at most 1440 (one day)'),
      z.refine(
        (minutes) => minutes % 5 === 0,
        'must be a multiple of 5 (the alarm looks at 5-minute periods)',
      ),
    ),
    get('IDLE_TIMEOUT_MINUTES'),
    '30',
  );
  const userPoolId = parse(
    'COGNITO_USER_POOL_ID',
    z.string().check(z.regex(/^[\w-]+_[0-9a-zA-Z]+$/, 'must look like eu-west-1_AbCdEf123')),
    get('COGNITO_USER_POOL_ID'),
  );
  const subnetIds = parse(
    'VPN_SUBNET_IDS',
    z.pipe(
      z.pipe(
        z.string(),
        z.transform((list) => list.split(',').map((item) => item.trim())),
      ),
      z.array(subnetId).check(
        z.minLength(1, 'must list at least one subnet'),
        z.refine((ids) => new Set(ids).size === ids.length, 'must not repeat a subnet'),
      ),
    ),
    get('VPN_SUBNET_IDS'),
  );

  return {
    region,
    endpointId: parse('VPN_ENDPOINT_ID', endpointId, get('VPN_ENDPOINT_ID')),
    subnetIds,
    extraRoutes: parseJson('VPN_EXTRA_ROUTES', extraRoutes, get('VPN_EXTRA_ROUTES')),
    idleTimeoutMinutes,
    sessionsTable: parse('SESSIONS_TABLE', name, get('SESSIONS_TABLE')),
    idleAlarmName: parse('IDLE_ALARM_NAME', name, get('IDLE_ALARM_NAME')),
    metricNamespace: parse(
      'METRIC_NAMESPACE',
      z.string().check(z.regex(/^[\w./#:-]{1,255}$/, 'is not a valid CloudWatch namespace')),
      get('METRIC_NAMESPACE'),
      'VpnPortal',
    ),
    albArn: parse(
      'ALB_ARN',
      z
        .string()
        .check(
          z.regex(
            /^arn:aws[\w-]*:elasticloadbalancing:[a-z]{2}(-[a-z]+)+-\d:\d{12}:loadbalancer\/app\//,
            'must be an Application Load Balancer ARN',
          ),
        ),
      get('ALB_ARN'),
    ),
    cognito: {
      userPoolId,
      clientId: parse('COGNITO_CLIENT_ID', name, get('COGNITO_CLIENT_ID')),
      domain: parse('COGNITO_DOMAIN', name, get('COGNITO_DOMAIN')),
      jwksUrl: parse(
        'COGNITO_JWKS_URL',
        z.url('must be a URL'),
        get('COGNITO_JWKS_URL'),
        `https://cognito-idp.${region}.amazonaws.com/${userPoolId}/.well-known/jwks.json`,
      ),
    },
    adminGroup: parse('ADMIN_GROUP', name, get('ADMIN_GROUP'), 'vpn-admins'),
    prices: {
      associationHourUsd: parse(
        'PRICE_ASSOCIATION_HOUR_USD',
        price,
        get('PRICE_ASSOCIATION_HOUR_USD'),
        '0.10',
      ),
      connectionHourUsd: parse(
        'PRICE_CONNECTION_HOUR_USD',
        price,
        get('PRICE_CONNECTION_HOUR_USD'),
        '0.05',
      ),
    },
    albKeysUrl: parse(
      'ALB_KEYS_URL',
      z.url('must be a URL'),
      get('ALB_KEYS_URL'),
      `https://public-keys.auth.elb.${region}.amazonaws.com`,
    ),
  };
}

/** The part of the settings the core's decisions read. */
export function vpnPolicy(settings: Settings): VpnPolicy {
  return {
    subnetIds: settings.subnetIds,
    extraRoutes: settings.extraRoutes,
    idleTimeoutMinutes: settings.idleTimeoutMinutes,
    prices: settings.prices,
  };
}
