import type { Clock } from '../ports/clock.js';

/**
 * One load answers every read of a window, and concurrent reads share the load in flight.
 * The portal keeps the recent sessions behind it (the typical time to ready); the status
 * itself is the fleet-wide snapshot (shared-status.ts). A failure is kept for a shorter
 * window: long enough not to hammer a struggling store, short enough to heal quickly.
 */
export class StatusCache<T> {
  private entry: { at: number; ttlMs: number; result: Promise<T> } | null = null;

  constructor(
    private readonly load: () => Promise<T>,
    private readonly clock: Clock,
    private readonly ttlMs: number,
    private readonly failureTtlMs: number = Math.min(ttlMs, 1_000),
  ) {}

  get(): Promise<T> {
    const now = this.clock.now().getTime();
    if (this.entry && now - this.entry.at < this.entry.ttlMs) return this.entry.result;
    const result = this.load();
    const entry = { at: now, ttlMs: this.ttlMs, result };
    this.entry = entry;
    // A slow read must not be judged fresh from when it started.
    const settled = (ttlMs: number) => () => {
      if (this.entry !== entry) return;
      entry.at = this.clock.now().getTime();
      entry.ttlMs = ttlMs;
    };
    result.then(settled(this.ttlMs), settled(this.failureTtlMs));
    return result;
  }

  /** After a connect or disconnect the next poll must see the change. */
  invalidate(): void {
    this.entry = null;
  }
}
