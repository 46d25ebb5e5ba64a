import { describe, expect, it } from 'vitest';
import {
  ALLOWANCE_CAP_MINUTES,
  CHECKPOINT_MINUTES,
  KEEPALIVE_BYTES_PER_MINUTE,
  observeTraffic,
  QUIET_ALLOWANCE_BYTES_PER_MINUTE,
  quietAllowanceBytes,
  quietConnections,
  quietEnds,
  quietSince,
  withQuietEnds,
} from './quiet-connections.js';
import { newSession } from './session-lifecycle.js';
import type { ClientConnection, SessionConnection } from './vocabulary.js';

const T0 = new Date('2026-03-02T09:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const iso = (minutes: number) => at(minutes).toISOString();

/** A connection as EC2 lists it, with `bytes` moved each way so far. */
function seen(bytes: number | undefined, overrides: Partial<ClientConnection> = {}) {
  return {
    connectionId: 'cvpn-connection-0aaa',
    user: 'mina',
    status: 'active',
    connectedAt: T0,
    endedAt: null,
    ...(bytes === undefined ? {} : { ingressBytes: bytes, egressBytes: bytes }),
    ...overrides,
  } satisfies ClientConnection;
}

/** Per minute and each way: the keepalives alone, and someone working (local mode's rates). */
const KEEPALIVE_EACH_WAY = KEEPALIVE_BYTES_PER_MINUTE / 2;
const WORKING_EACH_WAY = 200_000;

describe('the quiet allowance', () => {
  it('lies well above OpenVPN keepalives and well below someone working', () => {
    expect(QUIET_ALLOWANCE_BYTES_PER_MINUTE).toBe(12_000);
    expect(QUIET_ALLOWANCE_BYTES_PER_MINUTE).toBeGreaterThanOrEqual(
      10 * KEEPALIVE_BYTES_PER_MINUTE,
    );
    expect(QUIET_ALLOWANCE_BYTES_PER_MINUTE).toBeLessThan((2 * WORKING_EACH_WAY) / 10);
  });

  it('grows with the interval up to the sweep’s 15 minutes, then stops', () => {
    expect(quietAllowanceBytes(5 * 60_000)).toBe(60_000);
    expect(quietAllowanceBytes(ALLOWANCE_CAP_MINUTES * 60_000)).toBe(180_000);
    expect(quietAllowanceBytes(3 * 60 * 60_000)).toBe(180_000);
    expect(quietAllowanceBytes(-60_000)).toBe(0);
  });
});

describe('observeTraffic', () => {
  it('starts the checkpoint and the quiet time when it first sees a connection', () => {
    expect(observeTraffic({}, seen(1_000), at(0))).toEqual({
      checkpoint: { ingressBytes: 1_000, egressBytes: 1_000, at: iso(0) },
      lastTrafficAt: iso(0),
    });
  });

  it('counts the quiet time from the connect when nothing moved before the first sight', () => {
    expect(observeTraffic({}, seen(KEEPALIVE_EACH_WAY * 14), at(14))).toEqual({
      checkpoint: { ingressBytes: 8_400, egressBytes: 8_400, at: iso(14) },
      lastTrafficAt: iso(0),
    });
    expect(observeTraffic({}, seen(WORKING_EACH_WAY * 2), at(14)).lastTrafficAt).toBe(iso(14));
    // Keepalives alone pass the capped allowance after 150 minutes: a long gap is busy.
    expect(observeTraffic({}, seen(KEEPALIVE_EACH_WAY * 180), at(180)).lastTrafficAt).toBe(
      iso(180),
    );
  });

  it('changes nothing before the checkpoint is due, so a poll writes nothing', () => {
    const known = observeTraffic({}, seen(0), at(0));
    const due = CHECKPOINT_MINUTES - 0.1;
    expect(observeTraffic(known, seen(WORKING_EACH_WAY * due), at(due))).toEqual(known);
  });

  it('moves the checkpoint on once due, and the last traffic with it when bytes moved', () => {
    const known = observeTraffic({}, seen(0), at(0));
    expect(observeTraffic(known, seen(WORKING_EACH_WAY * 5), at(5))).toEqual({
      checkpoint: { ingressBytes: 1_000_000, egressBytes: 1_000_000, at: iso(5) },
      lastTrafficAt: iso(5),
    });
  });

  it('keeps the last traffic where it was when only keepalives moved', () => {
    const known = observeTraffic({}, seen(0), at(0));
    const next = observeTraffic(known, seen(KEEPALIVE_EACH_WAY * 15), at(15));
    expect(next).toEqual({
      checkpoint: { ingressBytes: 9_000, egressBytes: 9_000, at: iso(15) },
      lastTrafficAt: iso(0),
    });
  });

  it('counts counters that went backwards (a reconnect under the same id) as traffic', () => {
    const known = { checkpoint: { ingressBytes: 50_000, egressBytes: 50_000, at: iso(0) } };
    expect(observeTraffic({ ...known, lastTrafficAt: iso(-55) }, seen(300), at(5))).toEqual({
      checkpoint: { ingressBytes: 300, egressBytes: 300, at: iso(5) },
      lastTrafficAt: iso(5),
    });
  });

  it('drops the checkpoint when the counters go missing, and counts the gap as traffic', () => {
    const known = {
      checkpoint: { ingressBytes: 0, egressBytes: 0, at: iso(0) },
      lastTrafficAt: iso(-50),
    };
    expect(observeTraffic(known, seen(undefined), at(2))).toEqual(known);
    const dropped = observeTraffic(known, seen(undefined), at(5));
    expect(dropped).toEqual({ lastTrafficAt: iso(5) });
    expect(observeTraffic(dropped, seen(undefined), at(20))).toEqual(dropped);
    expect(observeTraffic(dropped, seen(4_000), at(25))).toEqual({
      checkpoint: { ingressBytes: 4_000, egressBytes: 4_000, at: iso(25) },
      lastTrafficAt: iso(25),
    });
  });

  it('leaves an ended connection as it was recorded', () => {
    const known = {
      checkpoint: { ingressBytes: 0, egressBytes: 0, at: iso(0) },
      lastTrafficAt: iso(0),
    };
    expect(
      observeTraffic(
        known,
        seen(WORKING_EACH_WAY * 60, { status: 'terminated', endedAt: at(59) }),
        at(60),
      ),
    ).toEqual(known);
  });
});

describe('quietSince', () => {
  const record = (overrides: Partial<SessionConnection> = {}): SessionConnection => ({
    connectionId: 'cvpn-connection-0aaa',
    user: 'mina',
    connectedAt: iso(0),
    endedAt: null,
    checkpoint: { ingressBytes: 0, egressBytes: 0, at: iso(55) },
    lastTrafficAt: iso(0),
    ...overrides,
  });

  it('answers when the quiet began while only keepalives moved since the checkpoint', () => {
    expect(quietSince(record(), seen(KEEPALIVE_EACH_WAY * 5), at(60))).toEqual(at(0));
  });

  it('is busy when someone picked the iPad up since the checkpoint', () => {
    expect(quietSince(record(), seen(40_000), at(58))).toBeNull();
  });

  it('is never quiet without counters, without a checkpoint, or with counters that went backwards', () => {
    expect(quietSince(record(), seen(undefined), at(60))).toBeNull();
    expect(quietSince(record(), seen(Number.NaN), at(60))).toBeNull();
    expect(quietSince(record({ checkpoint: undefined }), seen(0), at(60))).toBeNull();
    const later = record({ checkpoint: { ingressBytes: 9_000, egressBytes: 9_000, at: iso(55) } });
    expect(quietSince(later, seen(10), at(60))).toBeNull();
  });

  it('is never quiet for a connection that ended or that the portal already ended', () => {
    expect(quietSince(record(), seen(0, { status: 'terminating' }), at(60))).toBeNull();
    expect(quietSince(record({ endedFor: 'no-traffic' }), seen(0), at(60))).toBeNull();
  });
});

describe('quietConnections', () => {
  const session = {
    ...newSession({ startedBy: 'mina', now: T0, subnetCount: 1 }),
    connections: [
      {
        connectionId: 'cvpn-connection-0aaa',
        user: 'mina',
        connectedAt: iso(0),
        endedAt: null,
        checkpoint: { ingressBytes: 0, egressBytes: 0, at: iso(55) },
        lastTrafficAt: iso(0),
      },
    ],
  };

  it('lists a connection quiet for the quiet time, and none before it or with the rule off', () => {
    expect(quietConnections(session, [seen(0)], at(60), 60)).toEqual([
      { connectionId: 'cvpn-connection-0aaa', user: 'mina', quietSince: at(0) },
    ]);
    expect(quietConnections(session, [seen(0)], at(59.9), 60)).toEqual([]);
    expect(quietConnections(session, [seen(0)], at(600), 0)).toEqual([]);
    expect(quietConnections(null, [seen(0)], at(600), 60)).toEqual([]);
  });

  it('ignores a connection the session has no record of', () => {
    expect(
      quietConnections(session, [seen(0, { connectionId: 'cvpn-connection-0new' })], at(90), 60),
    ).toEqual([]);
  });

  it('records the end and why on the session, once', () => {
    const ended = withQuietEnds(session, ['cvpn-connection-0aaa'], at(61), 60);
    expect(ended.connections[0]).toMatchObject({
      endedAt: iso(61),
      endedFor: 'no-traffic',
      quietMinutes: 60,
    });
    expect(withQuietEnds(ended, ['cvpn-connection-0aaa'], at(75), 90)).toEqual(ended);
  });
});

describe('quietEnds', () => {
  const ended = (user: string, minute: number): SessionConnection => ({
    connectionId: `cvpn-connection-${minute}`,
    user,
    connectedAt: iso(0),
    endedAt: iso(minute),
    endedFor: 'no-traffic',
    quietMinutes: 60,
  });
  const session = {
    ...newSession({ startedBy: 'mina', now: T0, subnetCount: 1 }),
    connections: [
      ended('mina', 61),
      ended('jun', 75),
      { connectionId: 'cvpn-connection-x', user: 'kim', connectedAt: iso(0), endedAt: iso(30) },
    ],
  };

  it('lists the portal’s own ends, latest first, without anyone connected again', () => {
    expect(quietEnds(session, [])).toEqual([
      { user: 'jun', endedAt: iso(75), quietMinutes: 60 },
      { user: 'mina', endedAt: iso(61), quietMinutes: 60 },
    ]);
    expect(quietEnds(session, [seen(0, { user: 'JUN ' })]).map((end) => end.user)).toEqual([
      'mina',
    ]);
    expect(quietEnds(null, [])).toEqual([]);
  });
});
