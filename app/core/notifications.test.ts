import { describe, expect, it, vi } from 'vitest';
import { RecordingNotifier } from '../adapters/local/recording-notifier.js';
import { ASSOCIATE_MS, TEST_SUBNETS, testCoreDeps } from '../testing/core-deps.js';
import { autoDisconnect } from './auto-disconnect.js';
import { connect } from './connect.js';
import { refreshLiveState } from './live-state.js';
import type { Association, VpnSession } from './model.js';
import {
  createFanOutNotifier,
  type Notification,
  notificationsAfterAutoDisconnect,
  notifySafely,
} from './notifications.js';
import { newSession } from './session-lifecycle.js';

const PRICES = { associationHourUsd: 0.1, connectionHourUsd: 0.05 };
const NOW = new Date('2025-01-06T09:45:00Z');

function endedSession(overrides: Partial<VpnSession> = {}): VpnSession {
  return {
    ...newSession({
      startedBy: 'schedule',
      now: new Date('2025-01-06T08:40:00Z'),
      subnetCount: 2,
      id: '20250106T084000Z-abcd1234',
    }),
    users: ['schedule', 'mina'],
    endedAt: NOW.toISOString(),
    endReason: 'idle',
    ...overrides,
  };
}

const associated: Association = {
  associationId: 'cvpn-assoc-1',
  subnetId: TEST_SUBNETS[0] ?? '',
  status: 'associated',
};
const failed: Association = {
  associationId: 'cvpn-assoc-2',
  subnetId: TEST_SUBNETS[1] ?? '',
  status: 'association-failed',
  statusMessage: 'Insufficient free addresses in the subnet.',
};

function decide(input: {
  trigger: 'alarm' | 'sweep';
  removed: Association[];
  session?: VpnSession | null;
}) {
  return notificationsAfterAutoDisconnect({
    trigger: input.trigger,
    removed: input.removed,
    endedSession: input.session === undefined ? endedSession() : input.session,
    now: NOW,
    prices: PRICES,
    idleTimeoutMinutes: 30,
  });
}

describe('notificationsAfterAutoDisconnect', () => {
  it('tells of an alarm-driven auto-off with the session’s length and cost', () => {
    const [notice, ...rest] = decide({ trigger: 'alarm', removed: [associated] });

    expect(rest).toEqual([]);
    expect(notice).toEqual({
      kind: 'auto-off',
      subject: 'VPN turned itself off after 1 h 05 min',
      text: [
        'Nobody used the VPN for 30 minutes, so it was turned off and stopped costing money.',
        'Session 20250106T084000Z-abcd1234: started 2025-01-06 08:40 UTC by the warm-up schedule, on for 1 h 05 min, used by 1 person.',
        'Cost: $0.22 (2.17 subnet-hours).',
      ].join('\n'),
      at: NOW.toISOString(),
      sessionId: '20250106T084000Z-abcd1234',
    });
  });

  it('says the safety net acted when the sweep turned the VPN off, with the auto-off text', () => {
    const [notice] = decide({ trigger: 'sweep', removed: [associated] });

    expect(notice?.kind).toBe('sweep-acted');
    expect(notice?.subject).toMatch(/idle alarm missed it/);
    expect(notice?.text).toContain('safety-net sweep');
    expect(notice?.text).toContain('Cost: $0.22');
  });

  it('reports a failed association, and no auto-off when the VPN never was on', () => {
    const notices = decide({
      trigger: 'alarm',
      removed: [failed],
      session: endedSession({ endReason: 'failed', startedBy: 'kim' }),
    });

    expect(notices.map((n) => n.kind)).toEqual(['association-failed']);
    expect(notices[0]?.text).toContain(
      `AWS could not associate ${TEST_SUBNETS[1]} with the Client VPN endpoint: Insufficient free addresses in the subnet.`,
    );
    expect(notices[0]?.text).toContain('started by kim');
  });

  it('reports both when one subnet failed and another was on', () => {
    const notices = decide({ trigger: 'alarm', removed: [associated, failed] });

    expect(notices.map((n) => n.kind)).toEqual(['association-failed', 'auto-off']);
  });

  it('still reports an auto-off without a session, without length or cost', () => {
    const [notice] = decide({ trigger: 'alarm', removed: [associated], session: null });

    expect(notice).toMatchObject({ subject: 'VPN turned itself off', sessionId: null });
    expect(notice?.text).not.toContain('Cost');
  });

  it('keeps every subject short plain ASCII, as an SNS subject must be', () => {
    const notices = [
      ...decide({ trigger: 'alarm', removed: [associated, failed] }),
      ...decide({ trigger: 'sweep', removed: [associated] }),
    ];
    for (const { subject } of notices) {
      expect(subject).toMatch(/^[\x20-\x7e]{1,99}$/);
    }
  });
});

