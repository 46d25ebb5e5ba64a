import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHealthSettings } from '../app/config/health-settings.js';
import { toLambdaEnvironment } from '../app/config/lambda-environment.js';
import {
  loadNotificationSettings,
  type NotificationSettings,
} from '../app/config/notification-settings.js';
import { SETTING_DEFAULTS } from '../app/config/setting-schemas.js';
import { loadSettings, type Settings } from '../app/config/settings.js';
import { loadWarmUpSettings } from '../app/config/warm-up-settings.js';
import { idleAlarmName } from './endpoints-setting.js';
import {
  cognitoHostedUiHost,
  type InfraSettings,
  type InfraSettingsInput,
  loadBalancerSettings,
  parseInfraSettings,
} from './settings.js';
import {
  exampleSettings,
  firstEndpointOf,
  onlyResource,
  onSharedListener,
  type SynthResult,
  synthPortal,
  twoEndpoints,
} from './test-support.js';
import { type FunctionResources, functionSettings } from './vpn-portal-stack.js';

/** Every setting the functions read, none at its default. */
const EVERY_SETTING: Partial<InfraSettingsInput> = {
  extraRoutes: [
    { cidr: '0.0.0.0/0', subnetId: 'subnet-0a1b2c3d4e5f60001', description: 'Internet' },
    { cidr: '10.20.0.0/16', subnetId: 'subnet-0a1b2c3d4e5f60002' },
  ],
  idleTimeoutMinutes: 45,
  quietConnectionMinutes: 90,
  adminGroup: 'it-staff',
  metricNamespace: 'Acme/Vpn',
  prices: { associationHourUsd: 0.15, connectionHourUsd: 0 },
  openNext: { ko: '워크스페이스', ja: 'WorkSpaces アプリ', en: 'Amazon WorkSpaces' },
  keepOnMaxHours: 0,
  warmUp: {
    entries: [
      { days: ['mon', 'wed'], time: '08:40', timeZone: 'Asia/Seoul' },
      { days: ['sat'], time: '10:05', timeZone: 'Europe/Berlin' },
    ],
    holidays: ['2026-01-01', '2026-12-25'],
  },
  notifications: {
    email: 'vpn-admins@example.com',
    chatWebhookParameter: '/vpn-portal/chat-webhook-url',
  },
};

/** What CloudFormation fills in for the stack's deploy-time references. */
const STAND_INS = {
  SESSIONS_TABLE: 'VpnPortal-SessionsTable-ABC',
  ALB_ARN:
    'arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:loadbalancer/app/vpn/0123456789abcdef',
  COGNITO_USER_POOL_ID: 'ap-northeast-2_AbCdEf123',
  COGNITO_CLIENT_ID: 'abcdefghij1234567890abcdef',
  NOTIFY_TOPIC_ARN: 'arn:aws:sns:ap-northeast-2:123456789012:VpnPortal-NotificationsTopic-ABC',
  EVENTS_FUNCTION_ARN:
    'arn:aws:lambda:ap-northeast-2:123456789012:function:VpnPortal-AutoDisconnectHandler-ABC',
} satisfies Record<string, string>;

/** The stack's resources, as the functions see them once deployed. */
function resourcesOf(settings: InfraSettings): FunctionResources {
  return {
    sessionsTable: STAND_INS.SESSIONS_TABLE,
    idleAlarmNames: settings.endpoints.map((endpoint, index) =>
      idleAlarmName(settings.stackName, endpoint.key, index),
    ),
    albArn: STAND_INS.ALB_ARN,
    cognito: {
      userPoolId: STAND_INS.COGNITO_USER_POOL_ID,
      clientId: STAND_INS.COGNITO_CLIENT_ID,
      domain: cognitoHostedUiHost(settings.cognito, settings.region),
    },
  };
}

