import type { Clock } from '../ports/clock.js';

/**
 * Every open page polls the status. A warm Lambda answers all polls of one window from one
 * read, and concurrent polls share the read in flight, so EC2 sees at most one set of
 * Describe calls per window. A failure is kept for a shorter window: long enough that a
 * throttled API is not hammered by every poll, short enough that an employee's Try again
 * reads AWS afresh.
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
