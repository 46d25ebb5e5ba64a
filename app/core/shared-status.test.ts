import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { StatusSnapshotStore } from '../ports/status-snapshots.js';
import { testClock } from '../testing/core-deps.js';
import { type DynaliteFixture, startDynalite } from '../testing/dynalite.js';
import { statusSnapshotStoresUnderTest } from '../testing/status-snapshot-stores.js';
import { statusViewIn } from '../testing/status-views.js';
import { AwsCallError } from './model/errors.js';
import type { VpnState } from './model/vocabulary.js';
import { DEFAULT_SNAPSHOT_TIMING, SharedStatus } from './shared-status.js';

/*
 * The fleet-wide status snapshot (issue 15): several portal instances (one SharedStatus
 * each, as each Lambda environment has) sharing one store, against both stores.
 */

let dynalite: DynaliteFixture;
beforeAll(async () => {
  dynalite = await startDynalite();
});
afterAll(async () => {
  await dynalite?.stop();
});

const { freshMs, maxAgeMs, leaseMs } = DEFAULT_SNAPSHOT_TIMING;

/** EC2 as the refreshes see it: what it shows, whether it throttles, and how often it was read. */
function fakeEndpoint() {
  let state: VpnState = 'ready';
  let failure: Error | null = null;
  let held: Promise<void> | null = null;
  let hangNext = false;
  let release = () => {};
  const endpoint = {
    reads: 0,
    read: async () => {
      endpoint.reads += 1;
      if (hangNext) {
        hangNext = false;
        await new Promise<void>(() => {});
      }
      if (held) await held;
      if (failure) throw failure;
      return statusViewIn(state);
    },
    show(next: VpnState) {
      state = next;
    },
    throttle(on: boolean) {
      failure = on
        ? new AwsCallError('DescribeClientVpnTargetNetworks', 'throttled', 'slow down')
        : null;
    },
    /** The next reads wait until `release()`: a refresher caught mid-read. */
    hold() {
      held = new Promise<void>((resolve) => {
        release = () => {
          held = null;
          resolve();
        };
      });
    },
    release: () => release(),
    /** The next read never answers: its instance died (crash, Lambda timeout). */
    hangNext() {
      hangNext = true;
    },
  };
  return endpoint;
}

