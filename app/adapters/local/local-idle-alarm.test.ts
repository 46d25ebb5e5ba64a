import { describe, expect, it } from 'vitest';
import { LocalIdleAlarm } from './local-idle-alarm.js';
import { ManualClock } from './manual-clock.js';

describe('LocalIdleAlarm', () => {
  it('starts OK, goes to ALARM and returns to OK when reset', async () => {
    const clock = new ManualClock({ start: new Date(0), runsInRealTime: false });
    const alarm = new LocalIdleAlarm(clock);
    expect(alarm.state.value).toBe('OK');
    const previous = alarm.setState('ALARM', 'idle for 30 minutes');
    expect(previous.value).toBe('OK');
    clock.advance(1_000);
    await alarm.reset('a client is connected');
    expect(alarm.state).toEqual({
      value: 'OK',
      reason: 'a client is connected',
      since: new Date(1_000),
    });
    expect(alarm.resetHistory).toEqual([{ reason: 'a client is connected', at: new Date(1_000) }]);
  });
});