/** What the functions must read back: the operator's settings, under the functions' names. */
function expectedSettings(settings: InfraSettings): Settings {
  const resources = resourcesOf(settings);
  const { region } = settings;
  return {
    region,
    // Issue 18: each endpoint with its alarm's name; the example's one endpoint comes back as
    // a list of one from today's variables (key "vpn", everyone: settings.test.ts).
    endpoints: settings.endpoints.map((endpoint, index) => ({
      ...endpoint,
      idleAlarmName: resources.idleAlarmNames[index] ?? '',
    })),
    sessionsTable: resources.sessionsTable,
    metricNamespace: settings.metricNamespace,
    albArn: resources.albArn,
    cognito: {
      ...resources.cognito,
      jwksUrl: `https://cognito-idp.${region}.amazonaws.com/${resources.cognito.userPoolId}/.well-known/jwks.json`,
    },
    adminGroup: settings.adminGroup,
    prices: settings.prices,
    albKeysUrl: `https://public-keys.auth.elb.${region}.amazonaws.com`,
    openNext: settings.openNext,
    keepOnMaxHours: settings.keepOnMaxHours,
    loadBalancer: loadBalancerSettings(settings).mode === 'shared' ? 'shared-listener' : 'own-alb',
  };
}

/** The warm-up schedule a single-endpoint stack's functions read: its entries, the holidays. */
function scheduleOf(settings: InfraSettings) {
  return { entries: firstEndpointOf(settings).warmUps, holidays: settings.warmUp.holidays };
}

function notificationsOf(settings: InfraSettings): NotificationSettings {
  return {
    topicArn: STAND_INS.NOTIFY_TOPIC_ARN,
    webhookParameterName: settings.notifications.chatWebhookParameter ?? null,
  };
}

/** Everything a function reads at start, as its entry reads it (AWS_REGION from the runtime). */
function loadAll(env: Record<string, string | undefined>, region: string) {
  return {
    settings: loadSettings({ ...env, AWS_REGION: region }),
    warmUp: loadWarmUpSettings(env).schedule,
    notifications: loadNotificationSettings(env),
    health: loadHealthSettings(env),
  };
}

function environmentOf(settings: InfraSettings, notifying: boolean) {
  return toLambdaEnvironment({
    ...functionSettings(settings, resourcesOf(settings)),
    ...(notifying ? { notifications: notificationsOf(settings) } : {}),
  });
}

describe('the functions’ environment, from toLambdaEnvironment', () => {
  const every = parseInfraSettings({ ...exampleSettings, ...EVERY_SETTING });

  it('gives the functions back every setting the stack passes', () => {
    expect(loadAll(environmentOf(every, true), every.region)).toEqual({
      settings: expectedSettings(every),
      warmUp: scheduleOf(every),
      notifications: notificationsOf(every),
      // The portal's alone, added by the stack once the events function exists (below).
      health: { eventsFunctionArn: null },
    });
  });

  it('gives the functions the defaults the stack fills in', () => {
    const {
      extraRoutes: _routes,
      idleTimeoutMinutes: _idle,
      quietConnectionMinutes: _quiet,
      adminGroup: _group,
      metricNamespace: _namespace,
      prices: _prices,
      openNext: _openNext,
      keepOnMaxHours: _keepOn,
      warmUp: _warmUp,
      notifications: _notifications,
      ...required
    } = exampleSettings;
    const defaults = parseInfraSettings(required);

    const loaded = loadAll(environmentOf(defaults, false), defaults.region);

    expect(loaded.settings).toEqual(expectedSettings(defaults));
    // Issue 18: the idle and quiet-connection defaults are the (one) endpoint's.
    const { idleTimeoutMinutes, quietConnectionMinutes, ...deploymentDefaults } = SETTING_DEFAULTS;
    expect(loaded.settings).toMatchObject({
      ...deploymentDefaults,
      endpoints: [{ idleTimeoutMinutes, quietConnectionMinutes, extraRoutes: [] }],
    });
    expect(loaded.warmUp).toEqual({ entries: [], holidays: [] });
    expect(loaded.notifications).toEqual({ topicArn: null, webhookParameterName: null });
  });

  it('writes no variable the functions ignore', () => {
    const env = environmentOf(every, true);
    const read = loadAll(env, every.region);
    for (const variable of Object.keys(env)) {
      let without: unknown;
      try {
        without = loadAll({ ...env, [variable]: undefined }, every.region);
      } catch (error) {
        without = error;
      }
      expect(without, variable).not.toEqual(read);
    }
  });

  // Issue 17: the cost view prices the load balancer the stack really deployed.
  it('tells the functions when the portal is on a shared listener, and nothing otherwise', () => {
    const shared = parseInfraSettings({ ...exampleSettings, ...onSharedListener() });
    const env = environmentOf(shared, false);
    expect(env.PORTAL_LOAD_BALANCER).toBe('shared-listener');
    expect(loadAll(env, shared.region).settings).toEqual(expectedSettings(shared));
    expect(environmentOf(every, false)).not.toHaveProperty('PORTAL_LOAD_BALANCER');
  });

  it('leaves the notification channels out unless the stack passes them', () => {
    const env = environmentOf(every, false);
    expect(env).not.toHaveProperty('NOTIFY_TOPIC_ARN');
    expect(loadNotificationSettings(env)).toEqual({ topicArn: null, webhookParameterName: null });
  });
});

