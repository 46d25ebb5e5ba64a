import type { VpnSession } from '../core/model/vocabulary.js';
import type { SessionStore } from '../ports/session-store.js';

type StoreCall = keyof SessionStore;

export interface Hold {
  /** Resolves once the held call has arrived (and waits). */
  reached: Promise<void>;
  /** Lets the held call go on to the real store. */
  release(): void;
}

interface PendingHold {
  call: StoreCall;
  skip: number;
  arrive: () => void;
  released: Promise<void>;
}

/**
 * A session store that can hold a caller at a chosen call, so a test can run another
 * caller to completion in between: a race between two use cases, replayed step by step
 * against any store (in memory or DynamoDB on dynalite) with no timing involved.
 */
export class SteppedSessionStore implements SessionStore {
  private holds: PendingHold[] = [];

  constructor(private readonly inner: SessionStore) {}

  /** Holds the next call of `call` that comes after `skip` others of it. */
  holdNext(call: StoreCall, skip = 0): Hold {
    let arrive = () => {};
    let release = () => {};
    const reached = new Promise<void>((resolve) => {
      arrive = resolve;
    });
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.holds.push({ call, skip, arrive, released });
    return { reached, release };
  }

  getOpen(): Promise<VpnSession | null> {
    return this.pass('getOpen', () => this.inner.getOpen());
  }

  open(candidate: VpnSession): Promise<{ session: VpnSession; created: boolean }> {
    return this.pass('open', () => this.inner.open(candidate));
  }

  save(session: VpnSession): Promise<void> {
    return this.pass('save', () => this.inner.save(session));
  }

  recordConnectRequest(sessionId: string, userId: string, at: Date): Promise<void> {
    return this.pass('recordConnectRequest', () =>
      this.inner.recordConnectRequest(sessionId, userId, at),
    );
  }

  close(session: VpnSession): Promise<void> {
    return this.pass('close', () => this.inner.close(session));
  }

  recent(limit: number): Promise<VpnSession[]> {
    return this.pass('recent', () => this.inner.recent(limit));
  }

  overlapping(since: Date): Promise<VpnSession[]> {
    return this.pass('overlapping', () => this.inner.overlapping(since));
  }

  private async pass<T>(call: StoreCall, next: () => Promise<T>): Promise<T> {
    const hold = this.holds.find((candidate) => candidate.call === call);
    if (hold) {
      if (hold.skip > 0) {
        hold.skip -= 1;
      } else {
        this.holds.splice(this.holds.indexOf(hold), 1);
        hold.arrive();
        await hold.released;
      }
    }
    return next();
  }
}
