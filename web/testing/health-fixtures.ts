/**
 * Canned answers of `GET /api/admin/health` (issue 17) for the SPA's component tests. Not
 * imported by the app, so it never reaches the bundle.
 */
import type { HealthCheck } from '../../app/core/model/health';
import type { HealthBody } from '../../app/http/health-api-types';

const ENDPOINT = 'cvpn-endpoint-0123456789abcdef0';
const VPC = 'vpc-0123456789abcdef0';
const SUBNET_A = 'subnet-0a1b2c3d4e5f60001';
const SUBNET_B = 'subnet-0a1b2c3d4e5f60002';
const ALARM = 'VpnPortal-idle';
const TOPIC = 'arn:aws:sns:ap-northeast-2:123456789012:VpnPortal-NotificationsTopic';
const PARAMETER = '/vpn-portal/chat-webhook-url';
const DENIED = {
  code: 'UnauthorizedOperation',
  message: 'You are not authorized to perform this operation.',
};
export const checkedAt = '2026-11-30T09:00:00.000Z';

const permission = (
  role: 'portal' | 'events',
  action:
    | 'AssociateClientVpnTargetNetwork'
    | 'DisassociateClientVpnTargetNetwork'
    | 'CreateClientVpnRoute'
    | 'TerminateClientVpnConnections',
): Extract<HealthCheck, { kind: 'permission' }> => ({
  kind: 'permission',
  id: `permission:${role}:${action}`,
  role,
  action,
  status: 'ok',
  finding: 'allowed',
  aws: null,
});

/** What a deployment that works answers: fifteen checks, all ok. */
export const healthyChecks: HealthCheck[] = [
  {
    kind: 'endpoint',
    id: 'endpoint',
    status: 'ok',
    finding: 'no-subnet-associated',
    endpointId: ENDPOINT,
    state: 'pending-associate',
    vpcId: VPC,
    aws: null,
  },
  ...[
    [SUBNET_A, 'ap-northeast-2a'],
    [SUBNET_B, 'ap-northeast-2c'],
  ].map(
    ([subnetId = '', zone = '']): HealthCheck => ({
      kind: 'subnet',
      id: `subnet:${subnetId}`,
      status: 'ok',
      finding: 'in-vpc',
      subnetId,
      vpcId: VPC,
      availabilityZone: zone,
      endpointVpcId: VPC,
      sameZoneAs: null,
      aws: null,
    }),
  ),
  permission('portal', 'AssociateClientVpnTargetNetwork'),
  permission('portal', 'DisassociateClientVpnTargetNetwork'),
  permission('portal', 'CreateClientVpnRoute'),
  permission('events', 'AssociateClientVpnTargetNetwork'),
  permission('events', 'DisassociateClientVpnTargetNetwork'),
  permission('events', 'CreateClientVpnRoute'),
  permission('events', 'TerminateClientVpnConnections'),
  {
    kind: 'idle-alarm',
    id: 'idle-alarm',
    status: 'ok',
    finding: 'wired',
    alarmName: ALARM,
    state: 'ALARM',
    stateSince: '2026-11-30T07:10:00.000Z',
    aws: null,
  },
  {
    kind: 'last-run',
    id: 'last-run:alarm',
    trigger: 'alarm',
    status: 'ok',
    finding: 'ran',
    at: '2026-11-30T07:10:00.000Z',
    outcome: 'disassociated',
    reason: 'Idle for at least 30 minutes.',
    aws: null,
  },
  {
    kind: 'last-run',
    id: 'last-run:sweep',
    trigger: 'sweep',
    status: 'ok',
    finding: 'ran',
    at: '2026-11-30T08:52:00.000Z',
    outcome: 'nothing',
    reason: 'No association to remove (already off or stopping).',
    aws: null,
  },
  {
    kind: 'notice-channel',
    id: 'notice:topic',
    channel: 'topic',
    status: 'ok',
    finding: 'reachable',
    target: TOPIC,
    aws: null,
  },
  {
    kind: 'notice-channel',
    id: 'notice:webhook',
    channel: 'webhook',
    status: 'ok',
    finding: 'off',
    target: null,
    aws: null,
  },
];

