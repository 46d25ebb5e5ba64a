import { describe, expect, it } from 'vitest';
import type { AlarmProbe } from '../ports/health-probes.js';
import type { IdleCheckRun } from '../ports/run-log.js';
import {
  judgeEndpoint,
  judgeIdleAlarm,
  judgeLastRuns,
  judgePermission,
  judgeSubnets,
  judgeTopic,
  judgeWebhook,
} from './health-rules.js';

const ENDPOINT = 'cvpn-endpoint-0123456789abcdef0';
const VPC = 'vpc-0aaa';
const SUBNET_A = 'subnet-0a1b2c3d4e5f60001';
const SUBNET_B = 'subnet-0a1b2c3d4e5f60002';
const SUBNET_C = 'subnet-0a1b2c3d4e5f60003';
const EVENTS_ARN = 'arn:aws:lambda:ap-northeast-2:123456789012:function:VpnPortal-events';
const DENIED = { code: 'UnauthorizedOperation', message: 'You are not authorized.' };
const NOW = new Date('2026-03-02T09:00:00Z');
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

describe('judgeEndpoint', () => {
  it('is ok for an available endpoint and for one with nothing associated (the VPN is off)', () => {
    expect(judgeEndpoint(ENDPOINT, { outcome: 'found', state: 'available', vpcId: VPC })).toEqual({
      kind: 'endpoint',
      id: 'endpoint',
      status: 'ok',
      finding: 'available',
      endpointId: ENDPOINT,
      state: 'available',
      vpcId: VPC,
      aws: null,
    });
    expect(
      judgeEndpoint(ENDPOINT, { outcome: 'found', state: 'pending-associate', vpcId: VPC }),
    ).toMatchObject({ status: 'ok', finding: 'no-subnet-associated' });
  });

  it('fails for an endpoint AWS does not know or is deleting', () => {
    expect(judgeEndpoint(ENDPOINT, { outcome: 'not-found' })).toMatchObject({
      status: 'failed',
      finding: 'not-found',
      state: null,
    });
    for (const state of ['deleting', 'deleted']) {
      expect(judgeEndpoint(ENDPOINT, { outcome: 'found', state, vpcId: VPC })).toMatchObject({
        status: 'failed',
        finding: 'going-away',
        state,
      });
    }
  });

  it('warns about a state it does not know, and quotes AWS when the call failed', () => {
    expect(
      judgeEndpoint(ENDPOINT, { outcome: 'found', state: 'pending', vpcId: VPC }),
    ).toMatchObject({ status: 'warning', finding: 'other-state', state: 'pending' });
    const aws = { code: 'RequestLimitExceeded', message: 'Request limit exceeded.' };
    expect(judgeEndpoint(ENDPOINT, { outcome: 'error', aws })).toMatchObject({
      status: 'warning',
      finding: 'unreadable',
      aws,
    });
  });
});

