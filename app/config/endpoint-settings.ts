import type { ExtraRoute } from '../core/model/vocabulary.js';
import type { WarmUpEntry } from '../core/model/warm-up-schedule.js';
import { idleTimeoutMinutesSchema } from './idle-alarm-definition.js';
import { type Env, present, readJson, readValue, SettingsError } from './read-env.js';
import {
  adminGroupSchema,
  endpointIdSchema,
  extraRoutesSchema,
  pattern,
  quietConnectionMinutesSchema,
  SETTING_DEFAULTS,
  subnetIdsSchema,
} from './setting-schemas.js';
import * as z from './validation.js';
import { warmUpEntrySchema } from './warm-up-settings.js';

/**
 * The Client VPN endpoints one deployment manages (issue 18). Each is switched on and off on
 * its own: its subnets, routes, idle timeout, quiet-connection rule, warm-ups and idle alarm
 * are its own, and only the Cognito groups it lists may use it (every signed-in employee
 * when it lists none).
 *
 * The functions read the list from `VPN_ENDPOINTS` (JSON). Without it, today's variables
 * (`VPN_ENDPOINT_ID`, `VPN_SUBNET_IDS`, `VPN_EXTRA_ROUTES`, `IDLE_TIMEOUT_MINUTES`,
 * `QUIET_CONNECTION_MINUTES`, `IDLE_ALARM_NAME`, `WARM_UP_SCHEDULE`) describe a list of one,
 * so a deployment made before several endpoints existed keeps working unchanged.
 */
export interface EndpointSettings {
  /** Short and URL-safe: `/api/endpoints/<key>/status`. */
  key: string;
  endpointId: string;
  names: EndpointNames;
  subnetIds: string[];
  extraRoutes: ExtraRoute[];
  idleTimeoutMinutes: number;
  quietConnectionMinutes: number;
  idleAlarmName: string;
  /** The endpoint's warm-up times; the deployment's holidays apply to all endpoints. */
  warmUps: EndpointWarmUp[];
  /** Cognito groups whose members may use the endpoint; null = every signed-in employee. */
  groups: string[] | null;
}

export interface EndpointNames {
  ko: string;
  ja: string;
  en: string;
}

/**
 * A warm-up time, and optionally whose it is: an employee sees "turns on at 08:40" on the
 * card only when the warm-up is for everyone or for one of their groups.
 */
export interface EndpointWarmUp extends WarmUpEntry {
  groups?: string[];
}

/** The key of the one endpoint that today's single-endpoint variables describe. */
export const SINGLE_ENDPOINT_KEY = 'vpn';
export const SINGLE_ENDPOINT_NAMES: EndpointNames = { ko: 'VPN', ja: 'VPN', en: 'VPN' };

/** At most this many: each gets an alarm, and the sweep reads each one every 15 minutes. */
export const MAX_ENDPOINTS = 10;

export const endpointKeySchema = pattern(
  /^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/,
  'must be 1–32 lowercase letters, digits and inner hyphens (it is part of the URL)',
);

const displayName = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, { error: 'must not be empty' }),
    z.maxLength(40, { error: 'must be at most 40 characters' }),
  );

export const endpointNamesSchema = z.strictObject({
  ko: displayName,
  ja: displayName,
  en: displayName,
});

/** Who may use an endpoint: a non-empty list, or left out for everyone. */
export const endpointGroupsSchema = z.array(adminGroupSchema).check(
  z.minLength(1, {
    error: 'must list at least one Cognito group, or be left out to let every employee use it',
  }),
  z.refine((groups) => new Set(groups).size === groups.length, {
    error: 'must not repeat a group',
  }),
);

const endpointWarmUpSchema = z.strictObject({
  ...warmUpEntrySchema.shape,
  groups: z.optional(endpointGroupsSchema),
});

/** One endpoint as `VPN_ENDPOINTS` holds it (the stack writes every field). */
export const endpointSettingsSchema = z.strictObject({
  key: endpointKeySchema,
  endpointId: endpointIdSchema,
  names: endpointNamesSchema,
  subnetIds: subnetIdsSchema,
  extraRoutes: z._default(extraRoutesSchema, []),
  idleTimeoutMinutes: z._default(idleTimeoutMinutesSchema, SETTING_DEFAULTS.idleTimeoutMinutes),
  quietConnectionMinutes: z._default(
    quietConnectionMinutesSchema,
    SETTING_DEFAULTS.quietConnectionMinutes,
  ),
  idleAlarmName: z.string().check(z.trim(), z.minLength(1, { error: 'must not be empty' })),
  warmUps: z._default(z.array(endpointWarmUpSchema), []),
  groups: z._default(z.nullable(endpointGroupsSchema), null),
});