describe('createFanOutNotifier', () => {
  const message: Notification = {
    kind: 'auto-off',
    subject: 'VPN turned itself off',
    text: 'text',
    at: NOW.toISOString(),
    sessionId: null,
  };

  it('delivers to the working channels when another one fails, and reports the failure', async () => {
    const broken = new RecordingNotifier();
    broken.failWith(new Error('webhook answered 500'));
    const working = new RecordingNotifier();
    const onError = vi.fn();
    const fanOut = createFanOutNotifier(
      [
        { name: 'webhook', notifier: broken },
        { name: 'sns', notifier: working },
      ],
      onError,
    );

    await expect(fanOut.notify(message)).resolves.toBeUndefined();

    expect(working.sent).toEqual([message]);
    expect(onError).toHaveBeenCalledWith('webhook', new Error('webhook answered 500'), message);
  });

  it('never throws, even when the error callback does', async () => {
    const broken = new RecordingNotifier();
    broken.failWith(new Error('down'));
    const fanOut = createFanOutNotifier([{ name: 'sns', notifier: broken }], () => {
      throw new Error('logger broke');
    });

    await expect(fanOut.notify(message)).resolves.toBeUndefined();
    await expect(notifySafely(broken, [message])).resolves.toBeUndefined();
    await expect(notifySafely(undefined, [message])).resolves.toBeUndefined();
  });
});

describe('auto-disconnect with a notifier', () => {
  async function readyVpn() {
    const notifier = new RecordingNotifier();
    const deps = { ...testCoreDeps(), notifier };
    await connect(deps, 'mina');
    deps.clock.advance(ASSOCIATE_MS);
    await refreshLiveState(deps);
    return { deps, notifier };
  }

  it('sends an auto-off once the alarm turned the idle VPN off, and nothing on a retry', async () => {
    const { deps, notifier } = await readyVpn();
    deps.advanceMinutes(31);

    const result = await autoDisconnect(deps, 'alarm');
    await autoDisconnect(deps, 'alarm');

    expect(notifier.sent.map((n) => [n.kind, n.sessionId])).toEqual([
      ['auto-off', result.endedSessionId],
    ]);
    expect(notifier.sent[0]?.text).toContain('started 2026-03-02 09:00 UTC by mina');
  });

  it('sends sweep-acted when the sweep had to act', async () => {
    const { deps, notifier } = await readyVpn();
    deps.advanceMinutes(45);

    await autoDisconnect(deps, 'sweep');

    expect(notifier.sent.map((n) => n.kind)).toEqual(['sweep-acted']);
  });

  it('sends nothing when it declines', async () => {
    const { deps, notifier } = await readyVpn();
    deps.simulator.connectClient('mina');
    deps.advanceMinutes(45);

    await autoDisconnect(deps, 'alarm');

    expect(notifier.sent).toEqual([]);
  });

  it('still disconnects and ends the session when the notifier fails', async () => {
    const { deps, notifier } = await readyVpn();
    notifier.failWith(new Error('SNS is down'));
    deps.advanceMinutes(31);

    const result = await autoDisconnect(deps, 'alarm');

    expect(result.decision.action).toBe('disassociate');
    expect((await deps.simulator.describeAssociations()).map((a) => a.status)).toEqual(
      TEST_SUBNETS.map(() => 'disassociating'),
    );
    expect(await deps.store.getOpen()).toBeNull();
  });

  it('reports a failed association once, with the session it belonged to', async () => {
    const notifier = new RecordingNotifier();
    const deps = { ...testCoreDeps(), notifier };
    deps.simulator.failNextAssociation('Insufficient free addresses in the subnet.');
    await connect(deps, 'mina');
    deps.clock.advance(ASSOCIATE_MS);
    await refreshLiveState(deps); // the status page sees the failure and ends the session
    deps.advanceMinutes(31);

    await autoDisconnect(deps, 'sweep');
    await autoDisconnect(deps, 'sweep');

    const kinds = notifier.sent.map((n) => n.kind);
    expect(kinds.filter((kind) => kind === 'association-failed')).toHaveLength(1);
    expect(notifier.sent[0]?.text).toContain('Insufficient free addresses');
    expect(notifier.sent[0]?.text).toContain('started by mina');
  });

  it('reports a failed association cleared by an employee’s retry, since no sweep will see it', async () => {
    const notifier = new RecordingNotifier();
    const oneSubnet = testCoreDeps({ policy: { subnetIds: TEST_SUBNETS.slice(0, 1) } });
    const deps = { ...oneSubnet, notifier };
    deps.simulator.failNextAssociation('Insufficient free addresses in the subnet.');
    await connect(deps, 'mina');
    deps.clock.advance(ASSOCIATE_MS);

    const retry = await connect(deps, 'mina');

    expect(retry.outcome).toBe('queued');
    expect(notifier.sent.map((n) => n.kind)).toEqual(['association-failed']);
    expect(notifier.sent[0]?.text).toContain('Insufficient free addresses');
  });
});