describe('judgeSubnets', () => {
  const subnet = (subnetId: string, availabilityZone: string, vpcId = VPC) => ({
    subnetId,
    vpcId,
    availabilityZone,
  });

  it('passes subnets of the endpoint’s VPC in zones of their own, in the configured order', () => {
    const checks = judgeSubnets(
      [SUBNET_A, SUBNET_B],
      {
        outcome: 'found',
        subnets: [subnet(SUBNET_B, 'ap-northeast-2c'), subnet(SUBNET_A, 'ap-northeast-2a')],
      },
      VPC,
    );
    expect(checks).toEqual([
      {
        kind: 'subnet',
        id: `subnet:${SUBNET_A}`,
        status: 'ok',
        finding: 'in-vpc',
        subnetId: SUBNET_A,
        vpcId: VPC,
        availabilityZone: 'ap-northeast-2a',
        endpointVpcId: VPC,
        sameZoneAs: null,
        aws: null,
      },
      expect.objectContaining({
        id: `subnet:${SUBNET_B}`,
        status: 'ok',
        availabilityZone: 'ap-northeast-2c',
      }),
    ]);
  });

  it('fails a second subnet in a zone, naming the first, and one of another VPC', () => {
    const checks = judgeSubnets(
      [SUBNET_A, SUBNET_B, SUBNET_C],
      {
        outcome: 'found',
        subnets: [
          subnet(SUBNET_A, 'ap-northeast-2a'),
          subnet(SUBNET_B, 'ap-northeast-2a'),
          subnet(SUBNET_C, 'ap-northeast-2c', 'vpc-0other'),
        ],
      },
      VPC,
    );
    expect(
      checks.map(({ status, finding, sameZoneAs }) => ({ status, finding, sameZoneAs })),
    ).toEqual([
      { status: 'ok', finding: 'in-vpc', sameZoneAs: null },
      { status: 'failed', finding: 'same-zone', sameZoneAs: SUBNET_A },
      { status: 'failed', finding: 'other-vpc', sameZoneAs: null },
    ]);
    expect(checks[2]).toMatchObject({ vpcId: 'vpc-0other', endpointVpcId: VPC });
  });

  it('does not let a subnet of another VPC claim a zone', () => {
    const checks = judgeSubnets(
      [SUBNET_C, SUBNET_A],
      {
        outcome: 'found',
        subnets: [
          subnet(SUBNET_C, 'ap-northeast-2a', 'vpc-0other'),
          subnet(SUBNET_A, 'ap-northeast-2a'),
        ],
      },
      VPC,
    );
    expect(checks.map((check) => check.finding)).toEqual(['other-vpc', 'in-vpc']);
  });

  it('fails a subnet AWS does not know, and only warns when the endpoint’s VPC is unknown', () => {
    const checks = judgeSubnets(
      [SUBNET_A, SUBNET_B],
      { outcome: 'found', subnets: [subnet(SUBNET_A, 'ap-northeast-2a')] },
      null,
    );
    expect(checks.map(({ status, finding }) => ({ status, finding }))).toEqual([
      { status: 'warning', finding: 'vpc-unchecked' },
      { status: 'failed', finding: 'not-found' },
    ]);
  });

  it('quotes AWS on every subnet when DescribeSubnets failed', () => {
    const checks = judgeSubnets([SUBNET_A, SUBNET_B], { outcome: 'error', aws: DENIED }, VPC);
    expect(checks.map(({ status, finding, aws }) => ({ status, finding, aws }))).toEqual([
      { status: 'warning', finding: 'unreadable', aws: DENIED },
      { status: 'warning', finding: 'unreadable', aws: DENIED },
    ]);
  });
});

describe('judgePermission', () => {
  it('reads DryRunOperation as allowed, UnauthorizedOperation as failed, anything else as a warning', () => {
    const action = 'DisassociateClientVpnTargetNetwork';
    expect(judgePermission('events', action, { outcome: 'allowed' })).toEqual({
      kind: 'permission',
      id: 'permission:events:DisassociateClientVpnTargetNetwork',
      role: 'events',
      action,
      status: 'ok',
      finding: 'allowed',
      aws: null,
    });
    expect(judgePermission('events', action, { outcome: 'denied', aws: DENIED })).toMatchObject({
      status: 'failed',
      finding: 'denied',
      aws: DENIED,
    });
    const other = { code: 'InvalidClientVpnAssociationId.NotFound', message: 'Not found.' };
    expect(
      judgePermission('portal', action, { outcome: 'inconclusive', aws: other }),
    ).toMatchObject({
      id: 'permission:portal:DisassociateClientVpnTargetNetwork',
      status: 'warning',
      finding: 'inconclusive',
      aws: other,
    });
    const unasked = { code: 'AccessDeniedException', message: 'not authorized to invoke' };
    expect(
      judgePermission('events', action, { outcome: 'not-checked', aws: unasked }),
    ).toMatchObject({
      status: 'warning',
      finding: 'not-checked',
    });
  });
});