describe('the functions’ environment, as synthesized', () => {
  let synth: SynthResult;
  let twoSynth: SynthResult;
  // The first synth (cdk-nag included) loads aws-cdk-lib: slower than vitest's 10 s hook default.
  beforeAll(() => {
    synth = synthPortal(EVERY_SETTING);
    twoSynth = synthPortal({ ...EVERY_SETTING, ...twoEndpoints });
  }, 90_000);

  const environment = (template: Template, handler: string) => {
    const [, fn] = onlyResource(template, 'AWS::Lambda::Function', { Handler: handler });
    const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> })
      .Variables;
    return Object.fromEntries(
      Object.entries(variables).map(([key, value]) => [key, resolvedStandIn(key, value)]),
    );
  };

  // Both send notices through the same channels (issue 14, item 5): the same variables.
  it.each(['portal.handler', 'auto-disconnect.handler'])(
    'reads back every setting in %s, the notification channels included',
    (handler) => {
      const { settings } = synth;
      expect(loadAll(environment(synth.template, handler), settings.region)).toEqual({
        settings: expectedSettings(settings),
        warmUp: scheduleOf(settings),
        notifications: notificationsOf(settings),
        // Issue 17: only the portal asks the events function for its health verdicts.
        health: {
          eventsFunctionArn: handler === 'portal.handler' ? STAND_INS.EVENTS_FUNCTION_ARN : null,
        },
      });
    },
  );

  // Issue 18: VPN_ENDPOINTS carries each endpoint's own values; the holidays stay shared.
  it.each(['portal.handler', 'auto-disconnect.handler'])(
    'reads back both endpoints of a two-endpoint stack in %s',
    (handler) => {
      const { settings } = twoSynth;
      expect(loadAll(environment(twoSynth.template, handler), settings.region)).toEqual({
        settings: expectedSettings(settings),
        warmUp: { entries: [], holidays: settings.warmUp.holidays },
        notifications: notificationsOf(settings),
        // Issue 17: only the portal asks the events function for its health verdicts.
        health: {
          eventsFunctionArn: handler === 'portal.handler' ? STAND_INS.EVENTS_FUNCTION_ARN : null,
        },
      });
    },
  );
});

function resolvedStandIn(key: string, value: unknown): string {
  if (typeof value === 'string') return value;
  const standIn = new Map<string, string>(Object.entries(STAND_INS)).get(key);
  if (standIn === undefined) throw new Error(`${key} is a reference without a stand-in`);
  return standIn;
}
