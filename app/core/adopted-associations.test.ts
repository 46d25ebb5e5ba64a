import { describe, expect, it } from 'vitest';
import { periodStartOf } from '../adapters/local/in-memory-activity-metrics.js';
import type { VpnPolicy } from '../core/model/policy.js';
import {
  ASSOCIATE_MS,
  TEST_SUBNETS,
  type TestCoreDeps,
  testCoreDeps,
  testNotifier,
} from '../testing/core-deps.js';
import { autoDisconnect } from './auto-disconnect.js';
import { connect } from './connect.js';
import { reconcile } from './live-state.js';
import { readStatus } from './status.js';

/**
 * SPEC section 4, rule 10 (issue 14, item 3): associations the portal did not make (the
 * console, the CLI, a lost record) are judged by evidence of use, never by the moment the
 * portal first saw them.
 */
async function adoptedFromOutside(policy: Partial<VpnPolicy> = {}) {
  const notifier = testNotifier();
  const deps: TestCoreDeps & { notifier: typeof notifier } = {
    ...testCoreDeps({ policy }),
    notifier,
  };
  // Someone associates the subnets in the console; no session exists.
  for (const subnet of TEST_SUBNETS) await deps.simulator.associate(subnet, `console-${subnet}`);
  deps.clock.advance(ASSOCIATE_MS);
  // A status poll finds them and adopts them.
  await reconcile(deps);
  return { deps, notifier };
}

describe('associations made outside the portal', () => {
  it('are adopted as an external session whose adoption is no activity, with no promised time', async () => {
    const { deps } = await adoptedFromOutside();

    expect(await deps.store.getOpen()).toMatchObject({
      startedBy: 'external',
      users: [],
      lastConnectRequestAt: null,
    });
    const status = await readStatus(deps);
    expect(status).toMatchObject({ state: 'ready', lastActivityAt: null, autoDisconnectAt: null });
  });

  it('are removed by the next sweep when nobody used them over a full idle window, without claiming the alarm missed', async () => {
    const { deps, notifier } = await adoptedFromOutside();
    deps.advanceMinutes(1);

    const result = await autoDisconnect(deps, 'sweep');

    expect(result.decision).toMatchObject({ action: 'disassociate', alarmHadItsChance: false });
    const [ended] = await deps.store.recent(1);
    expect(ended).toMatchObject({ startedBy: 'external', endReason: 'idle' });
    // The alarm had no change to fire on (nobody asked or connected): not its miss.
    expect(notifier.sent.map((n) => n.kind)).toEqual(['auto-off']);
    expect(notifier.sent[0]?.text).toContain('by someone outside the portal');
  });

  it('are removed at once by the alarm, whose own window is evidence of idleness', async () => {
    const { deps } = await adoptedFromOutside();
    const result = await autoDisconnect(deps, 'alarm');
    expect(result.decision.action).toBe('disassociate');
  });

  it('stay on while the metrics show a client connected within the idle window, though EC2 has forgotten it', async () => {
    // A 120-minute timeout: a client that left 70 minutes ago is no longer listed by EC2.
    const { deps } = await adoptedFromOutside({ idleTimeoutMinutes: 120 });
    const connectedUntil = deps.clock.now().getTime();
    deps.metrics.recordActiveConnections(periodStartOf(connectedUntil - 60_000), 1);
    deps.advanceMinutes(70);

    const result = await autoDisconnect(deps, 'sweep');

    expect(result.decision.action).toBe('decline');
    expect(await deps.store.getOpen()).toMatchObject({ startedBy: 'external' });
  });

  it('are removed once that client has been gone for the idle time plus the alarm’s window, as an alarm miss', async () => {
    const { deps, notifier } = await adoptedFromOutside({ idleTimeoutMinutes: 120 });
    deps.metrics.recordActiveConnections(periodStartOf(deps.clock.now().getTime() - 60_000), 1);
    deps.advanceMinutes(120 + 10 + 5);

    const result = await autoDisconnect(deps, 'sweep');

    expect(result.decision).toMatchObject({ action: 'disassociate', alarmHadItsChance: true });
    expect(notifier.sent.map((n) => n.kind)).toEqual(['sweep-acted']);
  });

  it('count as in use from the first tap on Connect, like any session', async () => {
    const { deps } = await adoptedFromOutside();
    deps.advanceMinutes(2);
    await connect(deps, 'mina');
    deps.advanceMinutes(20);

    expect((await autoDisconnect(deps, 'alarm')).decision.action).toBe('decline');
    const status = await readStatus(deps);
    expect(status.autoDisconnectAt).toBe(
      new Date(Date.parse(status.lastActivityAt ?? '') + 30 * 60_000).toISOString(),
    );
  });

  it('decide on EC2 alone when CloudWatch cannot be read: nobody connected now, nothing remembered, so off', async () => {
    const { deps } = await adoptedFromOutside();
    deps.metrics.setReadsUnavailable(true);
    const result = await autoDisconnect(deps, 'sweep');
    expect(result).toMatchObject({ decision: { action: 'disassociate' }, unreadable: ['metrics'] });
  });

  it('never remove a client who is connected now, whatever the metrics say', async () => {
    const { deps } = await adoptedFromOutside();
    deps.simulator.connectClient('mina');
    deps.advanceMinutes(200);
    expect((await autoDisconnect(deps, 'sweep')).decision.action).toBe('decline');
  });

  it('with the rule switched off (the bench only), count the moment first seen as activity', async () => {
    const { deps } = await adoptedFromOutside({ rulesOff: ['adopted-by-evidence'] });
    deps.advanceMinutes(1);
    expect((await autoDisconnect(deps, 'sweep')).decision.action).toBe('decline');
  });
});
