import { describe, expect, it } from 'vitest';
import { ASSOCIATE_MS, DISASSOCIATE_MS, TEST_SUBNETS, testCoreDeps } from '../testing/core-deps.js';
import { autoDisconnect } from './auto-disconnect.js';
import { connect } from './connect.js';
import { disconnectNow } from './disconnect-now.js';
import { needsReconcile, readLiveState, reconcile, STALLED_START_MS } from './live-state.js';
import { newSession } from './model/session-lifecycle.js';
import type { ExtraRoute } from './model/vocabulary.js';

const SUBNET = TEST_SUBNETS[0] ?? '';
const fullTunnel: ExtraRoute = { cidr: '0.0.0.0/0', subnetId: SUBNET, description: 'internet' };

function extraRoutesOf(routes: { destinationCidr: string; origin: string }[]) {
  return routes.filter((route) => route.origin === 'add-route').map((r) => r.destinationCidr);
}

describe('reconcile: routes', () => {
  it('recreates the configured routes once the association is associated', async () => {
    const deps = testCoreDeps({ policy: { extraRoutes: [fullTunnel] } });
    await connect(deps, 'mina');
    await reconcile(deps);
    expect(deps.vpn.calls.createRoute).toBe(0);

    deps.clock.advance(ASSOCIATE_MS);
    await reconcile(deps);
    expect(extraRoutesOf(await deps.simulator.describeRoutes())).toEqual(['0.0.0.0/0']);
  });

  it('does not create a route twice', async () => {
    const deps = testCoreDeps({ policy: { extraRoutes: [fullTunnel] } });
    await connect(deps, 'mina');
    deps.clock.advance(ASSOCIATE_MS);
    await reconcile(deps);
    await reconcile(deps);
    expect(deps.vpn.calls.createRoute).toBe(1);
  });

  it('restores the routes after every new association, since the last disassociation removed them', async () => {
    const deps = testCoreDeps({ policy: { extraRoutes: [fullTunnel] } });
    await connect(deps, 'mina');
    deps.clock.advance(ASSOCIATE_MS);
    await reconcile(deps);
    await disconnectNow(deps, 'alex.admin@example.com');
    deps.clock.advance(DISASSOCIATE_MS);
    await reconcile(deps);
    expect(extraRoutesOf(await deps.simulator.describeRoutes())).toEqual([]);

    deps.advanceMinutes(1);
    await connect(deps, 'kenji');
    deps.clock.advance(ASSOCIATE_MS);
    await reconcile(deps);
    expect(extraRoutesOf(await deps.simulator.describeRoutes())).toEqual(['0.0.0.0/0']);
  });

  it('does not read routes when none are configured', async () => {
    const deps = testCoreDeps();
    await reconcile(deps);
    expect(deps.vpn.calls.describeRoutes).toBe(0);
  });
});

