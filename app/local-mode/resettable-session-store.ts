import { AwsCallError } from '../core/model/errors.js';
import type { VpnSession } from '../core/model/vocabulary.js';
import type { SessionStore } from '../ports/session-store.js';

/**
 * The portal holds on to one store object for its lifetime; the simulator's "reset
 * everything" swaps the store behind it for a fresh one, and its outage control makes
 * every call fail as DynamoDB does when it cannot be reached.
 */
export class ResettableSessionStore implements SessionStore {
  private inner: SessionStore;
  private down = false;

  constructor(private readonly createStore: () => SessionStore) {
    this.inner = createStore();
  }

  reset(): void {
    this.inner = this.createStore();
    this.down = false;
  }

  get unavailable(): boolean {
    return this.down;
  }

  setUnavailable(down: boolean): void {
    this.down = down;
  }

  getOpen(): Promise<VpnSession | null> {
    return this.whenUp(() => this.inner.getOpen());
  }

  open(candidate: VpnSession): Promise<{ session: VpnSession; created: boolean }> {
    return this.whenUp(() => this.inner.open(candidate));
  }

  save(session: VpnSession): Promise<void> {
    return this.whenUp(() => this.inner.save(session));
  }

  recordConnectRequest(sessionId: string, userId: string, at: Date): Promise<void> {
    return this.whenUp(() => this.inner.recordConnectRequest(sessionId, userId, at));
  }

  close(session: VpnSession): Promise<void> {
    return this.whenUp(() => this.inner.close(session));
  }

  recent(limit: number): Promise<VpnSession[]> {
    return this.whenUp(() => this.inner.recent(limit));
  }

  overlapping(since: Date): Promise<VpnSession[]> {
    return this.whenUp(() => this.inner.overlapping(since));
  }

  private whenUp<T>(call: () => Promise<T>): Promise<T> {
    if (!this.down) return call();
    return Promise.reject(
      new AwsCallError(
        'DynamoDB',
        'unavailable',
        'Simulated outage: the sessions table is unreachable.',
      ),
    );
  }
}
