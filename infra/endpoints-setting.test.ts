import { describe, expect, it } from 'vitest';
import { loadEndpoints } from '../app/config/endpoint-settings.js';
import { idleAlarmName, toEndpointSettings } from './endpoints-setting.js';
import { parseInfraSettings } from './settings.js';
import { exampleSettings, twoEndpoints } from './test-support.js';

const withTwoEndpoints = (overrides: Record<string, unknown> = {}) => ({
  ...exampleSettings,
  ...twoEndpoints,
  ...overrides,
});
const [seoul, staging] = twoEndpoints.endpoints ?? [];
if (!seoul || !staging) throw new Error('the fixture lists two endpoints');

const errorFor = (raw: unknown) => {
  try {
    parseInfraSettings(raw);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the settings to be rejected');
};

describe('the endpoints setting (issue 18)', () => {
  it('reads each endpoint with the functions’ defaults, in the order listed', () => {
    const settings = parseInfraSettings(withTwoEndpoints());
    expect(settings.endpoints).toEqual([
      {
        key: 'seoul',
        endpointId: seoul.endpointId,
        names: seoul.names,
        subnetIds: seoul.subnetIds,
        extraRoutes: seoul.extraRoutes,
        idleTimeoutMinutes: 30,
        quietConnectionMinutes: 60,
        warmUps: seoul.warmUp,
        groups: null,
      },
      {
        key: 'staging',
        endpointId: staging.endpointId,
        names: staging.names,
        subnetIds: staging.subnetIds,
        extraRoutes: [],
        idleTimeoutMinutes: 15,
        quietConnectionMinutes: 30,
        warmUps: staging.warmUp,
        groups: ['developers'],
      },
    ]);
    expect(settings.warmUp).toEqual({ holidays: ['2026-01-01', '2026-02-16'] });
  });

  it('gives the functions a list they read back unchanged, alarm names included', () => {
    const settings = parseInfraSettings(withTwoEndpoints());
    const names = settings.endpoints.map((endpoint, index) =>
      idleAlarmName('VpnPortal', endpoint.key, index),
    );
    expect(names).toEqual(['VpnPortal-idle', 'VpnPortal-idle-staging']);
    const endpoints = toEndpointSettings(settings.endpoints, names);
    const read = loadEndpoints({ VPN_ENDPOINTS: JSON.stringify(endpoints) }, () => {
      throw new Error('expected VPN_ENDPOINTS to be read');
    });
    expect(read).toEqual(endpoints);
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'today’s fields beside it',
      { endpointId: exampleSettings.endpointId, idleTimeoutMinutes: 30 },
      'vpnPortal.endpoints must not be set together with endpointId, idleTimeoutMinutes',
    ],
    [
      'today’s warm-up entries beside it',
      { warmUp: { entries: exampleSettings.warmUp?.entries, holidays: [] } },
      'vpnPortal.endpoints must not be set together with warmUp.entries',
    ],
    [
      'two endpoints with the same key',
      { endpoints: [seoul, { ...staging, key: 'seoul' }] },
      'vpnPortal.endpoints[1].key must be unique: endpoint 1 already has the key "seoul"',
    ],
    [
      'the same endpoint twice',
      { endpoints: [seoul, { ...staging, endpointId: seoul.endpointId }] },
      'vpnPortal.endpoints[1].endpointId must be unique',
    ],
    [
      'a subnet listed under two endpoints',
      { endpoints: [seoul, { ...staging, subnetIds: ['subnet-0a1b2c3d4e5f60002'] }] },
      'vpnPortal.endpoints[1].subnetIds[0] must not also be a subnet of endpoint 1 ("seoul")',
    ],
    [
      'an empty group list',
      { endpoints: [seoul, { ...staging, groups: [] }] },
      'vpnPortal.endpoints[1].groups must list at least one Cognito group',
    ],
    [
      'an unknown group in a warm-up',
      {
        endpoints: [
          seoul,
          {
            ...staging,
            warmUp: [{ days: ['mon'], time: '09:30', timeZone: 'Asia/Seoul', groups: ['qa'] }],
          },
        ],
      },
      'vpnPortal.endpoints[1].warmUp[0].groups[0] must be one of the endpoint\'s groups (developers): "qa" is unknown',
    ],
    [
      'a route to another endpoint’s subnet',
      {
        endpoints: [
          seoul,
          {
            ...staging,
            extraRoutes: [{ cidr: '10.0.0.0/16', subnetId: 'subnet-0a1b2c3d4e5f60001' }],
          },
        ],
      },
      "vpnPortal.endpoints[1].extraRoutes[0].subnetId must be one of the endpoint's subnetIds",
    ],
    [
      'a key that cannot be part of a URL',
      { endpoints: [{ ...seoul, key: 'Seoul Office' }] },
      'vpnPortal.endpoints[0].key must be 1–32 lowercase letters',
    ],
    [
      'a missing name',
      { endpoints: [{ ...seoul, names: { ko: '서울', en: 'Seoul' } }] },
      'vpnPortal.endpoints[0].names.ja is required',
    ],
    [
      'an alarm name, which is the stack’s to choose',
      { endpoints: [{ ...seoul, idleAlarmName: 'mine' }] },
      'vpnPortal.endpoints[0] is invalid: Unrecognized key',
    ],
    ['no endpoint', { endpoints: [] }, 'vpnPortal.endpoints must list at least one endpoint'],
    [
      'more than the Lambda environment holds',
      {
        endpoints: Array.from({ length: 8 }, (_, index) => ({
          ...seoul,
          key: `office-${index}`,
          endpointId: `cvpn-endpoint-0a1b2c3d4e5f6789${index}`,
          subnetIds: [`subnet-0a1b2c3d4e5f6100${index}`],
          extraRoutes: [],
        })),
      },
      'vpnPortal.endpoints must be shorter: with warmUp.holidays the endpoints take',
    ],
  ])('stops synth naming the setting: %s', (_name, overrides, message) => {
    expect(errorFor(withTwoEndpoints(overrides))).toContain(`Setting ${message}`);
  });

  it('still needs today’s endpoint and subnets without it', () => {
    const { endpointId: _id, ...withoutId } = exampleSettings;
    expect(errorFor(withoutId)).toBe('Setting vpnPortal.endpointId is required');
    const { targetSubnetIds: _subnets, ...withoutSubnets } = exampleSettings;
    expect(errorFor(withoutSubnets)).toBe('Setting vpnPortal.targetSubnetIds is required');
  });
});