describe('judgeIdleAlarm', () => {
  const found = (
    overrides: Partial<Extract<AlarmProbe, { outcome: 'found' }>> = {},
  ): AlarmProbe => ({
    outcome: 'found',
    state: 'OK',
    stateSince: minutesAgo(40),
    actionsEnabled: true,
    alarmActions: [EVENTS_ARN],
    ...overrides,
  });

  it('is ok when the alarm acts on the events function, an alias of it included', () => {
    expect(judgeIdleAlarm('VpnPortal-idle', found(), EVENTS_ARN)).toEqual({
      kind: 'idle-alarm',
      id: 'idle-alarm',
      alarmName: 'VpnPortal-idle',
      status: 'ok',
      finding: 'wired',
      state: 'OK',
      stateSince: minutesAgo(40).toISOString(),
      aws: null,
    });
    expect(
      judgeIdleAlarm(
        'VpnPortal-idle',
        found({ state: 'ALARM', alarmActions: [`${EVENTS_ARN}:live`] }),
        EVENTS_ARN,
      ),
    ).toMatchObject({ status: 'ok', finding: 'wired', state: 'ALARM' });
  });

  it('fails an alarm that invokes another function, or none, or has its actions turned off', () => {
    const handMade = found({
      alarmActions: ['arn:aws:lambda:ap-northeast-2:123456789012:function:disassociate-vpn'],
    });
    expect(judgeIdleAlarm('VpnPortal-idle', handMade, EVENTS_ARN)).toMatchObject({
      status: 'failed',
      finding: 'action-missing',
    });
    expect(judgeIdleAlarm('VpnPortal-idle', found({ alarmActions: [] }), EVENTS_ARN)).toMatchObject(
      {
        finding: 'action-missing',
      },
    );
    // A name that merely starts the same is another function.
    expect(
      judgeIdleAlarm('VpnPortal-idle', found({ alarmActions: [`${EVENTS_ARN}-old`] }), EVENTS_ARN),
    ).toMatchObject({ finding: 'action-missing' });
    expect(
      judgeIdleAlarm('VpnPortal-idle', found({ actionsEnabled: false }), EVENTS_ARN),
    ).toMatchObject({ status: 'failed', finding: 'actions-disabled' });
  });

  it('fails a missing alarm, and warns without data, without a function to compare, or unread', () => {
    expect(judgeIdleAlarm('VpnPortal-idle', { outcome: 'not-found' }, EVENTS_ARN)).toMatchObject({
      status: 'failed',
      finding: 'not-found',
      state: null,
    });
    expect(
      judgeIdleAlarm('VpnPortal-idle', found({ state: 'INSUFFICIENT_DATA' }), EVENTS_ARN),
    ).toMatchObject({ status: 'warning', finding: 'no-data' });
    expect(judgeIdleAlarm('VpnPortal-idle', found(), null)).toMatchObject({
      status: 'warning',
      finding: 'action-unverified',
    });
    expect(
      judgeIdleAlarm('VpnPortal-idle', { outcome: 'error', aws: DENIED }, EVENTS_ARN),
    ).toMatchObject({
      status: 'warning',
      finding: 'unreadable',
      aws: DENIED,
    });
  });
});

describe('judgeLastRuns', () => {
  const timing = { now: NOW, sweepIntervalMinutes: 15 };
  const run = (
    trigger: 'alarm' | 'sweep',
    minutes: number,
    overrides: Partial<IdleCheckRun> = {},
  ) => ({
    trigger,
    at: minutesAgo(minutes),
    outcome: 'nothing' as const,
    reason: 'No association to remove (already off or stopping).',
    ...overrides,
  });
  const okAlarm: AlarmProbe = {
    outcome: 'found',
    state: 'OK',
    stateSince: minutesAgo(120),
    actionsEnabled: true,
    alarmActions: [EVENTS_ARN],
  };
  const byTrigger = (checks: ReturnType<typeof judgeLastRuns>) =>
    Object.fromEntries(checks.map((check) => [check.trigger, check]));

  it('is ok when the sweep ran within two intervals, and says what each run decided', () => {
    const checks = byTrigger(
      judgeLastRuns(
        {
          outcome: 'read',
          runs: {
            sweep: run('sweep', 12),
            alarm: run('alarm', 90, {
              outcome: 'disassociated',
              reason: 'Idle for at least 30 minutes.',
            }),
          },
        },
        okAlarm,
        timing,
      ),
    );
    expect(checks.sweep).toEqual({
      kind: 'last-run',
      id: 'last-run:sweep',
      trigger: 'sweep',
      status: 'ok',
      finding: 'ran',
      at: minutesAgo(12).toISOString(),
      outcome: 'nothing',
      reason: 'No association to remove (already off or stopping).',
      aws: null,
    });
    expect(checks.alarm).toMatchObject({
      status: 'ok',
      finding: 'ran',
      outcome: 'disassociated',
      reason: 'Idle for at least 30 minutes.',
    });
  });

  it('fails a sweep overdue by more than two intervals and five minutes, or one that failed', () => {
    const onTime = byTrigger(
      judgeLastRuns({ outcome: 'read', runs: { sweep: run('sweep', 35) } }, okAlarm, timing),
    );
    expect(onTime.sweep).toMatchObject({ status: 'ok', finding: 'ran' });
    const late = byTrigger(
      judgeLastRuns({ outcome: 'read', runs: { sweep: run('sweep', 36) } }, okAlarm, timing),
    );
    expect(late.sweep).toMatchObject({ status: 'failed', finding: 'overdue' });
    const failed = byTrigger(
      judgeLastRuns(
        {
          outcome: 'read',
          runs: {
            sweep: run('sweep', 3, {
              outcome: 'failed',
              reason: 'DescribeClientVpnTargetNetworks: AWS could not be reached',
            }),
          },
        },
        okAlarm,
        timing,
      ),
    );
    expect(failed.sweep).toMatchObject({ status: 'failed', finding: 'failed', outcome: 'failed' });
  });

  it('warns that no sweep ran yet, and finds an alarm that never ran fine while it is OK', () => {
    const checks = byTrigger(judgeLastRuns({ outcome: 'read', runs: {} }, okAlarm, timing));
    expect(checks.sweep).toMatchObject({ status: 'warning', finding: 'never', at: null });
    expect(checks.alarm).toMatchObject({ status: 'ok', finding: 'never', at: null });
  });

  it('warns when the alarm went to ALARM over five minutes ago and no run followed', () => {
    const alarming = (minutes: number): AlarmProbe => ({
      ...okAlarm,
      state: 'ALARM',
      stateSince: minutesAgo(minutes),
    });
    const missed = byTrigger(
      judgeLastRuns({ outcome: 'read', runs: { alarm: run('alarm', 60) } }, alarming(10), timing),
    );
    expect(missed.alarm).toMatchObject({ status: 'warning', finding: 'missed-alarm' });
    const never = byTrigger(judgeLastRuns({ outcome: 'read', runs: {} }, alarming(10), timing));
    expect(never.alarm).toMatchObject({ status: 'warning', finding: 'missed-alarm' });
    const justNow = byTrigger(judgeLastRuns({ outcome: 'read', runs: {} }, alarming(2), timing));
    expect(justNow.alarm).toMatchObject({ status: 'ok', finding: 'never' });
    const answered = byTrigger(
      judgeLastRuns({ outcome: 'read', runs: { alarm: run('alarm', 9) } }, alarming(10), timing),
    );
    expect(answered.alarm).toMatchObject({ status: 'ok', finding: 'ran' });
  });

  it('quotes the store when the runs cannot be read', () => {
    const aws = { code: 'ResourceNotFoundException', message: 'Requested resource not found' };
    const checks = judgeLastRuns({ outcome: 'error', aws }, okAlarm, timing);
    expect(checks.map(({ status, finding }) => ({ status, finding }))).toEqual([
      { status: 'warning', finding: 'unreadable' },
      { status: 'warning', finding: 'unreadable' },
    ]);
  });
});

