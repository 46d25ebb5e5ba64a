import type { Clock } from '../ports/clock.js';

/**
 * Every open page polls the status. A warm Lambda answers all polls of one window from one
 * read, and concurrent polls share the read in flight, so EC2 sees at most one set of
 * Describe calls per window. Failures are kept for the window too, so a throttled API is
 * not hammered harder.
 */
export class StatusCache<T> {
  private entry: { at: number; result: Promise<T> } | null = null;

  constructor(
    private readonly load: () => Promise<T>,
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {}

  get(): Promise<T> {
    const now = this.clock.now().getTime();
    if (this.entry && now - this.entry.at < this.ttlMs) return this.entry.result;
    const result = this.load();
    const entry = { at: now, result };
    this.entry = entry;
    // A slow read must not be judged fresh from when it started.
    result.then(
      () => {
        if (this.entry === entry) entry.at = this.clock.now().getTime();
      },
      () => {},
    );
    return result;
  }

  /** After a connect or disconnect the next poll must see the change. */
  invalidate(): void {
    this.entry = null;
  }
}