export interface SettingProblem {
  /** Where, from the list: `[1].subnetIds[0]`. */
  path: (string | number)[];
  message: string;
}

/** What only the whole list can get wrong; the stack and the functions both check it. */
export function endpointListProblems(
  endpoints: readonly Pick<
    EndpointSettings,
    'key' | 'endpointId' | 'subnetIds' | 'extraRoutes' | 'groups' | 'warmUps'
  >[],
): SettingProblem[] {
  const problems: SettingProblem[] = [];
  if (endpoints.length === 0)
    problems.push({ path: [], message: 'must list at least one endpoint' });
  if (endpoints.length > MAX_ENDPOINTS) {
    problems.push({ path: [], message: `must list at most ${MAX_ENDPOINTS} endpoints` });
  }
  const firstWith = <T>(pick: (index: number) => T[], value: T, before: number) =>
    endpoints.slice(0, before).findIndex((_, index) => pick(index).includes(value));
  endpoints.forEach((endpoint, index) => {
    const sameKey = endpoints.findIndex((other) => other.key === endpoint.key);
    if (sameKey < index) {
      problems.push({
        path: [index, 'key'],
        message: `must be unique: endpoint ${sameKey + 1} already has the key "${endpoint.key}"`,
      });
    }
    const sameId = endpoints.findIndex((other) => other.endpointId === endpoint.endpointId);
    if (sameId < index) {
      problems.push({
        path: [index, 'endpointId'],
        message: `must be unique: endpoint ${sameId + 1} is already ${endpoint.endpointId}`,
      });
    }
    endpoint.subnetIds.forEach((subnetId, subnetIndex) => {
      const owner = firstWith((other) => endpoints[other]?.subnetIds ?? [], subnetId, index);
      if (owner >= 0) {
        problems.push({
          path: [index, 'subnetIds', subnetIndex],
          message: `must not also be a subnet of endpoint ${owner + 1} ("${endpoints[owner]?.key}"): ${subnetId}`,
        });
      }
    });
    endpoint.extraRoutes.forEach((route, routeIndex) => {
      if (!endpoint.subnetIds.includes(route.subnetId)) {
        problems.push({
          path: [index, 'extraRoutes', routeIndex, 'subnetId'],
          message: "must be one of the endpoint's subnetIds (a route targets an associated subnet)",
        });
      }
    });
    endpoint.warmUps.forEach((warmUp, warmUpIndex) => {
      (warmUp.groups ?? []).forEach((group, groupIndex) => {
        if (endpoint.groups !== null && !endpoint.groups.includes(group)) {
          problems.push({
            path: [index, 'warmUps', warmUpIndex, 'groups', groupIndex],
            message: `must be one of the endpoint's groups (${endpoint.groups.join(', ')}): "${group}" is unknown`,
          });
        }
      });
    });
  });
  return problems;
}

/** `[1].subnetIds[0]` */
export function formatSettingPath(path: readonly (string | number)[]): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`)).join('');
}

const endpointList = z.array(endpointSettingsSchema);

/** The variables that describe a list of one; set beside VPN_ENDPOINTS they would be ignored. */
const SINGLE_ENDPOINT_VARIABLES = [
  'VPN_ENDPOINT_ID',
  'VPN_SUBNET_IDS',
  'VPN_EXTRA_ROUTES',
  'IDLE_TIMEOUT_MINUTES',
  'QUIET_CONNECTION_MINUTES',
  'IDLE_ALARM_NAME',
  'WARM_UP_SCHEDULE',
] as const;

/**
 * The endpoints from `VPN_ENDPOINTS`, or the list of one today's variables describe
 * (`single` is how settings.ts reads those, with local mode's stand-ins).
 */
export function loadEndpoints(env: Env, single: () => EndpointSettings): EndpointSettings[] {
  const raw = present(env.VPN_ENDPOINTS);
  if (raw === undefined) return [single()];
  const alsoSet = SINGLE_ENDPOINT_VARIABLES.filter((variable) => present(env[variable]));
  if (alsoSet.length > 0) {
    throw new SettingsError(
      'VPN_ENDPOINTS',
      `cannot be set together with ${alsoSet.join(', ')}: list each endpoint's values in VPN_ENDPOINTS`,
    );
  }
  const endpoints = readJson('VPN_ENDPOINTS', endpointList, raw, []);
  const [problem] = endpointListProblems(endpoints);
  if (problem) {
    throw new SettingsError(`VPN_ENDPOINTS${formatSettingPath(problem.path)}`, problem.message);
  }
  return endpoints;
}

