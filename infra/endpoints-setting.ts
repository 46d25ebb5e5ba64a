import {
  type EndpointSettings,
  endpointListProblems,
  endpointSettingsSchema,
  endpointsEnvironment,
  type SettingProblem,
  SINGLE_ENDPOINT_KEY,
  SINGLE_ENDPOINT_NAMES,
} from '../app/config/endpoint-settings.js';
import { SETTING_DEFAULTS } from '../app/config/setting-schemas.js';
import { z } from '../app/config/validation.js';
import { warmUpEnvironment } from '../app/config/warm-up-settings.js';
import type { ExtraRoute } from '../app/core/model/vocabulary.js';
import type { WarmUpEntry } from '../app/core/model/warm-up-schedule.js';
import { environmentBudgetProblem } from './warm-up-settings.js';

/**
 * The `endpoints` setting (issue 18): the Client VPN endpoints one stack manages, each with
 * its own subnets, routes, timeouts, warm-ups and groups. Each item is checked with the
 * functions' own rules (app/config/endpoint-settings.ts): what synth accepts, VPN_ENDPOINTS
 * accepts too. The idle alarm's name is the stack's to choose, so the operator never sets it.
 */
const {
  idleAlarmName: _chosenByTheStack,
  warmUps,
  ...endpointShape
} = endpointSettingsSchema.shape;

/** One item of `endpoints`: `warmUp` lists its warm-up entries, each optionally for some groups. */
export const endpointSettingSchema = z.strictObject({ ...endpointShape, warmUp: warmUps });

export const endpointsSetting = z.optional(z.array(endpointSettingSchema));

/** An endpoint as the stack builds it: everything but the alarm name the stack gives it. */
export type StackEndpoint = Omit<EndpointSettings, 'idleAlarmName'>;

/**
 * The endpoint settings as `vpnPortal` holds them: today's single-endpoint fields, or
 * `endpoints`, beside the deployment-wide warm-up holidays.
 */
export interface EndpointFieldSettings {
  stackName: string;
  endpointId?: string | undefined;
  targetSubnetIds?: string[] | undefined;
  extraRoutes?: ExtraRoute[] | undefined;
  idleTimeoutMinutes?: number | undefined;
  quietConnectionMinutes?: number | undefined;
  warmUp: { entries?: WarmUpEntry[] | undefined; holidays: string[] };
  endpoints?: z.output<typeof endpointSettingSchema>[] | undefined;
}

const SINGLE_ENDPOINT_FIELDS = [
  'endpointId',
  'targetSubnetIds',
  'extraRoutes',
  'idleTimeoutMinutes',
  'quietConnectionMinutes',
] as const;

/**
 * What is wrong with the endpoint settings: today's fields keep today's rules; `endpoints`
 * gets the list's rules (app/config/endpoint-settings.ts); both at once would leave today's
 * fields ignored, so that is wrong too. Either way, what they put into each function's
 * environment must fit.
 */
export function endpointSettingProblems(settings: EndpointFieldSettings): SettingProblem[] {
  if (settings.endpoints === undefined) return singleEndpointProblems(settings);
  const alsoSet = [
    ...SINGLE_ENDPOINT_FIELDS.filter((field) => settings[field] !== undefined),
    ...(settings.warmUp.entries === undefined ? [] : ['warmUp.entries']),
  ];
  if (alsoSet.length > 0) {
    return [
      {
        path: ['endpoints'],
        message: `must not be set together with ${alsoSet.join(', ')}: list each endpoint's values under endpoints (only warmUp.holidays stays beside it)`,
      },
    ];
  }
  const endpoints = settings.endpoints.map(listedEndpoint);
  // The list's rules speak the functions' field names; the operator wrote `warmUp`.
  const problems = endpointListProblems(endpoints).map((problem) => ({
    ...problem,
    path: ['endpoints', ...problem.path.map((part) => (part === 'warmUps' ? 'warmUp' : part))],
  }));
  const tooLong = environmentBudgetProblem(
    {
      ...endpointsEnvironmentFor(settings.stackName, endpoints),
      ...warmUpEnvironment({ entries: [], holidays: settings.warmUp.holidays }),
    },
    'with warmUp.holidays the endpoints take',
    'list fewer endpoints, routes, warm-ups or holidays',
  );
  return tooLong ? [...problems, { path: ['endpoints'], message: tooLong }] : problems;
}

