import { describe, expect, it } from 'vitest';
import type { StatusSnapshotStore } from '../../ports/status-snapshots.js';
import { statusViewIn as view } from '../../testing/status-views.js';

/**
 * The behaviour every StatusSnapshotStore must show, run against the in-memory store and
 * against DynamoDB (dynalite). `makeStore` must return an empty store each time. The rules
 * built on it (who refreshes, what a poll answers, how old is too old) are the core's and
 * are tested against both stores in app/core/shared-status.test.ts.
 */
export function statusSnapshotsContract(
  name: string,
  makeStore: () => StatusSnapshotStore | Promise<StatusSnapshotStore>,
): void {
  const T0 = Date.parse('2026-03-02T09:00:00Z');
  const at = (seconds: number) => new Date(T0 + seconds * 1000);
  const FRESH_S = 3;
  const GRACE_S = 1;
  const LEASE_S = 10;
  const leaseAt = (holder: string, seconds: number) => ({
    holder,
    now: at(seconds),
    until: at(seconds + LEASE_S),
    staleBefore: at(seconds - FRESH_S),
    graceBefore: at(seconds - FRESH_S - GRACE_S),
  });

  describe(`${name} honours the StatusSnapshotStore contract`, () => {
    it('reads as empty before anything was stored', async () => {
      const store = await makeStore();

      await expect(store.read()).resolves.toEqual({
        snapshot: null,
        refresher: null,
        lease: null,
        failures: 0,
        retryAt: null,
        lastFailure: null,
      });
    });

    it('gives the lease to exactly one of two instances racing for it', async () => {
      const store = await makeStore();

      const [a, b] = await Promise.all([
        store.lease(leaseAt('instance-a', 0)),
        store.lease(leaseAt('instance-b', 0)),
      ]);

      expect([a, b].filter((record) => record !== null)).toHaveLength(1);
      const winner = a ? 'instance-a' : 'instance-b';
      expect((a ?? b)?.lease).toEqual({ holder: winner, until: at(LEASE_S) });
      expect((await store.read()).lease).toEqual({ holder: winner, until: at(LEASE_S) });
    });

    it('publishes a snapshot with its time and frees the lease', async () => {
      const store = await makeStore();
      await store.lease(leaseAt('instance-a', 0));

      await expect(
        store.publish({ view: view('ready'), readAt: at(0) }, 'instance-a'),
      ).resolves.toBe(true);

      await expect(store.read()).resolves.toEqual({
        snapshot: { view: view('ready'), readAt: at(0) },
        refresher: 'instance-a',
        lease: null,
        failures: 0,
        retryAt: null,
        lastFailure: null,
      });
    });

    it('refuses the lease while the snapshot is fresh, and grants it once it is stale', async () => {
      const store = await makeStore();
      await store.publish({ view: view('ready'), readAt: at(0) }, 'instance-a');

      await expect(store.lease(leaseAt('instance-a', FRESH_S - 0.001))).resolves.toBeNull();
      const leased = await store.lease(leaseAt('instance-a', FRESH_S));

      expect(leased?.snapshot).toEqual({ view: view('ready'), readAt: at(0) });
      expect(leased?.lease?.holder).toBe('instance-a');
    });

    it('leaves the refresh to the instance that stored the snapshot until its turn lapses', async () => {
      const store = await makeStore();
      await store.publish({ view: view('ready'), readAt: at(0) }, 'instance-a');

      await expect(
        store.lease(leaseAt('instance-b', FRESH_S + GRACE_S - 0.001)),
      ).resolves.toBeNull();
      await expect(store.lease(leaseAt('instance-a', FRESH_S))).resolves.toMatchObject({
        lease: { holder: 'instance-a' },
      });
    });

    it('gives the refresh to another once the refresher’s turn has lapsed', async () => {
      const store = await makeStore();
      await store.publish({ view: view('ready'), readAt: at(0) }, 'instance-a');

      await expect(store.lease(leaseAt('instance-b', FRESH_S + GRACE_S))).resolves.toMatchObject({
        lease: { holder: 'instance-b' },
      });
    });

    it('keeps the lease of a holder that died until it lapses, then gives it to another', async () => {
      const store = await makeStore();
      await store.lease(leaseAt('dies', 0)); // and never reports back

      await expect(store.lease(leaseAt('instance-b', LEASE_S - 0.001))).resolves.toBeNull();
      const taken = await store.lease(leaseAt('instance-b', LEASE_S));

      expect(taken?.lease).toEqual({ holder: 'instance-b', until: at(2 * LEASE_S) });
    });

    it('never lets an older read replace a newer one', async () => {
      const store = await makeStore();
      await store.publish({ view: view('ready'), readAt: at(5) }, 'instance-a');

      // A holder that died mid-read, coming back after someone else refreshed.
      await expect(store.publish({ view: view('off'), readAt: at(1) }, 'instance-a')).resolves.toBe(
        false,
      );
      await expect(store.publish({ view: view('off'), readAt: at(5) }, 'instance-a')).resolves.toBe(
        false,
      );

      expect((await store.read()).snapshot).toEqual({ view: view('ready'), readAt: at(5) });
    });

    it('holds refreshes off after a failure until the backoff ends, keeping the snapshot', async () => {
      const store = await makeStore();
      await store.publish({ view: view('ready'), readAt: at(0) }, 'instance-a');
      await store.lease(leaseAt('instance-a', 4));

      await store.fail('instance-a', { code: 'aws_throttled', failures: 1, retryAt: at(6) });

      await expect(store.read()).resolves.toEqual({
        snapshot: { view: view('ready'), readAt: at(0) },
        refresher: null,
        lease: null,
        failures: 1,
        retryAt: at(6),
        lastFailure: 'aws_throttled',
      });
      await expect(store.lease(leaseAt('instance-b', 5.999))).resolves.toBeNull();
      const next = await store.lease(leaseAt('instance-b', 6));
      expect(next).toMatchObject({ failures: 1, lease: { holder: 'instance-b' } });
    });

    it('ignores a failure reported by an instance whose lease was taken over', async () => {
      const store = await makeStore();
      await store.lease(leaseAt('slow', 0));
      await store.lease(leaseAt('instance-b', LEASE_S));

      await store.fail('slow', { code: 'aws_unavailable', failures: 1, retryAt: at(60) });

      const record = await store.read();
      expect(record.lease?.holder).toBe('instance-b');
      expect(record.retryAt).toBeNull();
    });

    it('clears the failures when a refresh succeeds', async () => {
      const store = await makeStore();
      await store.lease(leaseAt('instance-a', 0));
      await store.fail('instance-a', { code: 'aws_throttled', failures: 3, retryAt: at(2) });

      await store.publish({ view: view('off'), readAt: at(2) }, 'instance-a');

      expect(await store.read()).toMatchObject({ failures: 0, retryAt: null, lastFailure: null });
    });
  });
}

