import { describe, expect, it } from 'vitest';
import { ASSOCIATE_MS, TEST_SUBNETS, testCoreDeps, testNotifier } from '../testing/core-deps.js';
import { withConnectionsRewritten, withoutCounters } from '../testing/rewritten-connections.js';
import { unreadableSessionStore } from '../testing/unreadable-session-store.js';
import { autoDisconnect } from './auto-disconnect.js';
import { connect } from './connect.js';
import type { CoreDeps } from './deps.js';
import { reconcile } from './live-state.js';
import type { VpnPolicy } from './model/policy.js';
import { readStatus } from './status.js';

/**
 * SPEC section 4, rule 11 (issue 14, item 4): a client left connected on a put-away iPad
 * (local mode's `keepalive-only` traffic) is ended by the sweep once it moved no meaningful
 * traffic for the quiet time; the idle rule then turns the VPN off. Someone working never is.
 */

/** The VPN ready at 09:01, emma's client connected and seen by the page's first poll. */
async function connectedClient(policy: Partial<VpnPolicy> = {}) {
  const notifier = testNotifier();
  const deps = { ...testCoreDeps({ policy }), notifier };
  await connect(deps, 'emma');
  deps.clock.advance(ASSOCIATE_MS);
  await reconcile(deps);
  const client = deps.simulator.connectClient('emma@example.com');
  await readStatus(deps);
  const start = deps.clock.now().getTime();
  /** Moves the clock to `minute` after the client connected and runs the 15-minute sweep. */
  const sweepAt = async (minute: number, on: CoreDeps = deps) => {
    deps.clock.advance(start + minute * 60_000 - deps.clock.now().getTime());
    return autoDisconnect(on, 'sweep');
  };
  const status = async () =>
    (await deps.simulator.describeConnections()).find((c) => c.connectionId === client.connectionId)
      ?.status;
  return { deps, notifier, client, sweepAt, status };
}

const QUARTERS = (until: number, from = 15) =>
  Array.from({ length: Math.floor((until - from) / 15) + 1 }, (_, i) => from + i * 15);

