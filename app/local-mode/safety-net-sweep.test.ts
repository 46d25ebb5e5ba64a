import { describe, expect, it } from 'vitest';
import { ManualClock } from '../adapters/local/manual-clock.js';
import { silentLogger } from '../logging/logger.js';
import { createSafetyNetSweep } from './safety-net-sweep.js';

describe('safety-net sweep', () => {
  it('sends a scheduled event once per 15 minutes of simulated time', async () => {
    const clock = new ManualClock({
      start: new Date('2025-01-06T09:01:00Z'),
      runsInRealTime: false,
    });
    const events: unknown[] = [];
    const sweep = createSafetyNetSweep({
      clock,
      handler: async (event) => events.push(event),
      logger: silentLogger,
      region: 'local',
    });
    expect(await sweep.check()).toBe(false);
    clock.advance(13 * 60_000);
    expect(await sweep.check()).toBe(false);
    clock.advance(60_000);
    expect(await sweep.check()).toBe(true);
    expect(await sweep.check()).toBe(false);
    clock.advance(60 * 60_000);
    expect(await sweep.check()).toBe(true);
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      source: 'aws.events',
      'detail-type': 'Scheduled Event',
      time: '2025-01-06T09:15:00Z',
    });
  });
});