describe('reconcile: session lifecycle', () => {
  it('records when the VPN became ready, who connected and the peak of connections', async () => {
    const deps = testCoreDeps();
    await connect(deps, 'mina');
    deps.clock.advance(ASSOCIATE_MS);
    await reconcile(deps);
    const readyAt = deps.clock.now().toISOString();
    const a = deps.simulator.connectClient('kenji');
    deps.simulator.connectClient('sora');
    deps.advanceMinutes(5);
    await reconcile(deps);
    deps.simulator.disconnectClient(a.connectionId);
    deps.advanceMinutes(5);
    await reconcile(deps);

    expect(await deps.store.getOpen()).toMatchObject({
      startedBy: 'mina',
      readyAt,
      users: ['mina', 'kenji', 'sora'],
      peakConnections: 2,
    });
  });

  it('ends the session as failed when the association failed, keeping AWS words', async () => {
    const deps = testCoreDeps({ policy: { subnetIds: [SUBNET] } });
    deps.simulator.failNextAssociation('The subnet has no free addresses.');
    await connect(deps, 'mina');
    deps.clock.advance(ASSOCIATE_MS);
    const live = await reconcile(deps);

    expect(live.state).toBe('error');
    expect(await deps.store.recent(1)).toEqual([
      expect.objectContaining({
        endReason: 'failed',
        failure: 'The subnet has no free addresses.',
      }),
    ]);
  });

  it('ends the session as external when someone removed the association outside the portal', async () => {
    const deps = testCoreDeps();
    await connect(deps, 'mina');
    deps.clock.advance(ASSOCIATE_MS);
    await reconcile(deps);
    deps.advanceMinutes(10);
    for (const association of await deps.simulator.describeAssociations()) {
      await deps.simulator.disassociate(association.associationId);
    }
    deps.clock.advance(DISASSOCIATE_MS);
    const live = await reconcile(deps);

    expect(live.state).toBe('off');
    expect(await deps.store.recent(1)).toEqual([
      expect.objectContaining({ endReason: 'external' }),
    ]);
  });

  it('opens a session for an association made outside the portal', async () => {
    const deps = testCoreDeps();
    await deps.simulator.associate(SUBNET, 'console');
    const live = await reconcile(deps);
    expect(live.state).toBe('starting');
    expect(live.session).toMatchObject({ startedBy: 'external', users: [] });
  });

  it('ends sessions with the reasons idle and admin', async () => {
    const deps = testCoreDeps();
    await connect(deps, 'mina');
    deps.clock.advance(ASSOCIATE_MS);
    deps.advanceMinutes(31);
    await autoDisconnect(deps, 'alarm');
    deps.clock.advance(DISASSOCIATE_MS);
    deps.advanceMinutes(1);
    await connect(deps, 'kenji');
    deps.clock.advance(ASSOCIATE_MS);
    await disconnectNow(deps, 'alex.admin@example.com');

    expect((await deps.store.recent(2)).map((s) => [s.startedBy, s.endReason])).toEqual([
      ['kenji', 'admin'],
      ['mina', 'idle'],
    ]);
  });

  it('makes the associations of a start whose opener died, once it has had its chance', async () => {
    const deps = testCoreDeps();
    // The opener took the lock, then its Lambda ended before any Associate call.
    await deps.store.open(
      newSession({ startedBy: 'mina', now: deps.clock.now(), subnetCount: TEST_SUBNETS.length }),
    );

    deps.clock.advance(STALLED_START_MS - 1_000);
    expect((await reconcile(deps)).state).toBe('off');
    expect(deps.vpn.calls.associate).toBe(0);

    deps.clock.advance(1_000);
    const live = await reconcile(deps);
    expect(live.state).toBe('starting');
    expect(deps.vpn.calls.associate).toBe(TEST_SUBNETS.length);
  });
});

describe('needsReconcile: a read that has nothing to write', () => {
  async function readyAndRecorded() {
    const deps = testCoreDeps({ policy: { extraRoutes: [fullTunnel] } });
    await connect(deps, 'mina');
    deps.clock.advance(ASSOCIATE_MS);
    await reconcile(deps);
    return deps;
  }

  it('is false once the session has recorded what the endpoint shows', async () => {
    const deps = await readyAndRecorded();
    const live = await readLiveState(deps);
    expect(needsReconcile(live, deps.policy, deps.clock.now())).toBe(false);
  });

  it('is true for a connection the session has not recorded yet', async () => {
    const deps = await readyAndRecorded();
    deps.simulator.connectClient('jun');
    const live = await readLiveState(deps);
    expect(needsReconcile(live, deps.policy, deps.clock.now())).toBe(true);
  });

  it('is true for a configured route that the endpoint lost', async () => {
    const deps = testCoreDeps({ policy: { extraRoutes: [fullTunnel] } });
    await connect(deps, 'mina');
    deps.clock.advance(ASSOCIATE_MS);
    await reconcile({ ...deps, policy: { ...deps.policy, extraRoutes: [] } });
    const live = await readLiveState(deps);
    expect(needsReconcile(live, deps.policy, deps.clock.now())).toBe(true);
  });

  it('is true for a connect queued while stopping, once stopping has ended', async () => {
    const deps = await readyAndRecorded();
    deps.advanceMinutes(31);
    await autoDisconnect(deps, 'alarm');
    await connect(deps, 'kenji');
    deps.clock.advance(DISASSOCIATE_MS);
    const live = await readLiveState(deps);
    expect(live.state).toBe('off');
    expect(needsReconcile(live, deps.policy, deps.clock.now())).toBe(true);
  });

  it('is true for an association made outside the portal, which needs a session', async () => {
    const deps = testCoreDeps();
    await deps.simulator.associate(SUBNET, 'console');
    const live = await readLiveState(deps);
    expect(needsReconcile(live, deps.policy, deps.clock.now())).toBe(true);
  });
});
