import { describe, expect, it } from 'vitest';
import { decideAutoDisconnect } from './auto-disconnect.js';
import type { Association, ClientConnection } from './model/vocabulary.js';

const NOW = new Date('2026-03-02T10:00:00Z');
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

function association(id: string, status: Association['status']): Association {
  return { associationId: id, subnetId: `subnet-${id}`, status };
}

function connection(
  status: ClientConnection['status'],
  endedMinutesAgo?: number,
): ClientConnection {
  return {
    connectionId: `c-${status}-${endedMinutesAgo ?? 'open'}`,
    user: 'mina',
    status,
    connectedAt: minutesAgo(120),
    endedAt: endedMinutesAgo === undefined ? null : minutesAgo(endedMinutesAgo),
  };
}

function decide(input: {
  associations?: Association[];
  connections?: ClientConnection[];
  witnessedActivityAt?: Date | null;
}) {
  return decideAutoDisconnect({
    associations: input.associations ?? [association('a', 'associated')],
    connections: input.connections ?? [],
    witnessedActivityAt: input.witnessedActivityAt ?? null,
    now: NOW,
    idleTimeoutMinutes: 30,
  });
}

describe('decideAutoDisconnect', () => {
  it('disassociates every associated subnet when nobody is connected and nobody asked lately', () => {
    expect(
      decide({
        associations: [association('a', 'associated'), association('b', 'associated')],
        witnessedActivityAt: minutesAgo(31),
      }),
    ).toMatchObject({ action: 'disassociate', associationIds: ['a', 'b'] });
  });

  it('declines when a client is connected', () => {
    expect(
      decide({ connections: [connection('active')], witnessedActivityAt: minutesAgo(90) }),
    ).toMatchObject({
      action: 'decline',
      reason: expect.stringContaining('1 client(s) connected'),
    });
  });

  it('declines when a connect request is within the idle timeout', () => {
    expect(decide({ witnessedActivityAt: minutesAgo(29) })).toMatchObject({ action: 'decline' });
  });

  it('declines when the last connection ended within the idle timeout', () => {
    expect(
      decide({ connections: [connection('terminated', 10)], witnessedActivityAt: minutesAgo(90) }),
    ).toMatchObject({ action: 'decline' });
  });

  it('disassociates when the last activity is exactly the idle timeout ago', () => {
    expect(decide({ witnessedActivityAt: minutesAgo(30) })).toMatchObject({
      action: 'disassociate',
    });
  });

  it('disassociates when there was never any activity', () => {
    expect(decide({ witnessedActivityAt: null })).toMatchObject({ action: 'disassociate' });
  });

  it('ignores ended connections when counting who is connected', () => {
    expect(
      decide({ connections: [connection('terminated', 45)], witnessedActivityAt: minutesAgo(60) }),
    ).toMatchObject({ action: 'disassociate' });
  });

  it('also removes a failed association, which is billed like any other', () => {
    expect(
      decide({
        associations: [association('a', 'association-failed'), association('b', 'associated')],
      }),
    ).toMatchObject({ action: 'disassociate', associationIds: ['a', 'b'] });
  });

  it('skips associations already disassociating (a retried invocation)', () => {
    expect(
      decide({
        associations: [association('a', 'disassociating'), association('b', 'associated')],
      }),
    ).toMatchObject({ action: 'disassociate', associationIds: ['b'] });
  });

  it('does nothing when everything is already disassociating', () => {
    expect(decide({ associations: [association('a', 'disassociating')] })).toMatchObject({
      action: 'nothing',
    });
  });

  it('does nothing when the VPN is already off', () => {
    expect(decide({ associations: [] })).toMatchObject({ action: 'nothing' });
  });

  it('declines while the VPN is still starting', () => {
    expect(decide({ associations: [association('a', 'associating')] })).toMatchObject({
      action: 'decline',
    });
  });
});
