import { describe, expect, it } from 'vitest';
import { SessionConflictError } from '../../core/model/errors.js';
import { newSessionId } from '../../core/model/session-lifecycle.js';
import type { VpnSession } from '../../core/model/vocabulary.js';
import type { SessionStore } from '../../ports/session-store.js';

/**
 * The behaviour every SessionStore must show, run against the in-memory store and against
 * DynamoDB (dynalite). `makeStore` must return an empty store each time it is called.
 */
export function sessionStoreContract(
  name: string,
  makeStore: () => SessionStore | Promise<SessionStore>,
): void {
  describe(`${name} honours the SessionStore contract`, () => {
    it('has no open session when empty', async () => {
      const store = await makeStore();

      await expect(store.getOpen()).resolves.toBeNull();
      await expect(store.recent(10)).resolves.toEqual([]);
    });

    it('opens a session when none is open', async () => {
      const store = await makeStore();
      const candidate = session('2026-11-29T09:00:00Z');

      const result = await store.open(candidate);

      expect(result).toEqual({ session: candidate, created: true });
      await expect(store.getOpen()).resolves.toEqual(candidate);
    });

    it('keeps each connection’s traffic checkpoint and why the portal ended it, in order', async () => {
      const store = await makeStore();
      const opened = session('2026-11-29T09:00:00Z');
      await store.open(opened);
      const tracked: VpnSession = {
        ...opened,
        connections: [
          {
            connectionId: 'cvpn-connection-0aaa',
            user: 'lee',
            connectedAt: '2026-11-29T09:05:00.000Z',
            endedAt: null,
            checkpoint: {
              ingressBytes: 9_007_199_254,
              egressBytes: 0,
              at: '2026-11-29T09:20:00.000Z',
            },
            lastTrafficAt: '2026-11-29T09:15:00.000Z',
          },
          {
            connectionId: 'cvpn-connection-0bbb',
            user: 'kim',
            connectedAt: '2026-11-29T09:06:00.000Z',
            endedAt: '2026-11-29T10:30:00.000Z',
            checkpoint: { ingressBytes: 600, egressBytes: 600, at: '2026-11-29T10:25:00.000Z' },
            lastTrafficAt: '2026-11-29T09:25:00.000Z',
            endedFor: 'no-traffic',
            quietMinutes: 60,
          },
        ],
      };

      await store.save(tracked);

      const read = await store.getOpen();
      expect(read).toEqual({ ...tracked, revision: 1 });
      // Same keys in the same order: the core compares sessions as JSON (sessionsEqual).
      expect(JSON.stringify(read)).toBe(JSON.stringify({ ...tracked, revision: 1 }));
    });

    it('returns the open session instead of opening a second one', async () => {
      const store = await makeStore();
      const first = session('2026-11-29T09:00:00Z', { startedBy: 'kim' });
      await store.open(first);

      const result = await store.open(session('2026-11-29T09:01:00Z', { startedBy: 'lee' }));

      expect(result).toEqual({ session: first, created: false });
      await expect(store.recent(10)).resolves.toEqual([first]);
    });

    it('lets exactly one of two concurrent opens win; the loser gets the winner', async () => {
      const store = await makeStore();
      const a = session('2026-11-29T09:00:00Z', { startedBy: 'kim' });
      const b = session('2026-11-29T09:00:00Z', { startedBy: 'lee' });

      const [resultA, resultB] = await Promise.all([store.open(a), store.open(b)]);

      expect([resultA.created, resultB.created].sort()).toEqual([false, true]);
      const winner = resultA.created ? a : b;
      expect(resultA.session).toEqual(winner);
      expect(resultB.session).toEqual(winner);
      await expect(store.getOpen()).resolves.toEqual(winner);
      await expect(store.recent(10)).resolves.toEqual([winner]);
    });

    it('saves the changed fields of the open session', async () => {
      const store = await makeStore();
      const opened = session('2026-11-29T09:00:00Z');
      await store.open(opened);
      const ready: VpnSession = {
        ...opened,
        readyAt: '2026-11-29T09:04:30.000Z',
        users: ['kim', 'lee'],
        peakConnections: 2,
        connections: [
          {
            connectionId: 'cvpn-connection-0aaa',
            user: 'lee',
            connectedAt: '2026-11-29T09:05:00.000Z',
            endedAt: null,
          },
        ],
      };

      await store.save(ready);

      await expect(store.getOpen()).resolves.toEqual({ ...ready, revision: 1 });
      await expect(store.recent(1)).resolves.toEqual([{ ...ready, revision: 1 }]);
    });

    it('refuses a save based on an older read, so concurrent changes are never lost', async () => {
      const store = await makeStore();
      const opened = session('2026-11-29T09:00:00Z');
      await store.open(opened);
      const first = await store.getOpen();
      const second = await store.getOpen();
      if (!first || !second) throw new Error('expected the open session');

      await store.save({ ...first, users: ['kim', 'lee'] });

      await expect(store.save({ ...second, users: ['kim', 'park'] })).rejects.toBeInstanceOf(
        SessionConflictError,
      );
      await expect(store.getOpen()).resolves.toMatchObject({ users: ['kim', 'lee'], revision: 1 });
    });

    it('records concurrent connect requests atomically, every user kept, time never back', async () => {
      const store = await makeStore();
      const opened = session('2026-11-29T09:00:00Z');
      await store.open(opened);
      const users = ['lee', 'park', 'choi', 'kim', 'jung'];

      await Promise.all(
        users.map((user, i) =>
          store.recordConnectRequest(opened.id, user, new Date(Date.UTC(2026, 10, 29, 9, 5 - i))),
        ),
      );

      const open = await store.getOpen();
      expect([...(open?.users ?? [])].sort()).toEqual([...users].sort());
      expect(open?.lastConnectRequestAt).toBe('2026-11-29T09:05:00.000Z');
      expect(open?.revision).toBeGreaterThan(0);
      // A copy read before the requests can no longer overwrite them.
      await expect(store.save({ ...opened, users: ['kim'] })).rejects.toBeInstanceOf(
        SessionConflictError,
      );
    });

    it('records the first connect request on a session adopted from outside (no request yet)', async () => {
      const store = await makeStore();
      const adopted = session('2026-11-29T09:00:00Z', {
        startedBy: 'external',
        users: [],
        lastConnectRequestAt: null,
      });
      await store.open(adopted);
      await expect(store.getOpen()).resolves.toMatchObject({ lastConnectRequestAt: null });

      await store.recordConnectRequest(adopted.id, 'kim', new Date('2026-11-29T09:20:00Z'));

      await expect(store.getOpen()).resolves.toMatchObject({
        users: ['kim'],
        lastConnectRequestAt: '2026-11-29T09:20:00.000Z',
      });
    });

    it('leaves an ended session alone when a late connect request arrives', async () => {
      const store = await makeStore();
      const opened = session('2026-11-29T09:00:00Z');
      await store.open(opened);
      await store.close(asEnded(opened, '2026-11-29T10:00:00.000Z'));

      await store.recordConnectRequest(opened.id, 'late', new Date('2026-11-29T10:01:00Z'));

      const [ended] = await store.recent(1);
      expect(ended?.users).toEqual(['kim']);
      expect(ended?.lastConnectRequestAt).toBe('2026-11-29T09:00:00.000Z');
    });

    it('refuses to save over a session that has ended', async () => {
      const store = await makeStore();
      const opened = session('2026-11-29T09:00:00Z');
      await store.open(opened);
      const stale = await store.getOpen();
      if (!stale) throw new Error('expected the open session');
      await store.close(asEnded(opened, '2026-11-29T10:00:00.000Z'));

      await expect(store.save({ ...stale, revision: 1 })).rejects.toBeInstanceOf(
        SessionConflictError,
      );
      await expect(store.recent(1)).resolves.toMatchObject([{ endReason: 'idle' }]);
    });

    it('closes a session: stores how it ended and releases the lock for the next one', async () => {
      const store = await makeStore();
      const opened = session('2026-11-29T09:00:00Z');
      await store.open(opened);
      const ended = asEnded(opened, '2026-11-29T10:00:00.000Z');

      await store.close(ended);

      await expect(store.getOpen()).resolves.toBeNull();
      await expect(store.recent(1)).resolves.toEqual([{ ...ended, revision: 1 }]);
      const next = session('2026-11-29T11:00:00Z');
      await expect(store.open(next)).resolves.toEqual({ session: next, created: true });
    });

    it('does not release the lock of a newer session when an old one is closed again', async () => {
      const store = await makeStore();
      const old = session('2026-11-29T09:00:00Z');
      await store.open(old);
      await store.close(asEnded(old, '2026-11-29T10:00:00.000Z'));
      const current = session('2026-11-29T11:00:00Z');
      await store.open(current);

      // Closing it again is a conflict (it has ended): nothing is written, the lock stays.
      await expect(store.close(asEnded(old, '2026-11-29T10:00:00.000Z'))).rejects.toBeInstanceOf(
        SessionConflictError,
      );

      await expect(store.getOpen()).resolves.toEqual(current);
    });

    it('lets exactly one of two closers of the same copy win', async () => {
      const store = await makeStore();
      const opened = session('2026-11-29T09:00:00Z');
      await store.open(opened);
      const read = await store.getOpen();
      if (!read) throw new Error('expected the open session');

      const outcomes = await Promise.allSettled([
        store.close(asEnded(read, '2026-11-29T10:00:00.000Z')),
        store.close({ ...asEnded(read, '2026-11-29T10:00:01.000Z'), endReason: 'admin' }),
      ]);

      expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
      const loser = outcomes.find((o) => o.status === 'rejected');
      expect(loser?.status === 'rejected' && loser.reason).toBeInstanceOf(SessionConflictError);
      await expect(store.getOpen()).resolves.toBeNull();
      await expect(store.recent(5)).resolves.toHaveLength(1);
    });

    it('refuses to close a copy read before a connect was queued on it', async () => {
      const store = await makeStore();
      const opened = session('2026-11-29T09:00:00Z');
      await store.open(opened);
      const closersCopy = await store.getOpen();
      if (!closersCopy) throw new Error('expected the open session');
      const queued = {
        ...closersCopy,
        queuedConnect: { by: 'lee', at: '2026-11-29T09:40:00.000Z' },
      };
      await store.save(queued);

      await expect(
        store.close(asEnded(closersCopy, '2026-11-29T09:40:01.000Z')),
      ).rejects.toBeInstanceOf(SessionConflictError);

      await expect(store.getOpen()).resolves.toMatchObject({ queuedConnect: { by: 'lee' } });
    });

    it('lists recent sessions newest first, up to the limit', async () => {
      const store = await makeStore();
      const sessions = ['2026-11-27T09:00:00Z', '2026-11-28T09:00:00Z', '2026-11-29T09:00:00Z'].map(
        (start) => session(start),
      );
      for (const item of sessions) {
        await store.open(item);
        await store.close(
          asEnded(item, new Date(Date.parse(item.startedAt) + 3_600_000).toISOString()),
        );
      }
      const [first, second, third] = sessions.map((item) => item.id);

      const recent = await store.recent(2);

      expect(recent.map((item) => item.id)).toEqual([third, second]);
      expect((await store.recent(10)).map((item) => item.id)).toEqual([third, second, first]);
    });

    it('finds sessions overlapping a moment: still open or ended since, oldest first', async () => {
      const store = await makeStore();
      const endedBefore = session('2026-11-01T08:00:00Z');
      const endedAfter = session('2026-11-01T09:00:00Z');
      const stillOpen = session('2026-11-01T12:00:00Z');
      await store.open(endedBefore);
      await store.close(asEnded(endedBefore, '2026-11-01T08:30:00.000Z'));
      await store.open(endedAfter);
      await store.close(asEnded(endedAfter, '2026-11-01T10:30:00.000Z'));
      await store.open(stillOpen);

      const overlapping = await store.overlapping(new Date('2026-11-01T10:00:00Z'));

      expect(overlapping.map((item) => item.id)).toEqual([endedAfter.id, stillOpen.id]);
    });

    it('counts a session that ended exactly at the moment as overlapping it', async () => {
      const store = await makeStore();
      const item = session('2026-11-01T09:00:00Z');
      await store.open(item);
      await store.close(asEnded(item, '2026-11-01T10:00:00.000Z'));

      const overlapping = await store.overlapping(new Date('2026-11-01T10:00:00.000Z'));

      expect(overlapping.map((found) => found.id)).toEqual([item.id]);
    });

    it('hands out copies: changing a returned session changes nothing stored', async () => {
      const store = await makeStore();
      const opened = session('2026-11-29T09:00:00Z');
      await store.open(opened);

      const copy = await store.getOpen();
      copy?.users.push('mallory');

      await expect(store.getOpen()).resolves.toEqual(opened);
    });
  });
}