describe('notice channels', () => {
  const TOPIC = 'arn:aws:sns:ap-northeast-2:123456789012:VpnPortal-notices';
  const PARAMETER = '/vpn-portal/chat-webhook-url';

  it('is ok with a reachable topic and with a channel that is off', () => {
    expect(judgeTopic({ outcome: 'reachable', topicArn: TOPIC })).toEqual({
      kind: 'notice-channel',
      id: 'notice:topic',
      channel: 'topic',
      status: 'ok',
      finding: 'reachable',
      target: TOPIC,
      aws: null,
    });
    expect(judgeTopic({ outcome: 'off' })).toMatchObject({
      status: 'ok',
      finding: 'off',
      target: null,
    });
    expect(judgeWebhook({ outcome: 'off' })).toMatchObject({
      id: 'notice:webhook',
      status: 'ok',
      finding: 'off',
    });
  });

  it('fails a missing topic or parameter, and a parameter that holds no https URL', () => {
    expect(judgeTopic({ outcome: 'not-found', topicArn: TOPIC })).toMatchObject({
      status: 'failed',
      finding: 'not-found',
    });
    expect(judgeWebhook({ outcome: 'not-found', parameterName: PARAMETER })).toMatchObject({
      status: 'failed',
      finding: 'not-found',
      target: PARAMETER,
    });
    expect(
      judgeWebhook({ outcome: 'readable', parameterName: PARAMETER, https: false }),
    ).toMatchObject({
      status: 'failed',
      finding: 'not-https',
    });
    expect(
      judgeWebhook({ outcome: 'readable', parameterName: PARAMETER, https: true }),
    ).toMatchObject({
      status: 'ok',
      finding: 'reachable',
    });
  });

  it('warns with AWS’s words when a channel could not be reached', () => {
    const aws = {
      code: 'AuthorizationError',
      message: 'not authorized to perform: SNS:GetTopicAttributes',
    };
    expect(judgeTopic({ outcome: 'error', topicArn: TOPIC, aws })).toMatchObject({
      status: 'warning',
      finding: 'unreachable',
      aws,
    });
    expect(judgeWebhook({ outcome: 'error', parameterName: PARAMETER, aws })).toMatchObject({
      status: 'warning',
      finding: 'unreachable',
      target: PARAMETER,
    });
  });
});
