import { describe, expect, it } from 'vitest';
import { DEFAULT_PORTAL_DEPLOYMENT } from '../core/model/product-cost.js';
import { SettingsError } from './read-env.js';
import { firstEndpoint, loadSettings, portalDeployment, vpnPolicy } from './settings.js';

const AWS_ENV: Record<string, string> = {
  AWS_REGION: 'eu-west-1',
  VPN_ENDPOINT_ID: 'cvpn-endpoint-0123456789abcdef0',
  VPN_SUBNET_IDS: 'subnet-0123456789abcdef0, subnet-0123456789abcdef1',
  SESSIONS_TABLE: 'vpn-portal-sessions',
  IDLE_ALARM_NAME: 'vpn-portal-idle',
  ALB_ARN:
    'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/vpn-portal/50dc6c495c0c9188',
  COGNITO_USER_POOL_ID: 'eu-west-1_AbCdEf123',
  COGNITO_CLIENT_ID: '4example0client0id0abcdefg',
  COGNITO_DOMAIN: 'vpn.auth.eu-west-1.amazoncognito.com',
};

function loadingWith(overrides: Record<string, string | undefined>) {
  return () => loadSettings({ ...AWS_ENV, ...overrides });
}

function settingsError(run: () => unknown): SettingsError {
  try {
    run();
  } catch (error) {
    if (error instanceof SettingsError) return error;
    throw error;
  }
  throw new Error('expected a SettingsError');
}