/**
 * Issue 18: two endpoints' snapshots over the same storage (`makePair`: the first endpoint's
 * and another's) are separate records: each its own snapshot, lease and backoff.
 */
export function endpointSnapshotsContract(
  name: string,
  makePair: () => Promise<[StatusSnapshotStore, StatusSnapshotStore]>,
): void {
  describe(`${name}: two endpoints' snapshots`, () => {
    it("leases, publishes and backs off each endpoint's snapshot on its own", async () => {
      const [seoul, staging] = await makePair();
      const readAt = new Date('2026-03-02T09:00:00Z');
      const lease = {
        holder: 'instance-a',
        now: readAt,
        until: new Date(readAt.getTime() + 10_000),
        staleBefore: new Date(readAt.getTime() - 3_000),
        graceBefore: new Date(readAt.getTime() - 4_000),
      };

      expect(await seoul.lease(lease)).not.toBeNull();
      // Seoul's lease does not hold Staging's refresh back.
      expect(await staging.lease(lease)).not.toBeNull();
      await seoul.publish({ view: view('ready'), readAt }, 'instance-a');
      await staging.fail('instance-a', {
        code: 'aws_throttled',
        failures: 1,
        retryAt: new Date(readAt.getTime() + 2_000),
      });

      expect((await seoul.read()).snapshot).toEqual({ view: view('ready'), readAt });
      expect(await seoul.read()).toMatchObject({ failures: 0, retryAt: null, lease: null });
      expect(await staging.read()).toMatchObject({
        snapshot: null,
        failures: 1,
        lastFailure: 'aws_throttled',
      });
    });
  });
}
