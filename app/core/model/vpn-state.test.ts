import { describe, expect, it } from 'vitest';
import { newSession } from './session-lifecycle.js';
import type { Association, AssociationStatus, ClientConnection } from './vocabulary.js';
import { activeConnections, deriveVpnState, failureMessage } from './vpn-state.js';

const NOW = new Date('2026-03-02T09:00:00Z');

function association(status: AssociationStatus, subnet = 'a', message?: string): Association {
  return {
    associationId: `cvpn-assoc-${subnet}`,
    subnetId: `subnet-${subnet}`,
    status,
    ...(message === undefined ? {} : { statusMessage: message }),
  };
}

function connection(id: string, status: ClientConnection['status']): ClientConnection {
  return {
    connectionId: id,
    user: `user-${id}`,
    status,
    connectedAt: NOW,
    endedAt: status === 'active' ? null : NOW,
  };
}

const failedSession = {
  ...newSession({ startedBy: 'u1', now: NOW, subnetCount: 1 }),
  failure: 'AWS said no.',
};

describe('deriveVpnState', () => {
  it('is off when no subnet is associated', () => {
    expect(deriveVpnState([])).toBe('off');
  });

  it('is off when the only associations are already disassociated', () => {
    expect(deriveVpnState([association('disassociated')])).toBe('off');
  });

  it('is starting while an association is associating', () => {
    expect(deriveVpnState([association('associating')])).toBe('starting');
  });

  it('is ready once one association is associated, even while another is still associating', () => {
    expect(deriveVpnState([association('associating', 'a'), association('associated', 'b')])).toBe(
      'ready',
    );
  });

  it('is stopping when every association is disassociating', () => {
    expect(
      deriveVpnState([association('disassociating', 'a'), association('disassociating', 'b')]),
    ).toBe('stopping');
  });

  it('is stopping when disassociating associations are left beside a failed one', () => {
    expect(
      deriveVpnState([association('disassociating', 'a'), association('association-failed', 'b')]),
    ).toBe('stopping');
  });

  it('is error when an association failed and nothing else is live', () => {
    expect(deriveVpnState([association('association-failed')])).toBe('error');
  });

  it('prefers ready over a failed association beside it', () => {
    expect(
      deriveVpnState([association('association-failed', 'a'), association('associated', 'b')]),
    ).toBe('ready');
  });

  it('prefers starting over a failed association beside it', () => {
    expect(
      deriveVpnState([association('association-failed', 'a'), association('associating', 'b')]),
    ).toBe('starting');
  });

  it('is error when AWS refused the start and the open session remembers the failure', () => {
    expect(deriveVpnState([], failedSession)).toBe('error');
  });

  it('is off, not error, when the failed session has a connect queued', () => {
    const queued = { ...failedSession, queuedConnect: { by: 'u2', at: NOW.toISOString() } };
    expect(deriveVpnState([], queued)).toBe('off');
  });

  it('lets live associations win over a failure remembered on the session', () => {
    expect(deriveVpnState([association('associated')], failedSession)).toBe('ready');
  });
});

describe('activeConnections', () => {
  it('counts only connections whose status is active', () => {
    const connections = [
      connection('1', 'active'),
      connection('2', 'terminated'),
      connection('3', 'terminating'),
      connection('4', 'failed-to-terminate'),
      connection('5', 'active'),
    ];
    expect(activeConnections(connections).map((c) => c.connectionId)).toEqual(['1', '5']);
  });
});

describe('failureMessage', () => {
  it("uses AWS's own words for a failed association", () => {
    expect(failureMessage([association('association-failed', 'a', 'No free IPs.')], null)).toBe(
      'No free IPs.',
    );
  });

  it('names the subnet when AWS gave no words', () => {
    expect(failureMessage([association('association-failed', 'a')], null)).toContain('subnet-a');
  });

  it("falls back to the session's remembered failure", () => {
    expect(failureMessage([], failedSession)).toBe('AWS said no.');
  });

  it('is null when nothing failed', () => {
    expect(failureMessage([association('associated')], null)).toBeNull();
  });
});
