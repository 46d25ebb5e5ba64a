/**
 * Shared by the SPA's component tests: canned API answers and a fake client. Not imported
 * by the app, so it never reaches the bundle.
 */
import { vi } from 'vitest';
import {
  DEFAULT_PORTAL_DEPLOYMENT,
  type ProductCostReport,
  productCostThisMonth,
} from '../../app/core/model/product-cost';
import { productPriceAmounts } from '../../app/core/model/product-prices';
import { USAGE_ASSUMPTIONS } from '../../app/core/model/product-usage';
import type {
  AdminSessionsBody,
  AdminWarmUps,
  MeBody,
  SetupBody,
  StatusBody,
  VpnClientBody,
  WarmUpNext,
} from '../../app/http/api-types';
import type { ApiClient, EndpointClient } from '../api/client';
import type { AdminEndpointsBody, EndpointSummary, EndpointsBody } from '../api/endpoints-body';
import { healthyReport } from './health-fixtures';

export const serverNow = '2026-11-30T09:00:00.000Z';

export function statusBody(overrides: Partial<StatusBody> = {}): StatusBody {
  return {
    state: 'off',
    associations: [],
    activeConnections: 0,
    lastActivityAt: null,
    autoDisconnectAt: null,
    idleTimeoutMinutes: 30,
    typicalStartSeconds: 300,
    serverTime: serverNow,
    asOf: serverNow,
    startedAt: null,
    connectQueued: false,
    error: null,
    connectionEnded: null,
    ...overrides,
  };
}

const minutesFromServerNow = (minutes: number) =>
  new Date(Date.parse(serverNow) + minutes * 60_000).toISOString();

/** One body per state the employee can see. */
export const statusByState = {
  off: statusBody(),
  starting: statusBody({
    state: 'starting',
    startedAt: minutesFromServerNow(-1),
    associations: [{ subnetId: 'subnet-a', associationId: 'cvpn-assoc-1', status: 'associating' }],
  }),
  ready: statusBody({
    state: 'ready',
    activeConnections: 2,
    startedAt: minutesFromServerNow(-20),
    lastActivityAt: minutesFromServerNow(-5),
    autoDisconnectAt: minutesFromServerNow(25),
    associations: [{ subnetId: 'subnet-a', associationId: 'cvpn-assoc-1', status: 'associated' }],
  }),
  stopping: statusBody({
    state: 'stopping',
    associations: [
      { subnetId: 'subnet-a', associationId: 'cvpn-assoc-1', status: 'disassociating' },
    ],
  }),
  error: statusBody({
    state: 'error',
    error: {
      code: 'association_failed',
      message: 'Subnet subnet-a has no free IP addresses.',
      requestId: 'req-7f3a',
    },
  }),
} satisfies Record<StatusBody['state'], StatusBody>;

/** Weekdays 08:40 in Seoul; serverNow is Monday 18:00 there, so the next is Tuesday 08:40. */
export function warmUpNext(overrides: Partial<WarmUpNext> = {}): WarmUpNext {
  return {
    time: '08:40',
    days: ['mon', 'tue', 'wed', 'thu', 'fri'],
    dayPattern: 'weekdays',
    timeZone: 'Asia/Seoul',
    nextAt: '2026-11-30T23:40:00.000Z',
    ...overrides,
  };
}

export const employee: MeBody = {
  user: { id: 'u-1', email: 'minji@example.com', name: '김민지' },
  isAdmin: false,
};
export const admin: MeBody = {
  user: { id: 'u-2', email: 'haruto@example.com', name: '佐藤陽翔' },
  isAdmin: true,
};

export const adminSessions: AdminSessionsBody = {
  sessions: [
    {
      id: 's-2',
      startedBy: '김민지',
      startedAt: minutesFromServerNow(-20),
      readyAt: minutesFromServerNow(-15),
      endedAt: null,
      endReason: null,
      users: ['김민지', '佐藤陽翔'],
      peakConnections: 2,
      costUsd: 0.04,
    },
    {
      id: 's-w',
      startedBy: 'schedule',
      startedAt: minutesFromServerNow(-140),
      readyAt: minutesFromServerNow(-135),
      endedAt: minutesFromServerNow(-100),
      endReason: 'admin',
      users: ['schedule', '김민지'],
      peakConnections: 1,
      costUsd: 0.15,
    },
    {
      id: 's-1',
      startedBy: '佐藤陽翔',
      startedAt: minutesFromServerNow(-300),
      readyAt: minutesFromServerNow(-295),
      endedAt: minutesFromServerNow(-180),
      endReason: 'idle',
      users: ['佐藤陽翔'],
      peakConnections: 1,
      costUsd: 0.25,
    },
    {
      id: 's-0',
      startedBy: 'external',
      startedAt: minutesFromServerNow(-600),
      readyAt: null,
      endedAt: minutesFromServerNow(-560),
      endReason: 'external',
      users: [],
      peakConnections: 0,
      costUsd: 0.13,
    },
  ],
  connections: [
    {
      connectionId: 'cvpn-connection-1',
      user: '김민지',
      status: 'active',
      connectedAt: minutesFromServerNow(-14),
      endedAt: null,
    },
    {
      connectionId: 'cvpn-connection-0',
      user: '佐藤陽翔',
      status: 'terminated',
      connectedAt: minutesFromServerNow(-50),
      endedAt: minutesFromServerNow(-30),
    },
  ],
  month: {
    since: '2026-11-01T00:00:00.000Z',
    associationHours: 41.5,
    connectionHours: 30.2,
    costUsd: 5.66,
    alwaysOnCostUsd: 69.6,
    productCost: productCostFixture(),
    // 69.6 - 5.66 - the portal's own 27.43
    netSavingsUsd: 36.51,
    days: Array.from({ length: 29 }, (_, i) => ({
      date: `2026-11-${String(i + 1).padStart(2, '0')}`,
      associationHours: i % 7 < 5 ? 2 : 0,
      costUsd: i % 7 < 5 ? 0.2 + (i % 3) * 0.05 : 0,
    })),
  },
};

