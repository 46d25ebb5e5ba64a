import { describe, expect, it } from 'vitest';
import {
  type EndpointSettings,
  endpointsEnvironment,
  loadEndpoints,
  readSingleEndpoint,
  SINGLE_ENDPOINT_KEY,
} from './endpoint-settings.js';
import type { Env } from './read-env.js';

const SEOUL = {
  key: 'seoul',
  endpointId: 'cvpn-endpoint-0123456789abcdef0',
  names: { ko: '서울 사무실', ja: 'ソウル事務所', en: 'Seoul office' },
  subnetIds: ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002'],
  idleAlarmName: 'vpn-portal-idle-seoul',
};
const STAGING = {
  key: 'staging',
  endpointId: 'cvpn-endpoint-0123456789abcdef1',
  names: { ko: '스테이징', ja: 'ステージング', en: 'Staging' },
  subnetIds: ['subnet-0a1b2c3d4e5f60003'],
  idleAlarmName: 'vpn-portal-idle-staging',
  groups: ['developers'],
};

const TODAY: Env = {
  VPN_ENDPOINT_ID: 'cvpn-endpoint-0123456789abcdef0',
  VPN_SUBNET_IDS: 'subnet-0a1b2c3d4e5f60001,subnet-0a1b2c3d4e5f60002',
  IDLE_ALARM_NAME: 'vpn-portal-idle',
  IDLE_TIMEOUT_MINUTES: '20',
};

const load = (env: Env) =>
  loadEndpoints(env, () => readSingleEndpoint((variable) => env[variable], []));
const several = (endpoints: unknown[]) => ({ VPN_ENDPOINTS: JSON.stringify(endpoints) });

describe("today's single-endpoint variables", () => {
  it('describe a list of one, with the defaults of today', () => {
    expect(load(TODAY)).toEqual([
      {
        key: SINGLE_ENDPOINT_KEY,
        endpointId: 'cvpn-endpoint-0123456789abcdef0',
        names: { ko: 'VPN', ja: 'VPN', en: 'VPN' },
        subnetIds: ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002'],
        extraRoutes: [],
        idleTimeoutMinutes: 20,
        quietConnectionMinutes: 60,
        idleAlarmName: 'vpn-portal-idle',
        warmUps: [],
        groups: null,
      },
    ]);
  });

  it('are what the stack writes for a list of one that they can say, so the environment does not change', () => {
    const [only] = load(TODAY) as [EndpointSettings];
    const environment = endpointsEnvironment([only]);
    expect(environment).not.toHaveProperty('VPN_ENDPOINTS');
    expect(environment).toMatchObject({
      VPN_ENDPOINT_ID: only.endpointId,
      IDLE_ALARM_NAME: 'vpn-portal-idle',
    });
    expect(load(environment)).toEqual([only]);
  });

  it('cannot be mixed with VPN_ENDPOINTS, which would silently win', () => {
    expect(() => load({ ...TODAY, ...several([SEOUL]) })).toThrow(
      /Setting VPN_ENDPOINTS cannot be set together with VPN_ENDPOINT_ID, VPN_SUBNET_IDS, IDLE_TIMEOUT_MINUTES, IDLE_ALARM_NAME/,
    );
  });
});

describe('VPN_ENDPOINTS', () => {
  it('reads several endpoints with their own rules and round-trips through the environment', () => {
    const endpoints = load(several([SEOUL, { ...STAGING, idleTimeoutMinutes: 60 }]));
    expect(
      endpoints.map((endpoint) => [endpoint.key, endpoint.idleTimeoutMinutes, endpoint.groups]),
    ).toEqual([
      ['seoul', 30, null],
      ['staging', 60, ['developers']],
    ]);
    expect(load(endpointsEnvironment(endpoints))).toEqual(endpoints);
  });

  it.each([
    [
      'two endpoints with the same key',
      [SEOUL, { ...STAGING, key: 'seoul' }],
      /VPN_ENDPOINTS\[1\]\.key must be unique: endpoint 1 already has the key "seoul"/,
    ],
    [
      'the same endpoint twice',
      [SEOUL, { ...STAGING, endpointId: SEOUL.endpointId }],
      /VPN_ENDPOINTS\[1\]\.endpointId must be unique/,
    ],
    [
      'a subnet listed under two endpoints',
      [SEOUL, { ...STAGING, subnetIds: ['subnet-0a1b2c3d4e5f60003', 'subnet-0a1b2c3d4e5f60002'] }],
      /VPN_ENDPOINTS\[1\]\.subnetIds\[1\] must not also be a subnet of endpoint 1 \("seoul"\): subnet-0a1b2c3d4e5f60002/,
    ],
    [
      'an empty group list',
      [SEOUL, { ...STAGING, groups: [] }],
      /VPN_ENDPOINTS is invalid at 1\.groups: must list at least one Cognito group, or be left out/,
    ],
    [
      'an unknown group name in a warm-up',
      [
        SEOUL,
        {
          ...STAGING,
          warmUps: [
            { days: ['mon'], time: '08:40', timeZone: 'Asia/Seoul', groups: ['designers'] },
          ],
        },
      ],
      /VPN_ENDPOINTS\[1\]\.warmUps\[0\]\.groups\[0\] must be one of the endpoint's groups \(developers\): "designers" is unknown/,
    ],
    [
      'a key that cannot be part of a URL',
      [{ ...SEOUL, key: 'Seoul Office' }],
      /VPN_ENDPOINTS is invalid at 0\.key: must be 1–32 lowercase letters/,
    ],
    ['no endpoint at all', [], /VPN_ENDPOINTS must list at least one endpoint/],
    [
      'a route to a subnet of another endpoint',
      [SEOUL, { ...STAGING, extraRoutes: [{ cidr: '10.1.0.0/16', subnetId: SEOUL.subnetIds[0] }] }],
      /VPN_ENDPOINTS\[1\]\.extraRoutes\[0\]\.subnetId must be one of the endpoint's subnetIds/,
    ],
  ])('stops on %s with a message that names the setting', (_case, endpoints, message) => {
    expect(() => load(several(endpoints))).toThrow(message);
  });

  it('says where JSON that is not JSON was given', () => {
    expect(() => load({ VPN_ENDPOINTS: '[{' })).toThrow('Setting VPN_ENDPOINTS is not valid JSON');
  });
});
