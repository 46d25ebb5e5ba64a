import type { Clock } from '../../ports/clock.js';

export interface ManualClockOptions {
  /** The simulated time at creation; defaults to the real time. */
  start?: Date;
  /**
   * When true (the default) simulated time also flows with real time, so a demo's
   * associations finish by themselves; tests pass false and only jump with `advance`.
   */
  runsInRealTime?: boolean;
  /** The real time source, replaceable so the real-time mode itself can be tested. */
  realNow?: () => number;
}

export type ClockListener = (now: Date, advancedMs: number) => void;

/**
 * The simulated clock every local adapter shares: simulated now = start + real time elapsed
 * (unless frozen) + everything `advance` added. A 30-minute idle timeout can then be shown
 * and tested in seconds.
 */
export class ManualClock implements Clock {
  private readonly runsInRealTime: boolean;
  private readonly realNow: () => number;
  private readonly startMs: number;
  private readonly realStartMs: number;
  private advancedMs = 0;
  /** Real time spent paused, and when the current pause began (null while running). */
  private pausedTotalMs = 0;
  private pausedSinceMs: number | null = null;
  private readonly listeners = new Set<ClockListener>();

  constructor(options: ManualClockOptions = {}) {
    this.runsInRealTime = options.runsInRealTime ?? true;
    this.realNow = options.realNow ?? Date.now;
    this.realStartMs = this.realNow();
    this.startMs = options.start?.getTime() ?? this.realStartMs;
  }

  now(): Date {
    const realNow = this.pausedSinceMs ?? this.realNow();
    const realElapsed = this.runsInRealTime ? realNow - this.realStartMs - this.pausedTotalMs : 0;
    return new Date(this.startMs + realElapsed + this.advancedMs);
  }

  /**
   * Stops real time from flowing into simulated time (`advance` still moves it), so a test
   * can look at a state that lasts a second, such as `starting`, however slow the machine.
   */
  pause(): void {
    this.pausedSinceMs ??= this.realNow();
  }

  resume(): void {
    if (this.pausedSinceMs === null) return;
    this.pausedTotalMs += this.realNow() - this.pausedSinceMs;
    this.pausedSinceMs = null;
  }

  get paused(): boolean {
    return this.pausedSinceMs !== null;
  }

  /** Total time added by `advance` since creation or the last reset. */
  get totalAdvancedMs(): number {
    return this.advancedMs;
  }

  /** Jumps forward; listeners (the alarm evaluator) run right after, synchronously. */
  advance(ms: number): Date {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new RangeError(`A clock only moves forward: cannot advance by ${ms} ms.`);
    }
    this.advancedMs += ms;
    const now = this.now();
    for (const listener of this.listeners) listener(now, ms);
    return now;
  }

  /** Calls `listener` after every `advance`; returns the unsubscribe function. */
  onAdvance(listener: ClockListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
