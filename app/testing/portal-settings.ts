import type { Settings } from '../config/settings.js';
import { TEST_SUBNETS } from './core-deps.js';
import { TEST_ADMIN_GROUP, testAuthSettings } from './test-keys.js';

/** The portal's settings for HTTP tests: the test keys' identity plus the core's test policy. */
export const testPortalSettings: Settings = {
  ...testAuthSettings,
  endpointId: 'cvpn-endpoint-0123456789abcdef0',
  subnetIds: [...TEST_SUBNETS],
  extraRoutes: [],
  idleTimeoutMinutes: 30,
  quietConnectionMinutes: 60,
  sessionsTable: 'sessions',
  idleAlarmName: 'vpn-portal-idle',
  metricNamespace: 'VpnPortal',
  adminGroup: TEST_ADMIN_GROUP,
  prices: { associationHourUsd: 0.1, connectionHourUsd: 0.05 },
  openNext: { ko: 'WorkSpaces', ja: 'WorkSpaces', en: 'WorkSpaces' },
  keepOnMaxHours: 4,
};
