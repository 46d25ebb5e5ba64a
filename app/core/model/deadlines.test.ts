import { describe, expect, it } from 'vitest';
import {
  autoDisconnectAt,
  DEFAULT_TYPICAL_START_SECONDS,
  lastActivityAt,
  rememberedActivityUnder,
  typicalStartSeconds,
} from './deadlines.js';
import { newSession } from './session-lifecycle.js';
import type { ClientConnection, VpnSession } from './vocabulary.js';

const at = (time: string) => new Date(`2026-03-02T${time}Z`);

function ended(id: string, end: string): ClientConnection {
  return {
    connectionId: id,
    user: id,
    status: 'terminated',
    connectedAt: at('08:00:00'),
    endedAt: at(end),
  };
}

function active(id: string): ClientConnection {
  return {
    connectionId: id,
    user: id,
    status: 'active',
    connectedAt: at('08:00:00'),
    endedAt: null,
  };
}

function sessionReadyAfter(seconds: number | null): VpnSession {
  const session = newSession({ startedBy: 'u', now: at('08:00:00'), subnetCount: 1 });
  return {
    ...session,
    readyAt:
      seconds === null ? null : new Date(at('08:00:00').getTime() + seconds * 1000).toISOString(),
  };
}

describe('lastActivityAt', () => {
  it('is the last connect request when no connection ended later', () => {
    expect(lastActivityAt(at('09:00:00'), [ended('c1', '08:30:00')])).toEqual(at('09:00:00'));
  });

  it('is the last connection end when it is later than the last connect request', () => {
    expect(
      lastActivityAt(at('09:00:00'), [ended('c1', '09:40:00'), ended('c2', '09:20:00')]),
    ).toEqual(at('09:40:00'));
  });

  it('counts a connection end even without any connect request', () => {
    expect(lastActivityAt(null, [ended('c1', '09:10:00')])).toEqual(at('09:10:00'));
  });

  it('ignores connections that have not ended', () => {
    expect(lastActivityAt(at('09:00:00'), [active('c1')])).toEqual(at('09:00:00'));
  });

  it('is null when there has been no activity at all', () => {
    expect(lastActivityAt(null, [active('c1')])).toBeNull();
  });
});

describe('autoDisconnectAt', () => {
  it('is the last activity plus the idle timeout when nobody is connected', () => {
    expect(
      autoDisconnectAt({
        lastActivityAt: at('09:00:00'),
        connections: [ended('c1', '08:50:00')],
        idleTimeoutMinutes: 30,
      }),
    ).toEqual(at('09:30:00'));
  });

  it('is null while anyone is connected, because the VPN stays on', () => {
    expect(
      autoDisconnectAt({
        lastActivityAt: at('09:00:00'),
        connections: [active('c1'), ended('c2', '09:00:00')],
        idleTimeoutMinutes: 30,
      }),
    ).toBeNull();
  });

  it('is null when there is no activity to count from', () => {
    expect(
      autoDisconnectAt({ lastActivityAt: null, connections: [], idleTimeoutMinutes: 30 }),
    ).toBeNull();
  });
});

describe('typicalStartSeconds', () => {
  it('defaults to 300 seconds without history', () => {
    expect(typicalStartSeconds([])).toBe(300);
    expect(DEFAULT_TYPICAL_START_SECONDS).toBe(300);
  });

  it('defaults to 300 seconds when no session ever became ready', () => {
    expect(typicalStartSeconds([sessionReadyAfter(null), sessionReadyAfter(null)])).toBe(300);
  });

  it('is the median of an odd number of start times, not the mean', () => {
    expect(
      typicalStartSeconds([sessionReadyAfter(600), sessionReadyAfter(100), sessionReadyAfter(120)]),
    ).toBe(120);
  });

  it('averages the two middle start times of an even number', () => {
    expect(
      typicalStartSeconds([
        sessionReadyAfter(100),
        sessionReadyAfter(900),
        sessionReadyAfter(200),
        sessionReadyAfter(150),
      ]),
    ).toBe(175);
  });

  it('skips sessions that never became ready', () => {
    expect(typicalStartSeconds([sessionReadyAfter(null), sessionReadyAfter(240)])).toBe(240);
  });
});

describe('rememberedActivityUnder', () => {
  const session: VpnSession = {
    ...newSession({ startedBy: 'kim', now: at('08:00:00'), subnetCount: 1 }),
    connections: [
      {
        connectionId: 'c1',
        user: 'kim',
        connectedAt: at('08:05:00').toISOString(),
        endedAt: at('11:00:00').toISOString(),
      },
    ],
  };

  it('counts the end of a connection the session saw, long after EC2 has forgotten it', () => {
    expect(rememberedActivityUnder({}, session)).toEqual(at('11:00:00'));
  });

  it('with the remembered-ends rule switched off (the bench only), falls back to the connect request', () => {
    expect(rememberedActivityUnder({ rulesOff: ['remembered-ends'] }, session)).toEqual(
      at('08:00:00'),
    );
  });
});