function singleEndpointProblems(settings: EndpointFieldSettings): SettingProblem[] {
  const { targetSubnetIds } = settings;
  if (settings.endpointId === undefined) return [{ path: ['endpointId'], message: 'is required' }];
  if (targetSubnetIds === undefined) return [{ path: ['targetSubnetIds'], message: 'is required' }];
  const problems: SettingProblem[] = (settings.extraRoutes ?? []).flatMap((route, index) =>
    targetSubnetIds.includes(route.subnetId)
      ? []
      : [
          {
            path: ['extraRoutes', index, 'subnetId'],
            message: 'must be one of targetSubnetIds (a route targets an associated subnet)',
          },
        ],
  );
  const tooLong = environmentBudgetProblem(
    {
      VPN_EXTRA_ROUTES: JSON.stringify(settings.extraRoutes ?? []),
      ...warmUpEnvironment({
        entries: settings.warmUp.entries ?? [],
        holidays: settings.warmUp.holidays,
      }),
    },
    'with extraRoutes it takes',
    "list fewer holidays, for example only this year's",
  );
  return tooLong ? [...problems, { path: ['warmUp'], message: tooLong }] : problems;
}

/**
 * The settings the stack is built from: the endpoints always as a list (today's fields as a
 * list of one), the warm-up holidays deployment-wide. Call it on checked settings only:
 * endpointSettingProblems() makes sure that `endpoints` or today's fields are set.
 */
export function withEndpointList<T extends EndpointFieldSettings>(settings: T) {
  const {
    endpointId,
    targetSubnetIds,
    extraRoutes,
    idleTimeoutMinutes,
    quietConnectionMinutes,
    endpoints,
    warmUp,
    ...rest
  } = settings;
  const list: StackEndpoint[] =
    endpoints?.map(listedEndpoint) ??
    (endpointId !== undefined && targetSubnetIds !== undefined
      ? [
          singleEndpoint({
            endpointId,
            targetSubnetIds,
            extraRoutes,
            idleTimeoutMinutes,
            quietConnectionMinutes,
            warmUps: warmUp.entries ?? [],
          }),
        ]
      : []);
  return { ...rest, endpoints: list, warmUp: { holidays: warmUp.holidays } };
}

/**
 * Today's settings as a list of one, exactly as the functions read today's variables
 * (`readSingleEndpoint`): key "vpn", names "VPN", every employee.
 */
function singleEndpoint(settings: {
  endpointId: string;
  targetSubnetIds: string[];
  extraRoutes: ExtraRoute[] | undefined;
  idleTimeoutMinutes: number | undefined;
  quietConnectionMinutes: number | undefined;
  warmUps: WarmUpEntry[];
}): StackEndpoint {
  return {
    key: SINGLE_ENDPOINT_KEY,
    endpointId: settings.endpointId,
    names: { ...SINGLE_ENDPOINT_NAMES },
    subnetIds: settings.targetSubnetIds,
    extraRoutes: settings.extraRoutes ?? [],
    idleTimeoutMinutes: settings.idleTimeoutMinutes ?? SETTING_DEFAULTS.idleTimeoutMinutes,
    quietConnectionMinutes:
      settings.quietConnectionMinutes ?? SETTING_DEFAULTS.quietConnectionMinutes,
    warmUps: settings.warmUps,
    groups: null,
  };
}

/** `endpoints` as written, under the names the functions use (`warmUp` becomes `warmUps`). */
function listedEndpoint(endpoint: z.output<typeof endpointSettingSchema>): StackEndpoint {
  const { warmUp, ...rest } = endpoint;
  return { ...rest, warmUps: warmUp };
}

/**
 * The idle alarm's name. The first endpoint keeps the single-endpoint version's name, so an
 * upgrade neither replaces its alarm nor changes IDLE_ALARM_NAME; the others add their key.
 */
export function idleAlarmName(stackName: string, key: string, index: number): string {
  return index === 0 ? `${stackName}-idle` : `${stackName}-idle-${key}`;
}

/**
 * The functions' endpoint list (what VPN_ENDPOINTS, or today's variables for a list of one,
 * carry): the stack's endpoints with the names of the alarms it built for them.
 */
export function toEndpointSettings(
  endpoints: readonly StackEndpoint[],
  alarmNames: readonly string[],
): EndpointSettings[] {
  return endpoints.map((endpoint, index) => {
    const name = alarmNames[index];
    if (name === undefined) throw new Error(`endpoint "${endpoint.key}" has no idle alarm`);
    return { ...endpoint, idleAlarmName: name };
  });
}

/** The environment the endpoints take in each function, for the size check at synth. */
function endpointsEnvironmentFor(
  stackName: string,
  endpoints: readonly StackEndpoint[],
): Record<string, string> {
  return endpointsEnvironment(
    toEndpointSettings(
      endpoints,
      endpoints.map((endpoint, index) => idleAlarmName(stackName, endpoint.key, index)),
    ),
  );
}