describe('loadSettings', () => {
  it('reads a complete AWS environment and fills the defaults', () => {
    expect(loadSettings(AWS_ENV)).toEqual({
      region: 'eu-west-1',
      // Today's variables: a list of one (issue 18).
      endpoints: [
        {
          key: 'vpn',
          endpointId: 'cvpn-endpoint-0123456789abcdef0',
          names: { ko: 'VPN', ja: 'VPN', en: 'VPN' },
          subnetIds: ['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1'],
          extraRoutes: [],
          idleTimeoutMinutes: 30,
          quietConnectionMinutes: 60,
          idleAlarmName: 'vpn-portal-idle',
          warmUps: [],
          groups: null,
        },
      ],
      sessionsTable: 'vpn-portal-sessions',
      metricNamespace: 'VpnPortal',
      albArn: AWS_ENV.ALB_ARN,
      cognito: {
        userPoolId: 'eu-west-1_AbCdEf123',
        clientId: '4example0client0id0abcdefg',
        domain: 'vpn.auth.eu-west-1.amazoncognito.com',
        jwksUrl:
          'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123/.well-known/jwks.json',
      },
      adminGroup: 'vpn-admins',
      prices: { associationHourUsd: 0.1, connectionHourUsd: 0.05 },
      albKeysUrl: 'https://public-keys.auth.elb.eu-west-1.amazonaws.com',
      openNext: { ko: 'WorkSpaces', ja: 'WorkSpaces', en: 'WorkSpaces' },
      keepOnMaxHours: 4,
      loadBalancer: 'own-alb',
    });
  });

  it('takes every optional setting when given', () => {
    const settings = loadSettings({
      ...AWS_ENV,
      VPN_EXTRA_ROUTES:
        '[{"cidr":"0.0.0.0/0","subnetId":"subnet-0123456789abcdef0","description":"internet"}]',
      IDLE_TIMEOUT_MINUTES: '45',
      QUIET_CONNECTION_MINUTES: '90',
      METRIC_NAMESPACE: 'Acme/Vpn',
      ADMIN_GROUP: 'it-staff',
      PRICE_ASSOCIATION_HOUR_USD: '0.15',
      PRICE_CONNECTION_HOUR_USD: '0',
      ALB_KEYS_URL: 'https://keys.example.com',
      COGNITO_JWKS_URL: 'https://keys.example.com/jwks.json',
    });
    expect(settings).toMatchObject({
      endpoints: [
        {
          extraRoutes: [
            { cidr: '0.0.0.0/0', subnetId: 'subnet-0123456789abcdef0', description: 'internet' },
          ],
          idleTimeoutMinutes: 45,
          quietConnectionMinutes: 90,
        },
      ],
      metricNamespace: 'Acme/Vpn',
      adminGroup: 'it-staff',
      prices: { associationHourUsd: 0.15, connectionHourUsd: 0 },
      albKeysUrl: 'https://keys.example.com',
      cognito: { jwksUrl: 'https://keys.example.com/jwks.json' },
    });
  });

  it.each([
    'AWS_REGION',
    'VPN_ENDPOINT_ID',
    'VPN_SUBNET_IDS',
    'SESSIONS_TABLE',
    'IDLE_ALARM_NAME',
    'ALB_ARN',
    'COGNITO_USER_POOL_ID',
    'COGNITO_CLIENT_ID',
    'COGNITO_DOMAIN',
  ])('stops with a message naming %s when it is missing in AWS', (variable) => {
    const error = settingsError(loadingWith({ [variable]: undefined }));
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
    expect(error.message).toContain('required');
  });

  it('treats a blank value as missing', () => {
    expect(settingsError(loadingWith({ SESSIONS_TABLE: '   ' })).variable).toBe('SESSIONS_TABLE');
  });

  it.each([
    ['VPN_ENDPOINT_ID', 'vpn-123'],
    ['VPN_SUBNET_IDS', 'subnet-0123456789abcdef0,sg-0123456789abcdef0'],
    ['VPN_SUBNET_IDS', 'subnet-0123456789abcdef0,subnet-0123456789abcdef0'],
    ['VPN_SUBNET_IDS', ','],
    ['VPN_EXTRA_ROUTES', '{not json'],
    ['VPN_EXTRA_ROUTES', '{"cidr":"0.0.0.0/0"}'],
    ['VPN_EXTRA_ROUTES', '[{"cidr":"everything","subnetId":"subnet-0123456789abcdef0"}]'],
    ['VPN_EXTRA_ROUTES', '[{"cidr":"0.0.0.0/0","subnetId":"subnet-0123456789abcdef0","via":"x"}]'],
    ['IDLE_TIMEOUT_MINUTES', 'thirty'],
    ['IDLE_TIMEOUT_MINUTES', '7'],
    ['IDLE_TIMEOUT_MINUTES', '0'],
    ['IDLE_TIMEOUT_MINUTES', '2.5'],
    ['IDLE_TIMEOUT_MINUTES', '10000'],
    ['QUIET_CONNECTION_MINUTES', 'an hour'],
    ['QUIET_CONNECTION_MINUTES', '5'],
    ['QUIET_CONNECTION_MINUTES', '-60'],
    ['QUIET_CONNECTION_MINUTES', '60.5'],
    ['QUIET_CONNECTION_MINUTES', '1441'],
    ['METRIC_NAMESPACE', 'has spaces in it'],
    ['ALB_ARN', 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/net/x/1'],
    ['COGNITO_USER_POOL_ID', 'not-a-pool'],
    ['PRICE_ASSOCIATION_HOUR_USD', '-0.1'],
    ['PRICE_CONNECTION_HOUR_USD', 'cheap'],
    ['ALB_KEYS_URL', 'not a url'],
    ['COGNITO_JWKS_URL', 'jwks.json'],
  ])('stops with a message naming %s when it is %j', (variable, value) => {
    const error = settingsError(loadingWith({ [variable]: value }));
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(new RegExp(`^Setting ${variable} `));
  });

  it('turns the quiet-connection rule off with 0, and says what it accepts otherwise', () => {
    const quiet = (value: string) =>
      firstEndpoint(loadingWith({ QUIET_CONNECTION_MINUTES: value })()).quietConnectionMinutes;
    expect(quiet('0')).toBe(0);
    expect(quiet('15')).toBe(15);
    expect(settingsError(loadingWith({ QUIET_CONNECTION_MINUTES: '10' })).message).toBe(
      'Setting QUIET_CONNECTION_MINUTES must be 0 (off) or a whole number of minutes from 15 to 1440 (got "10")',
    );
  });

  it('starts in local mode with no environment at all', () => {
    const settings = loadSettings({}, 'local');
    const first = firstEndpoint(settings);
    expect(first.endpointId).toMatch(/^cvpn-endpoint-/);
    expect(first.subnetIds.length).toBeGreaterThan(0);
    expect(first.idleTimeoutMinutes).toBe(30);
    expect(settings.adminGroup).toBe('vpn-admins');
  });

  it('simulates Seoul office for everyone and Staging for developers in local mode (issue 18)', () => {
    const [seoul, staging, ...more] = loadSettings({}, 'local').endpoints;
    expect(more).toEqual([]);
    expect(seoul).toMatchObject({
      key: 'seoul',
      names: { ko: '서울 사무실', ja: 'ソウル事務所', en: 'Seoul office' },
      groups: null,
    });
    expect(staging).toMatchObject({
      key: 'staging',
      names: { ko: '스테이징', ja: 'ステージング', en: 'Staging' },
      groups: ['developers'],
    });
    expect(staging?.endpointId).not.toBe(seoul?.endpointId);
    expect(staging?.idleAlarmName).not.toBe(seoul?.idleAlarmName);
  });

  it("lets the environment override local defaults, today's variables for the first endpoint", () => {
    const settings = loadSettings({ IDLE_TIMEOUT_MINUTES: '5' }, 'local');
    expect(firstEndpoint(settings).idleTimeoutMinutes).toBe(5);
  });

  it('simulates exactly the endpoints VPN_ENDPOINTS lists in local mode', () => {
    const only = {
      key: 'lab',
      endpointId: 'cvpn-endpoint-0123456789abcdef9',
      names: { ko: '실험실', ja: 'ラボ', en: 'Lab' },
      subnetIds: ['subnet-0123456789abcdef9'],
      idleAlarmName: 'lab-idle',
    };
    const settings = loadSettings({ VPN_ENDPOINTS: JSON.stringify([only]) }, 'local');
    expect(settings.endpoints.map((endpoint) => endpoint.key)).toEqual(['lab']);
  });

  it('still validates what the environment sets in local mode', () => {
    expect(settingsError(() => loadSettings({ VPN_ENDPOINT_ID: 'x' }, 'local')).variable).toBe(
      'VPN_ENDPOINT_ID',
    );
  });

  it('reads the ready page’s "then open" app per language, a language left out staying WorkSpaces', () => {
    const settings = loadSettings({
      ...AWS_ENV,
      OPEN_NEXT_APP: '{"ko": "워크스페이스", "en": "Amazon WorkSpaces"}',
      KEEP_ON_MAX_HOURS: '0',
    });
    expect(settings.openNext).toEqual({
      ko: '워크스페이스',
      ja: 'WorkSpaces',
      en: 'Amazon WorkSpaces',
    });
    expect(settings.keepOnMaxHours).toBe(0);
  });

  it.each([
    ['OPEN_NEXT_APP', '{"de": "WorkSpaces"}'],
    ['OPEN_NEXT_APP', '{"ko": ""}'],
    ['KEEP_ON_MAX_HOURS', '1.5'],
    ['KEEP_ON_MAX_HOURS', '13'],
    ['KEEP_ON_MAX_HOURS', '-1'],
  ])('stops at start on a bad %s (%s), naming it', (variable, value) => {
    expect(settingsError(loadingWith({ [variable]: value })).message).toContain(variable);
  });
});

describe('PORTAL_LOAD_BALANCER (issue 17)', () => {
  it('says a shared listener, for the cost view, and refuses anything else by name', () => {
    expect(loadSettings({ ...AWS_ENV, PORTAL_LOAD_BALANCER: 'shared-listener' }).loadBalancer).toBe(
      'shared-listener',
    );
    expect(() => loadSettings({ ...AWS_ENV, PORTAL_LOAD_BALANCER: 'nlb' })).toThrow(
      /Setting PORTAL_LOAD_BALANCER must be own-alb or shared-listener/,
    );
  });

  it('prices what the deployment holds: no ALB hours or addresses on a shared listener, an alarm and a metric per extra endpoint', () => {
    const settings = loadSettings({ ...AWS_ENV, PORTAL_LOAD_BALANCER: 'shared-listener' });
    const [first] = settings.endpoints;
    if (!first) throw new Error('no endpoint');
    const two = { ...settings, endpoints: [first, { ...first, key: 'staging' }] };
    expect(portalDeployment(two)).toMatchObject({
      loadBalancer: 'shared-listener',
      albPublicIpv4Addresses: 0,
      alarmMetrics: DEFAULT_PORTAL_DEPLOYMENT.alarmMetrics + 2,
      customMetrics: DEFAULT_PORTAL_DEPLOYMENT.customMetrics + 1,
    });
    expect(vpnPolicy(settings, first).portalDeployment?.loadBalancer).toBe('shared-listener');
  });
});
