import { describe, expect, it } from 'vitest';
import { loadWarmUpSettings, warmUpScheduleSchema } from './warm-up-settings.js';

const weekdays = JSON.stringify([
  { days: ['mon', 'tue', 'wed', 'thu', 'fri'], time: '08:40', timeZone: 'Asia/Seoul' },
]);

describe('loadWarmUpSettings', () => {
  it('means no warm-up when nothing is set', () => {
    expect(loadWarmUpSettings({})).toEqual({ schedule: { entries: [], holidays: [] } });
  });

  it('reads the schedule and a comma list of holidays', () => {
    const settings = loadWarmUpSettings({
      WARM_UP_SCHEDULE: weekdays,
      WARM_UP_HOLIDAYS: ' 2025-01-01, 2025-01-28 ,',
    });

    expect(settings.schedule).toEqual({
      entries: [
        { days: ['mon', 'tue', 'wed', 'thu', 'fri'], time: '08:40', timeZone: 'Asia/Seoul' },
      ],
      holidays: ['2025-01-01', '2025-01-28'],
    });
  });

  it('accepts holidays as a JSON array and day names in capitals', () => {
    const settings = loadWarmUpSettings({
      WARM_UP_SCHEDULE: '[{"days":["MON"],"time":"07:00","timeZone":"Europe/Berlin"}]',
      WARM_UP_HOLIDAYS: '["2025-12-25"]',
    });

    expect(settings.schedule.entries[0]?.days).toEqual(['mon']);
    expect(settings.schedule.holidays).toEqual(['2025-12-25']);
  });

  it.each([
    ['not JSON', '[{', /WARM_UP_SCHEDULE is not valid JSON/],
    ['an unknown day', '[{"days":["mon","fun"],"time":"08:40","timeZone":"UTC"}]', /0\.days\.1/],
    ['no days', '[{"days":[],"time":"08:40","timeZone":"UTC"}]', /at least one day/],
    ['a repeated day', '[{"days":["mon","mon"],"time":"08:40","timeZone":"UTC"}]', /repeat/],
    ['a 12-hour time', '[{"days":["mon"],"time":"8:40 am","timeZone":"UTC"}]', /24-hour/],
    ['hour 24', '[{"days":["mon"],"time":"24:00","timeZone":"UTC"}]', /24-hour/],
    ['an unknown zone', '[{"days":["mon"],"time":"08:40","timeZone":"Seoul"}]', /IANA/],
    ['an extra field', '[{"days":["mon"],"time":"08:40","timeZone":"UTC","x":1}]', /x/],
    ['an object, not an array', '{"days":["mon"]}', /WARM_UP_SCHEDULE is invalid/],
  ])('rejects %s naming WARM_UP_SCHEDULE', (_case, value, message) => {
    expect(() => loadWarmUpSettings({ WARM_UP_SCHEDULE: value })).toThrow(message);
    expect(() => loadWarmUpSettings({ WARM_UP_SCHEDULE: value })).toThrow(/WARM_UP_SCHEDULE/);
  });

  it('rejects more entries than schedules it will create', () => {
    const many = JSON.stringify(
      Array.from({ length: 21 }, () => ({ days: ['mon'], time: '08:40', timeZone: 'UTC' })),
    );
    expect(() => loadWarmUpSettings({ WARM_UP_SCHEDULE: many })).toThrow(/at most 20/);
  });

  it('rejects a holiday that is not a calendar date, naming WARM_UP_HOLIDAYS', () => {
    expect(() => loadWarmUpSettings({ WARM_UP_HOLIDAYS: '2025-02-30' })).toThrow(
      /Setting WARM_UP_HOLIDAYS is invalid at 0: must be a date/,
    );
    expect(() => loadWarmUpSettings({ WARM_UP_HOLIDAYS: '25/12/2025' })).toThrow(
      /WARM_UP_HOLIDAYS/,
    );
  });
});

describe('warmUpScheduleSchema', () => {
  it('validates an edited schedule the same way as the environment', () => {
    const edit = {
      entries: [{ days: ['sat'], time: '09:00', timeZone: 'America/New_York' }],
      holidays: ['2025-07-04'],
    };
    expect(warmUpScheduleSchema.safeParse(edit).success).toBe(true);
    expect(warmUpScheduleSchema.safeParse({ ...edit, holidays: ['July 4'] }).success).toBe(false);
  });
});
