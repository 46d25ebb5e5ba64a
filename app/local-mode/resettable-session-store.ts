import type { VpnSession } from '../core/model/vocabulary.js';
import type { SessionStore } from '../ports/session-store.js';

/**
 * The portal holds on to one store object for its lifetime; the simulator's "reset
 * everything" swaps the store behind it for a fresh one.
 */
export class ResettableSessionStore implements SessionStore {
  private inner: SessionStore;

  constructor(private readonly createStore: () => SessionStore) {
    this.inner = createStore();
  }

  reset(): void {
    this.inner = this.createStore();
  }

  getOpen(): Promise<VpnSession | null> {
    return this.inner.getOpen();
  }

  open(candidate: VpnSession): Promise<{ session: VpnSession; created: boolean }> {
    return this.inner.open(candidate);
  }

  save(session: VpnSession): Promise<void> {
    return this.inner.save(session);
  }

  recordConnectRequest(sessionId: string, userId: string, at: Date): Promise<void> {
    return this.inner.recordConnectRequest(sessionId, userId, at);
  }

  close(session: VpnSession): Promise<void> {
    return this.inner.close(session);
  }

  recent(limit: number): Promise<VpnSession[]> {
    return this.inner.recent(limit);
  }

  overlapping(since: Date): Promise<VpnSession[]> {
    return this.inner.overlapping(since);
  }
}
