import type { VpnPolicy } from '../core/model/policy.js';
import type { ExtraRoute } from '../core/model/vocabulary.js';
import { fromText, subnetListFromText } from './endpoint-settings.js';
import {
  idleTimeoutMinutesSchema,
  SWEEP_INTERVAL_MINUTES,
  SWEEP_WAITS_FOR_ALARM_MINUTES,
} from './idle-alarm-definition.js';
import { type Env, readJson, readValue } from './read-env.js';
import {
  adminGroupSchema,
  albArnSchema,
  clientIdSchema,
  endpointIdSchema,
  extraRoutesSchema,
  keepOnMaxHoursSchema,
  metricNamespaceSchema,
  openNextSchema,
  priceSchema,
  quietConnectionMinutesSchema,
  SETTING_DEFAULTS,
  userPoolIdSchema,
} from './setting-schemas.js';
import * as z from './validation.js';

/**
 * SPEC section 9: one schema for the environment of both Lambdas and the local server.
 * Parsed once per entry; a bad value stops start-up with a message naming the variable.
 * The rules of each value live in setting-schemas.ts, shared with the stack; the stack
 * writes this environment with `toLambdaEnvironment` (lambda-environment.ts).
 */
export interface Settings {
  region: string;
  endpointId: string;
  subnetIds: string[];
  extraRoutes: ExtraRoute[];
  idleTimeoutMinutes: number;
  /** QUIET_CONNECTION_MINUTES: a connection without meaningful traffic this long is ended; 0 = off. */
  quietConnectionMinutes: number;
  sessionsTable: string;
  idleAlarmName: string;
  metricNamespace: string;
  albArn: string;
  cognito: { userPoolId: string; clientId: string; domain: string; jwksUrl: string };
  adminGroup: string;
  prices: { associationHourUsd: number; connectionHourUsd: number };
  albKeysUrl: string;
  /** The app to open after the VPN app, per language (issue 16). */
  openNext: { ko: string; ja: string; en: string };
  /** Longest "Keep it on" hold, in hours; 0 hides the control (issue 16). */
  keepOnMaxHours: number;
}

export type SettingsMode = 'aws' | 'local';

const name = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));
const url = z.url('must be a URL');
const number = fromText;
const subnetList = subnetListFromText;

/** Local mode provides stand-ins for what only exists in AWS. */
const LOCAL_DEFAULTS: Env = {
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

export function loadSettings(env: Env, mode: SettingsMode = 'aws'): Settings {
  const get = (key: string): string | undefined =>
    env[key]?.trim() ? env[key] : mode === 'local' ? LOCAL_DEFAULTS[key] : undefined;
  const defaults = SETTING_DEFAULTS;

  const region = readValue('AWS_REGION', name, get('AWS_REGION'));
  const userPoolId = readValue(
    'COGNITO_USER_POOL_ID',
    userPoolIdSchema,
    get('COGNITO_USER_POOL_ID'),
  );
  return {
    region,
    endpointId: readValue('VPN_ENDPOINT_ID', endpointIdSchema, get('VPN_ENDPOINT_ID')),
    subnetIds: readValue('VPN_SUBNET_IDS', subnetList, get('VPN_SUBNET_IDS')),
    extraRoutes: readJson('VPN_EXTRA_ROUTES', extraRoutesSchema, get('VPN_EXTRA_ROUTES'), []),
    idleTimeoutMinutes: readValue(
      'IDLE_TIMEOUT_MINUTES',
      number(idleTimeoutMinutesSchema),
      get('IDLE_TIMEOUT_MINUTES'),
      defaults.idleTimeoutMinutes,
    ),
    quietConnectionMinutes: readValue(
      'QUIET_CONNECTION_MINUTES',
      number(quietConnectionMinutesSchema),
      get('QUIET_CONNECTION_MINUTES'),
      defaults.quietConnectionMinutes,
    ),
    sessionsTable: readValue('SESSIONS_TABLE', name, get('SESSIONS_TABLE')),
    idleAlarmName: readValue('IDLE_ALARM_NAME', name, get('IDLE_ALARM_NAME')),
    metricNamespace: readValue(
      'METRIC_NAMESPACE',
      metricNamespaceSchema,
      get('METRIC_NAMESPACE'),
      defaults.metricNamespace,
    ),
    albArn: readValue('ALB_ARN', albArnSchema, get('ALB_ARN')),
    cognito: {
      userPoolId,
      clientId: readValue('COGNITO_CLIENT_ID', clientIdSchema, get('COGNITO_CLIENT_ID')),
      domain: readValue('COGNITO_DOMAIN', name, get('COGNITO_DOMAIN')),
      jwksUrl: readValue(
        'COGNITO_JWKS_URL',
        url,
        get('COGNITO_JWKS_URL'),
        `https://cognito-idp.${region}.amazonaws.com/${userPoolId}/.well-known/jwks.json`,
      ),
    },
    adminGroup: readValue('ADMIN_GROUP', adminGroupSchema, get('ADMIN_GROUP'), defaults.adminGroup),
    prices: {
      associationHourUsd: readValue(
        'PRICE_ASSOCIATION_HOUR_USD',
        number(priceSchema),
        get('PRICE_ASSOCIATION_HOUR_USD'),
        defaults.prices.associationHourUsd,
      ),
      connectionHourUsd: readValue(
        'PRICE_CONNECTION_HOUR_USD',
        number(priceSchema),
        get('PRICE_CONNECTION_HOUR_USD'),
        defaults.prices.connectionHourUsd,
      ),
    },
    albKeysUrl: readValue(
      'ALB_KEYS_URL',
      url,
      get('ALB_KEYS_URL'),
      `https://public-keys.auth.elb.${region}.amazonaws.com`,
    ),
    openNext: readJson('OPEN_NEXT_APP', openNextSchema, get('OPEN_NEXT_APP'), {
      ...defaults.openNext,
    }),
    keepOnMaxHours: readValue(
      'KEEP_ON_MAX_HOURS',
      number(keepOnMaxHoursSchema),
      get('KEEP_ON_MAX_HOURS'),
      defaults.keepOnMaxHours,
    ),
  };
}

/** The part of the settings the core's decisions read. */
export function vpnPolicy(settings: Settings): VpnPolicy {
  return {
    subnetIds: settings.subnetIds,
    extraRoutes: settings.extraRoutes,
    idleTimeoutMinutes: settings.idleTimeoutMinutes,
    sweepWaitsForAlarmMinutes: SWEEP_WAITS_FOR_ALARM_MINUTES,
    sweepIntervalMinutes: SWEEP_INTERVAL_MINUTES,
    quietConnectionMinutes: settings.quietConnectionMinutes,
    prices: settings.prices,
    keepOnMaxHours: settings.keepOnMaxHours,
  };
}
