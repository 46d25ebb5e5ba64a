import type { EndpointSettings } from '../config/endpoint-settings.js';
import { firstEndpoint, type Settings } from '../config/settings.js';
import type { CoreDeps } from '../core/deps.js';
import type { PortalEndpoint } from '../http/portal-endpoints.js';
import { TEST_SUBNETS } from './core-deps.js';
import { TEST_ADMIN_GROUP, testAuthSettings } from './test-keys.js';

/** The portal's settings for HTTP tests: the test keys' identity plus the core's test policy. */
export const testPortalSettings: Settings = {
  ...testAuthSettings,
  endpoints: [testEndpointSettings()],
  sessionsTable: 'sessions',
  metricNamespace: 'VpnPortal',
  adminGroup: TEST_ADMIN_GROUP,
  prices: { associationHourUsd: 0.1, connectionHourUsd: 0.05 },
  openNext: { ko: 'WorkSpaces', ja: 'WorkSpaces', en: 'WorkSpaces' },
  keepOnMaxHours: 4,
  loadBalancer: 'own-alb',
};

/** One endpoint of the HTTP tests: today's one, open to everyone, unless told otherwise. */
export function testEndpointSettings(overrides: Partial<EndpointSettings> = {}): EndpointSettings {
  return {
    key: 'vpn',
    endpointId: 'cvpn-endpoint-0123456789abcdef0',
    names: { ko: 'VPN', ja: 'VPN', en: 'VPN' },
    subnetIds: [...TEST_SUBNETS],
    extraRoutes: [],
    idleTimeoutMinutes: 30,
    quietConnectionMinutes: 60,
    idleAlarmName: 'vpn-portal-idle',
    warmUps: [],
    groups: null,
    ...overrides,
  };
}

/**
 * The portal's settings and its one endpoint, for `createApp` in tests of what every
 * endpoint does: `createApp({ ...oneEndpointPortal(deps), auth, logger, webRoot: null })`.
 */
export function oneEndpointPortal(
  deps: CoreDeps,
  extras: Omit<PortalEndpoint, 'settings' | 'deps'> = {},
  settings: Settings = testPortalSettings,
): { settings: Settings; endpoints: PortalEndpoint[] } {
  return { settings, endpoints: [{ settings: firstEndpoint(settings), deps, ...extras }] };
}