/** What the portal itself cost by 09:00 on 30 November, with its own ALB (issue 17). */
export function productCostFixture(
  loadBalancer: ProductCostReport['lines'][number]['loadBalancerMode'] = 'own-alb',
): ProductCostReport {
  return productCostThisMonth({
    usage: {
      sessions: 21,
      connectRequests: 40,
      hoursWithConnectRequests: 35,
      sweeps: 2_820,
      warmUps: 0,
      alarmInvocations: 20,
      statusPolls: 24_000,
      portalRequests: 24_400,
      eventsInvocations: 2_840,
    },
    now: new Date(serverNow),
    deployment: { ...DEFAULT_PORTAL_DEPLOYMENT, loadBalancer: loadBalancer ?? 'own-alb' },
    prices: productPriceAmounts(),
    assumptions: USAGE_ASSUMPTIONS,
  });
}

export const adminWarmUps: AdminWarmUps = {
  next: ['2026-11-30T23:40:00.000Z', '2026-12-01T23:40:00.000Z', '2026-12-02T23:40:00.000Z'],
  costThisMonth: { sessions: 20, associationHours: 20.5, costUsd: 3.08 },
};

export const vpnClient: VpnClientBody = {
  openNext: { ko: 'WorkSpaces', ja: 'WorkSpaces', en: 'WorkSpaces' },
  keepOnMaxHours: 4,
};

/** `GET /api/setup` of a mutual-certificate endpoint (issue 16). */
export const mutualSetup: SetupBody = {
  authentication: ['certificate'],
  usableWithOpenVpnConnect: true,
  selfServicePortalUrl: null,
  configFileName: 'cvpn-endpoint-0123456789abcdef0.ovpn',
};

/** Issue 18: the endpoints local mode simulates, the one used last first. */
export const seoulEndpoint: EndpointSummary = {
  key: 'seoul',
  names: { ko: '서울 사무실', ja: 'ソウル事務所', en: 'Seoul office' },
  lastUsedAt: minutesFromServerNow(-60),
};
export const stagingEndpoint: EndpointSummary = {
  key: 'staging',
  names: { ko: '스테이징', ja: 'ステージング', en: 'Staging' },
  lastUsedAt: null,
};
export const oneEndpoint: EndpointsBody = { endpoints: [seoulEndpoint] };
export const twoEndpoints: EndpointsBody = { endpoints: [seoulEndpoint, stagingEndpoint] };

/** `GET /api/admin/endpoints` of a deployment with one endpoint: today's admin view. */
export const adminOneEndpoint: AdminEndpointsBody = {
  endpoints: [{ ...seoulEndpoint, state: 'ready', connections: 2, month: adminSessions.month }],
  total: { month: adminSessions.month },
};

/** `GET /api/admin/endpoints` with Seoul ready (two connected) and Staging off. */
export const adminEndpoints: AdminEndpointsBody = {
  endpoints: [
    { ...seoulEndpoint, state: 'ready', connections: 2, month: adminSessions.month },
    {
      ...stagingEndpoint,
      state: 'off',
      connections: 0,
      month: { ...adminSessions.month, associationHours: 2, connectionHours: 1, costUsd: 0.25 },
    },
  ],
  total: {
    month: {
      ...adminSessions.month,
      associationHours: 43.5,
      connectionHours: 31.2,
      costUsd: 5.91,
      alwaysOnCostUsd: 139.2,
    },
  },
};

/** One endpoint's calls, each a spy, answering like the first endpoint unless overridden. */
export function fakeEndpointClient(overrides: Partial<EndpointClient> = {}) {
  return {
    status: vi.fn(async () => statusByState.off),
    connect: vi.fn(async () => statusByState.starting),
    disconnect: vi.fn(async () => statusByState.stopping),
    adminSessions: vi.fn(async () => adminSessions),
    done: vi.fn(async () => statusByState.stopping),
    keepOn: vi.fn(async (_hours: number) => statusByState.ready),
    setup: vi.fn(async () => mutualSetup),
    clientConfigPath: '/api/client-config',
    ...overrides,
  } satisfies EndpointClient;
}

/**
 * A client whose answers a test sets; every method is a spy. By default it has one
 * endpoint (today's page); `endpoint(key)` answers from `endpointClients` when the test
 * gives that key, from a fresh fake otherwise (kept per key, as the real client does).
 */
export function fakeApi(
  overrides: Partial<ApiClient> = {},
  endpointClients: Record<string, EndpointClient> = {},
) {
  const byKey = new Map<string, EndpointClient>(Object.entries(endpointClients));
  return {
    ...fakeEndpointClient(),
    me: vi.fn(async () => employee),
    vpnClient: vi.fn(async () => vpnClient),
    health: vi.fn(async () => healthyReport),
    sendTestNotice: vi.fn(async () => ({
      sent: true,
      subject: 'VPN portal test notice from alex.admin@example.com',
      at: '2026-11-30T09:00:00.000Z',
    })),
    endpoints: vi.fn(async () => oneEndpoint),
    adminEndpoints: vi.fn(async () => adminOneEndpoint),
    endpoint: vi.fn((key: string) => {
      const client = byKey.get(key) ?? fakeEndpointClient();
      byKey.set(key, client);
      return client;
    }),
    ...overrides,
  } satisfies ApiClient;
}