let counter = 0;

/** A fresh session started at `startIso`, with an id in the core's sortable format. */
export function session(startIso: string, overrides: Partial<VpnSession> = {}): VpnSession {
  counter += 1;
  const start = new Date(startIso);
  return {
    id: newSessionId(start, `${counter.toString(16).padStart(8, '0')}`),
    startedBy: 'kim',
    startedAt: start.toISOString(),
    readyAt: null,
    endedAt: null,
    endReason: null,
    users: [overrides.startedBy ?? 'kim'],
    peakConnections: 0,
    connections: [],
    subnetCount: 2,
    lastConnectRequestAt: start.toISOString(),
    queuedConnect: null,
    failure: null,
    revision: 0,
    ...overrides,
  };
}

function asEnded(item: VpnSession, endedAt: string): VpnSession {
  return { ...item, endedAt, endReason: 'idle' };
}

/**
 * Issue 18: two endpoints' stores over the same storage (`makePair`: the first endpoint's and
 * another's) never see each other's sessions or lock, so a connect storm on one never waits
 * on the other.
 */
export function endpointSessionsContract(
  name: string,
  makePair: () => Promise<[SessionStore, SessionStore]>,
): void {
  describe(`${name}: two endpoints' sessions`, () => {
    it("opens a session on each endpoint at once: one endpoint's lock leaves the other free", async () => {
      const [seoul, staging] = await makePair();
      const seoulSession = session('2026-11-29T09:00:00Z');
      const stagingSession = session('2026-11-29T09:00:00Z');

      const results = await Promise.all([seoul.open(seoulSession), staging.open(stagingSession)]);

      expect(results.map((result) => result.created)).toEqual([true, true]);
      await expect(seoul.getOpen()).resolves.toEqual(seoulSession);
      await expect(staging.getOpen()).resolves.toEqual(stagingSession);
    });

    it("keeps each endpoint's history and requests to itself, and closes one alone", async () => {
      const [seoul, staging] = await makePair();
      const opened = session('2026-11-29T09:00:00Z');
      await seoul.open(opened);
      await seoul.recordConnectRequest(opened.id, 'lee', new Date('2026-11-29T09:01:00Z'));
      const other = session('2026-11-29T09:05:00Z');
      await staging.open(other);

      await expect(staging.recent(10)).resolves.toEqual([other]);
      await expect(staging.overlapping(new Date('2026-11-01T00:00:00Z'))).resolves.toEqual([other]);
      await staging.close({ ...other, endedAt: '2026-11-29T10:00:00.000Z', endReason: 'idle' });

      await expect(staging.getOpen()).resolves.toBeNull();
      await expect(seoul.getOpen()).resolves.toMatchObject({
        id: opened.id,
        users: ['kim', 'lee'],
      });
    });
  });
}