export const healthyReport: HealthBody = { checkedAt, status: 'ok', checks: healthyChecks };

/** The events function's role lost DisassociateClientVpnTargetNetwork; the rest passes. */
export const disassociateDeniedReport: HealthBody = {
  checkedAt,
  status: 'failed',
  checks: healthyChecks.map((check) =>
    check.id === 'permission:events:DisassociateClientVpnTargetNetwork'
      ? { ...check, status: 'failed', finding: 'denied', aws: DENIED }
      : check,
  ) as HealthCheck[],
};

/** One check of every kind and finding the server can answer, for the wording tests. */
export function everyFinding(): HealthCheck[] {
  const endpoint = healthyChecks[0] as Extract<HealthCheck, { kind: 'endpoint' }>;
  const subnet = healthyChecks[1] as Extract<HealthCheck, { kind: 'subnet' }>;
  const alarm = healthyChecks[10] as Extract<HealthCheck, { kind: 'idle-alarm' }>;
  const run = healthyChecks[12] as Extract<HealthCheck, { kind: 'last-run' }>;
  const topic = healthyChecks[13] as Extract<HealthCheck, { kind: 'notice-channel' }>;
  const aws = { code: 'ThrottlingException', message: 'Rate exceeded' };
  return [
    ...(['available', 'no-subnet-associated'] as const).map((finding) => ({
      ...endpoint,
      finding,
    })),
    ...(['not-found', 'going-away', 'other-state', 'unreadable'] as const).map((finding) => ({
      ...endpoint,
      finding,
      status: 'failed' as const,
      state: 'deleting',
      aws,
    })),
    ...(['in-vpc'] as const).map((finding) => ({ ...subnet, finding })),
    ...(['vpc-unchecked', 'not-found', 'other-vpc', 'same-zone', 'unreadable'] as const).map(
      (finding) => ({
        ...subnet,
        finding,
        status: 'failed' as const,
        vpcId: 'vpc-0other',
        sameZoneAs: SUBNET_A,
      }),
    ),
    ...(['allowed', 'denied', 'inconclusive', 'not-checked'] as const).flatMap((finding) =>
      (['portal', 'events'] as const).map((role) => ({
        ...permission(role, 'TerminateClientVpnConnections'),
        finding,
        status: finding === 'allowed' ? ('ok' as const) : ('failed' as const),
        aws: finding === 'allowed' ? null : DENIED,
      })),
    ),
    ...(
      [
        'wired',
        'no-data',
        'action-unverified',
        'not-found',
        'action-missing',
        'actions-disabled',
        'unreadable',
      ] as const
    ).flatMap((finding) =>
      (['OK', 'ALARM', 'INSUFFICIENT_DATA'] as const).map((state) => ({
        ...alarm,
        finding,
        state,
        status: finding === 'wired' ? ('ok' as const) : ('warning' as const),
      })),
    ),
    ...(['ran', 'never', 'overdue', 'failed', 'missed-alarm', 'unreadable'] as const).flatMap(
      (finding) =>
        (['alarm', 'sweep'] as const).map((trigger) => ({
          ...run,
          id: `last-run:${trigger}` as const,
          trigger,
          finding,
          status: finding === 'ran' ? ('ok' as const) : ('warning' as const),
        })),
    ),
    ...(['reachable', 'off', 'not-found', 'not-https', 'unreachable'] as const).flatMap((finding) =>
      (['topic', 'webhook'] as const).map((channel) => ({
        ...topic,
        id: `notice:${channel}` as const,
        channel,
        finding,
        target: channel === 'topic' ? TOPIC : PARAMETER,
        status:
          finding === 'reachable' || finding === 'off' ? ('ok' as const) : ('failed' as const),
      })),
    ),
  ];
}
