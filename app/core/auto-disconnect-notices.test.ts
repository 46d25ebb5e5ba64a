import { describe, expect, it } from 'vitest';
import { ASSOCIATE_MS, TEST_SUBNETS, testCoreDeps, testNotifier } from '../testing/core-deps.js';
import { autoDisconnect } from './auto-disconnect.js';
import { connect } from './connect.js';
import { reconcile } from './live-state.js';

describe('auto-disconnect with a notifier', () => {
  async function readyVpn() {
    const notifier = testNotifier();
    const deps = { ...testCoreDeps(), notifier };
    await connect(deps, 'mina');
    deps.clock.advance(ASSOCIATE_MS);
    await reconcile(deps);
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

  it('leaves the idle alarm its window: the sweep does nothing and says nothing until the alarm has missed', async () => {
    const { deps, notifier } = await readyVpn();
    deps.advanceMinutes(38); // 39 min after the tap: idle, but within the alarm's 10-minute window

    const early = await autoDisconnect(deps, 'sweep');

    expect(early.decision).toMatchObject({ action: 'nothing' });
    expect(early.decision.reason).toContain('leaving the idle alarm');
    expect(notifier.sent).toEqual([]);
    expect((await deps.simulator.describeAssociations()).map((a) => a.status)).toEqual(
      TEST_SUBNETS.map(() => 'associated'),
    );
    deps.advanceMinutes(2); // now the alarm has missed

    expect((await autoDisconnect(deps, 'sweep')).decision).toMatchObject({
      action: 'disassociate',
    });
    expect(notifier.sent.map((n) => n.kind)).toEqual(['sweep-acted']);
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
    const notifier = testNotifier();
    const deps = { ...testCoreDeps(), notifier };
    deps.simulator.failNextAssociation('Insufficient free addresses in the subnet.');
    await connect(deps, 'mina');
    deps.clock.advance(ASSOCIATE_MS);
    await reconcile(deps); // the status page sees the failure and ends the session
    deps.advanceMinutes(41); // past the idle time and the window the sweep leaves the alarm

    await autoDisconnect(deps, 'sweep');
    await autoDisconnect(deps, 'sweep');

    const kinds = notifier.sent.map((n) => n.kind);
    expect(kinds.filter((kind) => kind === 'association-failed')).toHaveLength(1);
    expect(notifier.sent[0]?.text).toContain('Insufficient free addresses');
    expect(notifier.sent[0]?.text).toContain('started by mina');
  });

  it('reports a failed association cleared by an employee’s retry, since no sweep will see it', async () => {
    const notifier = testNotifier();
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
