import { describe, expect, it } from 'vitest';
import { notificationsAfterAutoDisconnect, quietConnectionEndedNotification } from './notices.js';
import { newSession } from './session-lifecycle.js';
import type { Association, VpnSession } from './vocabulary.js';

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
  subnetId: 'subnet-0a1b2c3d4e5f60001',
  status: 'associated',
};
const failed: Association = {
  associationId: 'cvpn-assoc-2',
  subnetId: 'subnet-0a1b2c3d4e5f60002',
  status: 'association-failed',
  statusMessage: 'Insufficient free addresses in the subnet.',
};

function decide(input: {
  trigger: 'alarm' | 'sweep';
  removed: Association[];
  session?: VpnSession | null;
}) {
  return notificationsAfterAutoDisconnect({
    alarmMissed: input.trigger === 'sweep',
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
      `AWS could not associate subnet-0a1b2c3d4e5f60002 with the Client VPN endpoint: Insufficient free addresses in the subnet.`,
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

describe('quietConnectionEndedNotification', () => {
  const ended = (user: string) =>
    quietConnectionEndedNotification({
      connectionId: 'cvpn-connection-0aaa',
      user,
      connectedAt: '2025-01-06T08:12:00.000Z',
      quietMinutes: 60,
      idleTimeoutMinutes: 30,
      session: endedSession({ startedBy: 'mina', endedAt: null, endReason: null }),
      now: NOW,
    });

  it('says whose connection was ended, after how long without traffic, and what follows', () => {
    expect(ended('mina@example.com')).toEqual({
      kind: 'quiet-connection-ended',
      subject: 'VPN connection of mina@example.com ended: no traffic for 60 min',
      text: [
        'The VPN connection of mina@example.com (cvpn-connection-0aaa, connected 2025-01-06 08:12 UTC) moved no traffic beyond keepalives for 60 minutes, so the portal ended it: a client left connected must not keep the VPN on.',
        'The VPN turns itself off once nobody has been connected for 30 minutes; mina@example.com can connect again in the VPN app at any time.',
        'Session 20250106T084000Z-abcd1234, started by mina.',
      ].join('\n'),
      at: NOW.toISOString(),
      sessionId: '20250106T084000Z-abcd1234',
    });
  });

  it('keeps the subject plain ASCII when the user name is not', () => {
    const notice = ended('김민준');
    expect(notice.subject).toBe('VPN connection ended: no traffic for 60 min');
    expect(notice.subject).toMatch(/^[\x20-\x7e]{1,99}$/);
    expect(notice.text).toContain('김민준');
  });
});