describe('a client left connected without traffic', () => {
  it('is ended by the sweep after the quiet time, recorded and told, and the VPN then turns off after the idle timeout', async () => {
    const { deps, notifier, client, sweepAt, status } = await connectedClient();
    deps.advanceMinutes(10); // emma works for ten minutes, then puts the iPad away
    deps.simulator.setClientTraffic(client.connectionId, 'keepalive-only');

    // The sweep at 15 still sees her ten minutes of work; quiet from then on.
    for (const minute of QUARTERS(60)) {
      expect((await sweepAt(minute)).quietEnds.ended, `sweep at ${minute}`).toEqual([]);
      expect(await status()).toBe('active');
    }
    const ending = await sweepAt(75);

    expect(ending.quietEnds.ended).toEqual([
      { connectionId: client.connectionId, user: 'emma@example.com', quietSince: expect.any(Date) },
    ]);
    expect(await status()).toBe('terminated');
    const endedAt = deps.clock.now().toISOString();
    const open = await deps.store.getOpen();
    expect(open?.connections).toEqual([
      expect.objectContaining({
        connectionId: client.connectionId,
        endedAt,
        endedFor: 'no-traffic',
        quietMinutes: 60,
      }),
    ]);
    expect(notifier.sent).toEqual([
      expect.objectContaining({
        kind: 'quiet-connection-ended',
        subject: 'VPN connection of emma@example.com ended: no traffic for 60 min',
        sessionId: open?.id,
      }),
    ]);
    // The end is the last activity: the idle timeout counts from it, not from the tap.
    expect(ending.decision).toMatchObject({ action: 'decline' });
    expect((await readStatus(deps)).autoDisconnectAt).toBe(
      new Date(Date.parse(endedAt) + 30 * 60_000).toISOString(),
    );
    deps.advanceMinutes(29);
    expect((await autoDisconnect(deps, 'alarm')).decision.action).toBe('decline');
    deps.advanceMinutes(2);
    expect((await autoDisconnect(deps, 'alarm')).decision).toMatchObject({
      action: 'disassociate',
    });
    expect((await deps.simulator.describeAssociations()).map((a) => a.status)).toEqual(
      TEST_SUBNETS.map(() => 'disassociating'),
    );
    expect(notifier.sent.map((n) => n.kind)).toEqual(['quiet-connection-ended', 'auto-off']);
  });

  it('never ends someone who keeps working through the same hours', async () => {
    const { notifier, sweepAt, status } = await connectedClient();

    for (const minute of QUARTERS(240)) {
      expect((await sweepAt(minute)).quietEnds.ended).toEqual([]);
    }

    expect(await status()).toBe('active');
    expect(notifier.sent).toEqual([]);
  });

  it('never judges a client quiet while AWS leaves its byte counters out', async () => {
    const { deps, client, sweepAt, status } = await connectedClient();
    deps.simulator.setClientTraffic(client.connectionId, 'keepalive-only');
    const blind = { ...deps, vpn: withConnectionsRewritten(deps.vpn, withoutCounters) };

    for (const minute of QUARTERS(180)) await sweepAt(minute, blind);

    expect(await status()).toBe('active');
    expect(deps.vpn.calls.terminateConnection).toBe(0);
  });

  it('takes counters that went backwards (a reconnect under the same id) as traffic: the quiet time starts again', async () => {
    const { deps, client, sweepAt, status } = await connectedClient();
    deps.simulator.setClientTraffic(client.connectionId, 'keepalive-only');
    let base = 0;
    const reconnected = {
      ...deps,
      vpn: withConnectionsRewritten(deps.vpn, (c) => ({
        ...c,
        ingressBytes: (c.ingressBytes ?? 0) - base,
        egressBytes: (c.egressBytes ?? 0) - base,
      })),
    };
    for (const minute of QUARTERS(45)) await sweepAt(minute, reconnected);
    deps.advanceMinutes(5);
    base = (await deps.simulator.describeConnections())[0]?.ingressBytes ?? 0;

    for (const minute of QUARTERS(105, 60)) {
      expect((await sweepAt(minute, reconnected)).quietEnds.ended, `sweep at ${minute}`).toEqual(
        [],
      );
    }
    expect(await status()).toBe('active');
    expect((await sweepAt(120, reconnected)).quietEnds.ended).toHaveLength(1);
    expect(await status()).toBe('terminated');
  });

  it('keeps the client connected when the sessions table cannot be read', async () => {
    const { deps, client, sweepAt, status } = await connectedClient();
    deps.simulator.setClientTraffic(client.connectionId, 'keepalive-only');
    for (const minute of QUARTERS(45)) await sweepAt(minute);

    const result = await sweepAt(75, { ...deps, store: unreadableSessionStore() });

    expect(result.unreadable).toContain('sessions');
    expect(result.decision.action).toBe('decline');
    expect(await status()).toBe('active');
    expect(deps.vpn.calls.terminateConnection).toBe(0);
  });

  it('tries again on the next sweep when AWS would not end the connection', async () => {
    const { deps, notifier, client, sweepAt, status } = await connectedClient();
    deps.simulator.setClientTraffic(client.connectionId, 'keepalive-only');
    for (const minute of QUARTERS(45)) await sweepAt(minute);
    deps.simulator.injectFault({ kind: 'unavailable', operation: 'terminateConnection' });

    const refused = await sweepAt(60);

    expect(refused.quietEnds).toEqual({
      ended: [],
      failed: [
        { connectionId: client.connectionId, error: expect.stringContaining('Unavailable') },
      ],
    });
    expect(refused.decision.action).toBe('decline');
    expect(await status()).toBe('active');
    expect(notifier.sent).toEqual([]);
    expect((await sweepAt(75)).quietEnds.ended).toHaveLength(1);
    expect(await status()).toBe('terminated');
  });

  it('is left alone by the idle alarm: only the sweep ends connections', async () => {
    const { deps, client, sweepAt, status } = await connectedClient();
    deps.simulator.setClientTraffic(client.connectionId, 'keepalive-only');
    for (const minute of QUARTERS(45)) await sweepAt(minute);
    deps.advanceMinutes(30);

    expect((await autoDisconnect(deps, 'alarm')).decision.action).toBe('decline');
    expect(await status()).toBe('active');
  });

  it('is never ended with the rule off (quietConnectionMinutes 0)', async () => {
    const { deps, client, sweepAt, status } = await connectedClient({ quietConnectionMinutes: 0 });
    deps.simulator.setClientTraffic(client.connectionId, 'keepalive-only');

    for (const minute of QUARTERS(240)) await sweepAt(minute);

    expect(await status()).toBe('active');
  });

  it('follows a longer quiet time', async () => {
    const { deps, client, sweepAt, status } = await connectedClient({ quietConnectionMinutes: 90 });
    deps.simulator.setClientTraffic(client.connectionId, 'keepalive-only');

    for (const minute of QUARTERS(75)) await sweepAt(minute);
    expect(await status()).toBe('active');
    expect((await sweepAt(90)).quietEnds.ended).toHaveLength(1);
    expect((await deps.store.getOpen())?.connections[0]).toMatchObject({ quietMinutes: 90 });
  });
});

describe('the traffic checkpoints', () => {
  it('cost a status poll no write until one is due, then one write', async () => {
    const { deps } = await connectedClient();
    const before = await deps.store.getOpen();

    for (let second = 0; second < 4 * 60; second += 30) {
      deps.clock.advance(30_000);
      await readStatus(deps);
    }
    expect(await deps.store.getOpen()).toEqual(before);

    deps.advanceMinutes(1);
    await readStatus(deps);
    await readStatus(deps);
    const rolled = await deps.store.getOpen();
    expect(rolled?.revision).toBe((before?.revision ?? 0) + 1);
    expect(rolled?.connections[0]?.checkpoint?.at).toBe(deps.clock.now().toISOString());
  });
});