/**
 * The environment that `loadEndpoints` reads back as `endpoints`: today's variables for a
 * list of one that today's variables can say (so an existing deployment's environment does not
 * change), `VPN_ENDPOINTS` otherwise. Values may be CloudFormation tokens.
 */
export function endpointsEnvironment(
  endpoints: readonly EndpointSettings[],
): Record<string, string> {
  const [only] = endpoints;
  if (endpoints.length === 1 && only && saysTheSameAsSingleVariables(only)) {
    return {
      VPN_ENDPOINT_ID: only.endpointId,
      VPN_SUBNET_IDS: only.subnetIds.join(','),
      VPN_EXTRA_ROUTES: JSON.stringify(only.extraRoutes),
      IDLE_TIMEOUT_MINUTES: String(only.idleTimeoutMinutes),
      QUIET_CONNECTION_MINUTES: String(only.quietConnectionMinutes),
      IDLE_ALARM_NAME: only.idleAlarmName,
      ...(only.warmUps.length > 0 ? { WARM_UP_SCHEDULE: JSON.stringify(only.warmUps) } : {}),
    };
  }
  return { VPN_ENDPOINTS: JSON.stringify(endpoints) };
}

function saysTheSameAsSingleVariables(endpoint: EndpointSettings): boolean {
  return (
    endpoint.key === SINGLE_ENDPOINT_KEY &&
    endpoint.groups === null &&
    endpoint.warmUps.every((warmUp) => warmUp.groups === undefined) &&
    JSON.stringify(endpoint.names) === JSON.stringify(SINGLE_ENDPOINT_NAMES)
  );
}

/** A number read from text, then checked with `schema`. */
export const fromText = <T>(schema: z.ZodMiniType<T, number>) =>
  z.pipe(z.coerce.number({ error: 'must be a number' }), schema);

/** `subnet-a,subnet-b`: a comma-separated list. */
export const subnetListFromText = z.pipe(
  z.pipe(
    z.string(),
    z.transform((list) => list.split(',').map((item) => item.trim())),
  ),
  subnetIdsSchema,
);

/** Reads today's single-endpoint variables (settings.ts passes its local-mode aware getter). */
export function readSingleEndpoint(
  get: (variable: string) => string | undefined,
  warmUps: EndpointWarmUp[],
): EndpointSettings {
  return {
    key: SINGLE_ENDPOINT_KEY,
    endpointId: readValue('VPN_ENDPOINT_ID', endpointIdSchema, get('VPN_ENDPOINT_ID')),
    names: { ...SINGLE_ENDPOINT_NAMES },
    subnetIds: readValue('VPN_SUBNET_IDS', subnetListFromText, get('VPN_SUBNET_IDS')),
    extraRoutes: readJson('VPN_EXTRA_ROUTES', extraRoutesSchema, get('VPN_EXTRA_ROUTES'), []),
    idleTimeoutMinutes: readValue(
      'IDLE_TIMEOUT_MINUTES',
      fromText(idleTimeoutMinutesSchema),
      get('IDLE_TIMEOUT_MINUTES'),
      SETTING_DEFAULTS.idleTimeoutMinutes,
    ),
    quietConnectionMinutes: readValue(
      'QUIET_CONNECTION_MINUTES',
      fromText(quietConnectionMinutesSchema),
      get('QUIET_CONNECTION_MINUTES'),
      SETTING_DEFAULTS.quietConnectionMinutes,
    ),
    idleAlarmName: readValue(
      'IDLE_ALARM_NAME',
      z.string().check(z.trim(), z.minLength(1, 'must not be empty')),
      get('IDLE_ALARM_NAME'),
    ),
    warmUps,
    groups: null,
  };
}
