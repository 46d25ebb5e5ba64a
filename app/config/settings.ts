import type { VpnPolicy } from '../core/model/policy.js';
import {
  DEFAULT_PORTAL_DEPLOYMENT,
  type LoadBalancerMode,
  type PortalDeployment,
} from '../core/model/product-cost.js';
import {
  type EndpointSettings,
  fromText,
  loadEndpoints,
  readSingleEndpoint,
} from './endpoint-settings.js';
import { SWEEP_INTERVAL_MINUTES, SWEEP_WAITS_FOR_ALARM_MINUTES } from './idle-alarm-definition.js';
import { withLocalDemoEndpoints } from './local-endpoints.js';
import { type Env, present, readJson, readValue } from './read-env.js';
import {
  adminGroupSchema,
  albArnSchema,
  clientIdSchema,
  keepOnMaxHoursSchema,
  loadBalancerModeSchema,
  metricNamespaceSchema,
  openNextSchema,
  priceSchema,
  SETTING_DEFAULTS,
  userPoolIdSchema,
} from './setting-schemas.js';
import * as z from './validation.js';
import { warmUpEntriesSchema } from './warm-up-settings.js';

/**
 * SPEC section 9: one schema for the environment of both Lambdas and the local server.
 * Parsed once per entry; a bad value stops start-up with a message naming the variable.
 * The rules of each value live in setting-schemas.ts, shared with the stack; the stack
 * writes this environment with `toLambdaEnvironment` (lambda-environment.ts).
 */
export interface Settings {
  region: string;
  /**
   * The endpoints this deployment switches (issue 18), each with its own subnets, routes,
   * idle and quiet-connection rules, warm-ups, idle alarm and groups: `VPN_ENDPOINTS`, or
   * today's single-endpoint variables as a list of one. The first is the one today's routes
   * answer for, and it keeps today's keys in the sessions table.
   */
  endpoints: EndpointSettings[];
  sessionsTable: string;
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
  /** PORTAL_LOAD_BALANCER: the stack's own ALB, or a shared listener (issue 17's cost view). */
  loadBalancer: LoadBalancerMode;
}

export type SettingsMode = 'aws' | 'local';

const name = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));
const url = z.url('must be a URL');
const number = fromText;

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
  const single = () =>
    readSingleEndpoint(
      get,
      readJson('WARM_UP_SCHEDULE', warmUpEntriesSchema, get('WARM_UP_SCHEDULE'), []),
    );
  return {
    region,
    // Local mode simulates two endpoints unless VPN_ENDPOINTS names others (local-endpoints.ts).
    endpoints:
      mode === 'local' && present(env.VPN_ENDPOINTS) === undefined
        ? withLocalDemoEndpoints(single())
        : loadEndpoints(env, single),
    sessionsTable: readValue('SESSIONS_TABLE', name, get('SESSIONS_TABLE')),
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
    loadBalancer: readValue(
      'PORTAL_LOAD_BALANCER',
      loadBalancerModeSchema,
      get('PORTAL_LOAD_BALANCER'),
      'own-alb',
    ),
  };
}

/** The part of the settings the core's decisions read, for one endpoint. */
export function vpnPolicy(settings: Settings, endpoint: EndpointSettings): VpnPolicy {
  return {
    subnetIds: endpoint.subnetIds,
    extraRoutes: endpoint.extraRoutes,
    idleTimeoutMinutes: endpoint.idleTimeoutMinutes,
    sweepWaitsForAlarmMinutes: SWEEP_WAITS_FOR_ALARM_MINUTES,
    sweepIntervalMinutes: SWEEP_INTERVAL_MINUTES,
    quietConnectionMinutes: endpoint.quietConnectionMinutes,
    prices: settings.prices,
    keepOnMaxHours: settings.keepOnMaxHours,
    portalDeployment: portalDeployment(settings),
  };
}

/**
 * What the deployment holds, for the cost view: its load balancer mode, and one idle alarm
 * (two metrics) and one `ConnectRequests` metric per endpoint beside the stack's defaults.
 */
export function portalDeployment(
  settings: Pick<Settings, 'loadBalancer' | 'endpoints'>,
): PortalDeployment {
  const extraEndpoints = Math.max(0, settings.endpoints.length - 1);
  return {
    ...DEFAULT_PORTAL_DEPLOYMENT,
    loadBalancer: settings.loadBalancer,
    albPublicIpv4Addresses:
      settings.loadBalancer === 'own-alb' ? DEFAULT_PORTAL_DEPLOYMENT.albPublicIpv4Addresses : 0,
    alarmMetrics: DEFAULT_PORTAL_DEPLOYMENT.alarmMetrics + IDLE_ALARM_METRICS * extraEndpoints,
    customMetrics: DEFAULT_PORTAL_DEPLOYMENT.customMetrics + extraEndpoints,
  };
}

/** The idle alarm watches two metrics: connect requests and active connections. */
const IDLE_ALARM_METRICS = 2;

/** The first endpoint: the one today's routes (`/api/status`, …) answer for. */
export function firstEndpoint(settings: Pick<Settings, 'endpoints'>): EndpointSettings {
  const [first] = settings.endpoints;
  // loadEndpoints never returns an empty list; a hand-built one is a programming error.
  if (!first) throw new Error('settings list no endpoint');
  return first;
}
