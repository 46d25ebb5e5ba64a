import { describe, expect, it } from 'vitest';
import {
  associationToken,
  endSession,
  newSession,
  newSessionId,
  observeSession,
  withConnectRequest,
} from './session-lifecycle.js';
import type { ClientConnection, LiveSnapshot } from './vocabulary.js';

const START = new Date('2026-03-02T09:00:00Z');
const later = (minutes: number) => new Date(START.getTime() + minutes * 60_000);

function connection(
  id: string,
  user: string,
  status: ClientConnection['status'],
  connectedAt = later(1),
  endedAt: Date | null = status === 'active' ? null : later(2),
): ClientConnection {
  return { connectionId: id, user, status, connectedAt, endedAt };
}

function snapshot(connections: ClientConnection[]): LiveSnapshot {
  return {
    associations: [{ associationId: 'cvpn-assoc-1', subnetId: 'subnet-a', status: 'associated' }],
    connections,
    routes: [],
  };
}

describe('newSession', () => {
  it('records who started it and when, and counts the starter as a user', () => {
    const session = newSession({ startedBy: 'mina', now: START, subnetCount: 2 });
    expect(session).toMatchObject({
      startedBy: 'mina',
      startedAt: START.toISOString(),
      readyAt: null,
      endedAt: null,
      endReason: null,
      users: ['mina'],
      peakConnections: 0,
      subnetCount: 2,
      lastConnectRequestAt: START.toISOString(),
      queuedConnect: null,
      failure: null,
    });
  });

  it('has no users when it was started outside the portal', () => {
    expect(newSession({ startedBy: 'external', now: START, subnetCount: 1 }).users).toEqual([]);
  });

  it('remembers a connect queued behind a stop', () => {
    expect(
      newSession({ startedBy: 'mina', now: START, subnetCount: 1, queued: true }).queuedConnect,
    ).toEqual({ by: 'mina', at: START.toISOString() });
  });

  it('gets an id that sorts by start time', () => {
    expect(newSessionId(START, 'abcdef12-3456')).toBe('20260302T090000Z-abcdef12');
    expect(newSessionId(START) < newSessionId(later(1))).toBe(true);
  });
});

describe('associationToken', () => {
  const first = { id: '20260302T090000Z-abcdef12', startedAt: '2026-03-02T09:00:00.000Z' };

  it('is the same for the same start and subnet, so a retry cannot double up', () => {
    expect(associationToken(first, 'subnet-a')).toBe(associationToken({ ...first }, 'subnet-a'));
  });

  it('differs per subnet, per session and per start of the same session', () => {
    const restarted = { ...first, startedAt: '2026-03-02T09:42:00.000Z' };
    const tokens = new Set([
      associationToken(first, 'subnet-a'),
      associationToken(first, 'subnet-b'),
      associationToken({ ...first, id: '20260302T090000Z-99999999' }, 'subnet-a'),
      associationToken(restarted, 'subnet-a'),
    ]);
    expect(tokens.size).toBe(4);
  });

  it('stays within the 64 characters AWS allows, with the whole subnet id in it', () => {
    const session = { id: newSessionId(START), startedAt: '2099-12-31T23:59:59.999Z' };
    const token = associationToken(session, 'subnet-0123456789abcdef0');
    expect(token.length).toBeLessThanOrEqual(64);
    expect(token.endsWith(':subnet-0123456789abcdef0')).toBe(true);
    expect(associationToken({ ...session, id: 'x'.repeat(80) }, 'subnet-a').length).toBe(64);
  });
});

describe('withConnectRequest', () => {
  it('moves the last connect request and adds the user once', () => {
    const session = newSession({ startedBy: 'mina', now: START, subnetCount: 1 });
    const twice = withConnectRequest(
      withConnectRequest(session, 'kenji', later(3)),
      'kenji',
      later(4),
    );
    expect(twice.users).toEqual(['mina', 'kenji']);
    expect(twice.lastConnectRequestAt).toBe(later(4).toISOString());
  });
});

describe('observeSession', () => {
  const session = newSession({ startedBy: 'mina', now: START, subnetCount: 1 });

  it('sets readyAt the first time the VPN is seen ready and keeps it', () => {
    const ready = observeSession(session, snapshot([]), 'ready', later(4));
    expect(ready.readyAt).toBe(later(4).toISOString());
    expect(observeSession(ready, snapshot([]), 'ready', later(9)).readyAt).toBe(
      later(4).toISOString(),
    );
  });

  it('leaves readyAt empty while starting', () => {
    expect(observeSession(session, snapshot([]), 'starting', later(1)).readyAt).toBeNull();
  });

  it('adds everyone who connected and keeps the peak of simultaneous connections', () => {
    const busy = observeSession(
      session,
      snapshot([connection('c1', 'kenji', 'active'), connection('c2', 'sora', 'active')]),
      'ready',
      later(5),
    );
    const quiet = observeSession(
      busy,
      snapshot([connection('c1', 'kenji', 'terminated'), connection('c2', 'sora', 'active')]),
      'ready',
      later(6),
    );
    expect(quiet.users).toEqual(['mina', 'kenji', 'sora']);
    expect(quiet.peakConnections).toBe(2);
    expect(quiet.connections.map((c) => [c.connectionId, c.endedAt])).toEqual([
      ['c1', later(2).toISOString()],
      ['c2', null],
    ]);
  });

  it('ignores connections that ended before the session started', () => {
    const old = connection('c0', 'yesterday', 'terminated', later(-50), later(-40));
    const observed = observeSession(session, snapshot([old]), 'ready', later(1));
    expect(observed.users).toEqual(['mina']);
    expect(observed.connections).toEqual([]);
  });
});

describe('observeSession and the connections the portal ended', () => {
  const ended = {
    connectionId: 'cvpn-connection-0aaa',
    user: 'mina',
    connectedAt: later(1).toISOString(),
    endedAt: later(70).toISOString(),
    checkpoint: { ingressBytes: 600, egressBytes: 600, at: later(65).toISOString() },
    lastTrafficAt: later(5).toISOString(),
    endedFor: 'no-traffic' as const,
    quietMinutes: 60,
  };
  const session = {
    ...newSession({ startedBy: 'mina', now: START, subnetCount: 1 }),
    connections: [ended],
  };

  it('keeps the end and why, whether EC2 says terminating, terminated, or (read earlier) active', () => {
    for (const seen of [
      connection('cvpn-connection-0aaa', 'mina', 'terminating', later(1), null),
      connection('cvpn-connection-0aaa', 'mina', 'active'),
    ]) {
      const observed = observeSession(session, snapshot([seen]), 'ready', later(71));
      expect(observed.connections).toEqual([ended]);
    }
    const terminated = connection(
      'cvpn-connection-0aaa',
      'mina',
      'terminated',
      later(1),
      later(70),
    );
    expect(observeSession(session, snapshot([terminated]), 'ready', later(71)).connections).toEqual(
      [ended],
    );
  });
});

describe('endSession', () => {
  it('records the end time and reason and drops a queued connect', () => {
    const queued = newSession({ startedBy: 'mina', now: START, subnetCount: 1, queued: true });
    expect(endSession(queued, 'admin', later(7))).toMatchObject({
      endedAt: later(7).toISOString(),
      endReason: 'admin',
      queuedConnect: null,
    });
  });

  it('keeps the failure words of a failed session', () => {
    const session = newSession({ startedBy: 'mina', now: START, subnetCount: 1 });
    expect(endSession(session, 'failed', later(1), 'No free IPs.')).toMatchObject({
      endReason: 'failed',
      failure: 'No free IPs.',
    });
  });
});
