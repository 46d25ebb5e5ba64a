import type { Clock } from '../../ports/clock.js';
import type { IdleAlarm } from '../../ports/idle-alarm.js';

export type AlarmStateValue = 'OK' | 'ALARM';

export interface AlarmState {
  value: AlarmStateValue;
  reason: string;
  /** Simulated time of the last change. */
  since: Date;
}

/**
 * The idle alarm's state in memory. The local evaluator moves it to ALARM; the
 * auto-disconnect handler sets it back to OK through the port (SetAlarmState in AWS).
 */
export class LocalIdleAlarm implements IdleAlarm {
  private current: AlarmState;
  private readonly resets: { reason: string; at: Date }[] = [];

  constructor(private readonly clock: Clock) {
    this.current = { value: 'OK', reason: 'Alarm created.', since: clock.now() };
  }

  async reset(reason: string): Promise<void> {
    this.setState('OK', reason);
    this.resets.push({ reason, at: this.clock.now() });
  }

  get state(): AlarmState {
    return { ...this.current };
  }

  /** Every reset the handler asked for, oldest first (for tests and the simulator page). */
  get resetHistory(): { reason: string; at: Date }[] {
    return this.resets.map((entry) => ({ ...entry }));
  }

  /** Returns the previous state, which the alarm event reports as `previousState`. */
  setState(value: AlarmStateValue, reason: string): AlarmState {
    const previous = this.current;
    this.current = { value, reason, since: this.clock.now() };
    return previous;
  }
}