describe.each(statusSnapshotStoresUnderTest(() => dynalite))(
  'the status snapshot, stored %s',
  (_name, makeStore) => {
    async function fleet(size: number) {
      const store: StatusSnapshotStore = await makeStore();
      const clock = testClock();
      const endpoint = fakeEndpoint();
      const instances = Array.from(
        { length: size },
        (_, index) =>
          new SharedStatus({
            snapshots: store,
            clock,
            read: endpoint.read,
            holder: `instance-${index}`,
            sleep: () => new Promise((resolve) => setTimeout(resolve, 2)),
            // No spread of reads unless a test asks: each instance asks once its copy is stale.
            random: () => 0,
          }),
      );
      return { store, clock, endpoint, instances };
    }

    it('reads EC2 once per window for the whole fleet, and answers the rest from the snapshot', async () => {
      const { clock, endpoint, instances } = await fleet(5);
      const [first] = instances;
      await first?.get();

      clock.advance(freshMs - 1);
      const answers = await Promise.all(instances.map((instance) => instance.get()));

      expect(endpoint.reads).toBe(1);
      expect(answers.map((answer) => answer.source)).toEqual([
        'memory',
        'snapshot',
        'snapshot',
        'snapshot',
        'snapshot',
      ]);
    });

    it('lets exactly one of many instances racing at a stale window refresh; the others answer the stored snapshot with its age', async () => {
      const { clock, endpoint, instances } = await fleet(6);
      await Promise.all(instances.map((instance) => instance.get()));
      const firstRead = clock.now();
      const readsBefore = endpoint.reads;
      endpoint.show('off');

      clock.advance(freshMs);
      endpoint.hold();
      let settled = 0;
      const answers = Promise.all(
        instances.map((instance) => instance.get().finally(() => (settled += 1))),
      );
      // Every instance but the refresher answers without waiting for its read.
      await until(() => settled === instances.length - 1);
      endpoint.release();
      const answered = await answers;

      expect(endpoint.reads - readsBefore).toBe(1);
      const refreshed = answered.filter((answer) => answer.source === 'refresh');
      expect(refreshed).toHaveLength(1);
      expect(refreshed[0]?.view.state).toBe('off');
      const others = answered.filter((answer) => answer.source !== 'refresh');
      expect(others.every((answer) => answer.view.state === 'ready')).toBe(true);
      expect(others.every((answer) => answer.asOf.getTime() === firstRead.getTime())).toBe(true);
    });

    it('makes the others wait for the first read when there is no snapshot at all', async () => {
      const { endpoint, instances } = await fleet(4);
      endpoint.hold();

      const answers = Promise.all(instances.map((instance) => instance.get()));
      await until(() => endpoint.reads > 0);
      endpoint.release();

      expect((await answers).map((answer) => answer.view.state)).toEqual(Array(4).fill('ready'));
      expect(endpoint.reads).toBe(1);
    });

    it('answers the stored snapshot while a lease holder that died still holds the lease, then takes over', async () => {
      const { clock, endpoint, instances } = await fleet(2);
      const [dying, survivor] = instances;
      if (!dying || !survivor) throw new Error('two instances');
      await dying.get();
      const firstRead = clock.now();
      clock.advance(freshMs);
      endpoint.hangNext();
      void dying.get(); // takes the lease, starts reading EC2, never answers
      await until(() => endpoint.reads === 2);

      const meanwhile = await survivor.get();
      clock.advance(leaseMs - 1);
      const stillMeanwhile = await survivor.get();
      expect(endpoint.reads).toBe(2);
      // Having seen the lease, the survivor asks the table again a grace period later.
      clock.advance(DEFAULT_SNAPSHOT_TIMING.graceMs);
      const after = await survivor.get();

      expect(meanwhile).toMatchObject({ source: 'snapshot', asOf: firstRead });
      expect(stillMeanwhile.asOf).toEqual(firstRead);
      expect(endpoint.reads).toBe(3);
      expect(after).toMatchObject({ source: 'refresh', asOf: clock.now() });
    });

    it('answers a snapshot older than the threshold as an error, never as the VPN’s state', async () => {
      const { clock, endpoint, instances } = await fleet(1);
      const [instance] = instances;
      if (!instance) throw new Error('one instance');
      await instance.get();
      const firstRead = clock.now();
      endpoint.throttle(true);

      clock.advance(maxAgeMs);
      const lastShown = await instance.get();
      expect(lastShown).toMatchObject({ asOf: firstRead, view: { state: 'ready' } });

      clock.advance(DEFAULT_SNAPSHOT_TIMING.retryMaxMs);
      await expect(instance.get()).rejects.toMatchObject({ code: 'aws_throttled' });
    });

    it('keeps answering the last snapshot with its age while EC2 throttles, and backs its refreshes off', async () => {
      const { clock, endpoint, instances } = await fleet(3);
      await instances[0]?.get();
      const firstRead = clock.now().getTime();
      endpoint.throttle(true);
      const refreshTimes: number[] = [];
      let reads = endpoint.reads;

      // 30 s of throttling, every instance polled every second.
      for (let second = 1; second <= 30; second += 1) {
        clock.advance(1_000);
        const answers = await Promise.all(instances.map((instance) => instance.get()));
        for (const answer of answers) {
          expect(answer.view.state).toBe('ready');
          expect(clock.now().getTime() - answer.asOf.getTime()).toBeLessThanOrEqual(maxAgeMs);
        }
        if (endpoint.reads > reads) refreshTimes.push(clock.now().getTime() - firstRead);
        reads = endpoint.reads;
      }
      endpoint.throttle(false);
      clock.advance(16_000);
      const recovered = await instances[1]?.get();

      // Stale from 3 s; then 2, 4, 8 and 16 s between attempts: 4 refreshes instead of 10.
      expect(refreshTimes).toEqual([3_000, 5_000, 9_000, 17_000]);
      expect(recovered?.source).toBe('refresh');
      expect((await instances[2]?.get())?.source).toBe('snapshot');
    });

    it('reads EC2 at once after invalidate, and falls back to the snapshot if that fails', async () => {
      const { clock, endpoint, instances } = await fleet(1);
      const [instance] = instances;
      if (!instance) throw new Error('one instance');
      const first = await instance.get();

      instance.invalidate();
      clock.advance(500);
      endpoint.show('starting');
      expect((await instance.get()).view.state).toBe('starting');
      expect(endpoint.reads).toBe(2);

      instance.invalidate();
      endpoint.throttle(true);
      clock.advance(1_000);
      const fallback = await instance.get();
      expect(fallback).toMatchObject({ view: { state: 'starting' } });
      expect(fallback.asOf.getTime()).toBeGreaterThan(first.asOf.getTime());
      await expect(instance.refresh()).rejects.toBeInstanceOf(AwsCallError);
    });

    it('answers what it last saw when the snapshot store cannot be read', async () => {
      const { store, clock, endpoint, instances } = await fleet(1);
      await instances[0]?.get(); // stores the snapshot: its own next refresh needs no read
      let broken = false;
      const down = () => Promise.reject(new Error('table down'));
      const flaky: StatusSnapshotStore = {
        read: () => (broken ? down() : store.read()),
        lease: (request) => (broken ? down() : store.lease(request)),
        publish: (snapshot, refresher) => store.publish(snapshot, refresher),
        fail: (holder, failure) => store.fail(holder, failure),
      };
      const instance = new SharedStatus({
        snapshots: flaky,
        clock,
        read: endpoint.read,
        holder: 'another',
        random: () => 0,
      });
      await instance.get();

      broken = true;
      clock.advance(freshMs + DEFAULT_SNAPSHOT_TIMING.graceMs);
      expect((await instance.get()).source).toBe('memory');
      clock.advance(maxAgeMs);
      await expect(instance.get()).rejects.toThrow('table down');
    });

    it('leaves each refresh to the instance that stored the snapshot, which leases beside its read', async () => {
      const { store, clock, endpoint, instances } = await fleet(4);
      const [refresher, ...others] = instances;
      await refresher?.get();
      await Promise.all(others.map((instance) => instance.get()));
      const leases = vi.spyOn(store, 'lease');

      clock.advance(freshMs);
      endpoint.hold();
      const answers = Promise.all(others.map((instance) => instance.get()));
      const refreshed = refresher?.get();
      await until(() => endpoint.reads === 2);
      // The read of EC2 started before the lease came back: one round trip less.
      expect(leases).toHaveBeenCalledTimes(1);
      endpoint.release();

      expect((await refreshed)?.source).toBe('refresh');
      // The others answer their own copy through the refresher's turn: no read, no lease.
      expect((await answers).map((answer) => answer.source)).toEqual(Array(3).fill('memory'));
      expect(leases).toHaveBeenCalledTimes(1);
      expect((await store.read()).refresher).toBe('instance-0');
    });

    it('lets another instance refresh once the refresher has had no poll for the grace period', async () => {
      const { store, clock, endpoint, instances } = await fleet(2);
      const [refresher, other] = instances;
      await refresher?.get();
      await other?.get();

      clock.advance(freshMs + DEFAULT_SNAPSHOT_TIMING.graceMs - 1);
      expect((await other?.get())?.source).toBe('memory');
      expect(endpoint.reads).toBe(1);
      clock.advance(1);
      expect((await other?.get())?.source).toBe('refresh');
      expect((await store.read()).refresher).toBe('instance-1');
    });

    it('leaves the table alone through the refresher’s turn, then spreads the reads', async () => {
      const { store, clock, endpoint } = await fleet(0);
      const reads = vi.spyOn(store, 'read');
      const { graceMs, spreadMs } = DEFAULT_SNAPSHOT_TIMING;
      const spreadAt = (random: number, holder: string) =>
        new SharedStatus({
          snapshots: store,
          clock,
          read: endpoint.read,
          holder,
          random: () => random,
        });
      const early = spreadAt(0.1, 'early');
      const late = spreadAt(0.9, 'late');
      await spreadAt(0, 'refresher').get();
      await Promise.all([early.get(), late.get()]);
      reads.mockClear();

      clock.advance(freshMs + graceMs - 1);
      await Promise.all([early.get(), late.get()]);
      expect(reads).not.toHaveBeenCalled();

      clock.advance(1 + 0.5 * spreadMs);
      await Promise.all([early.get(), late.get()]);
      expect(reads).toHaveBeenCalledTimes(1);
    });
  },
);

async function until(condition: () => boolean): Promise<void> {
  for (let tries = 0; tries < 500 && !condition(); tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  if (!condition()) throw new Error('condition never held');
}
