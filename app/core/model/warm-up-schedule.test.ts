import { describe, expect, it } from 'vitest';
import {
  describeSchedule,
  entryFiringAt,
  isHoliday,
  nextWarmUps,
  schedulerCronExpression,
  type WarmUpEntry,
  type WarmUpSchedule,
  warmUpsBetween,
} from './warm-up-schedule.js';
import { isValidTimeZone, localDate, wallTimeToUtc } from './zoned-time.js';

const WEEKDAYS: WarmUpEntry['days'] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const EVERY_DAY: WarmUpEntry['days'] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function schedule(entries: WarmUpEntry[], holidays: string[] = []): WarmUpSchedule {
  return { entries, holidays };
}

const iso = (dates: Date[]) => dates.map((date) => date.toISOString());

describe('nextWarmUps', () => {
  const seoul = schedule([{ days: WEEKDAYS, time: '08:40', timeZone: 'Asia/Seoul' }]);

  it('turns a Seoul weekday time into UTC instants and skips the weekend', () => {
    // Friday 2025-01-03 09:00 in Seoul: today's warm-up has passed.
    const from = new Date('2025-01-03T00:00:00Z');

    expect(iso(nextWarmUps(seoul, from, 3))).toEqual([
      '2025-01-05T23:40:00.000Z', // Monday 08:40 KST
      '2025-01-06T23:40:00.000Z',
      '2025-01-07T23:40:00.000Z',
    ]);
  });

  it('skips a holiday given as a date in the entry’s own zone', () => {
    const withHoliday = { ...seoul, holidays: ['2025-01-06'] };

    const [first] = nextWarmUps(withHoliday, new Date('2025-01-03T00:00:00Z'), 1);

    expect(first?.toISOString()).toBe('2025-01-06T23:40:00.000Z'); // Tuesday
  });

  it('only returns instants strictly after the starting point', () => {
    const [next] = nextWarmUps(seoul, new Date('2025-01-05T23:40:00Z'), 1);

    expect(next?.toISOString()).toBe('2025-01-06T23:40:00.000Z');
  });

  it('follows New York from standard to daylight time over the weekend', () => {
    const newYork = schedule([{ days: WEEKDAYS, time: '08:40', timeZone: 'America/New_York' }]);

    const dates = nextWarmUps(newYork, new Date('2025-03-07T00:00:00Z'), 2);

    expect(iso(dates)).toEqual([
      '2025-03-07T13:40:00.000Z', // Friday, EST (UTC−5)
      '2025-03-10T12:40:00.000Z', // Monday, EDT (UTC−4)
    ]);
  });

  it('skips a time that falls into the spring-forward gap, as EventBridge Scheduler does', () => {
    const newYork = schedule([{ days: EVERY_DAY, time: '02:30', timeZone: 'America/New_York' }]);

    const dates = nextWarmUps(newYork, new Date('2025-03-08T00:00:00Z'), 2);

    expect(iso(dates)).toEqual([
      '2025-03-08T07:30:00.000Z', // Saturday 02:30 EST
      '2025-03-10T06:30:00.000Z', // Monday 02:30 EDT; Sunday 02:30 never happened
    ]);
  });

  it('runs a time that happens twice at fall-back only once, at its first occurrence', () => {
    const newYork = schedule([{ days: EVERY_DAY, time: '01:30', timeZone: 'America/New_York' }]);

    const dates = nextWarmUps(newYork, new Date('2025-11-01T12:00:00Z'), 2);

    expect(iso(dates)).toEqual([
      '2025-11-02T05:30:00.000Z', // 01:30 EDT, not again at 01:30 EST (06:30Z)
      '2025-11-03T06:30:00.000Z',
    ]);
  });

  it('handles Berlin’s transitions in both directions', () => {
    const berlin = schedule([{ days: EVERY_DAY, time: '02:30', timeZone: 'Europe/Berlin' }]);

    expect(iso(nextWarmUps(berlin, new Date('2025-03-28T12:00:00Z'), 2))).toEqual([
      '2025-03-29T01:30:00.000Z', // CET; 2025-03-30 02:30 does not exist
      '2025-03-31T00:30:00.000Z', // CEST
    ]);
    expect(iso(nextWarmUps(berlin, new Date('2025-10-25T12:00:00Z'), 2))).toEqual([
      '2025-10-26T00:30:00.000Z', // first 02:30 (CEST)
      '2025-10-27T01:30:00.000Z', // CET
    ]);
  });

  it('merges several entries in different zones, soonest first, without duplicates', () => {
    const mixed = schedule([
      { days: ['mon'], time: '08:40', timeZone: 'Asia/Seoul' },
      { days: ['mon'], time: '08:40', timeZone: 'Asia/Tokyo' }, // same instant as Seoul
      { days: ['sun'], time: '09:00', timeZone: 'Europe/Berlin' },
    ]);

    const dates = nextWarmUps(mixed, new Date('2025-01-04T00:00:00Z'), 3);

    expect(iso(dates)).toEqual([
      '2025-01-05T08:00:00.000Z', // Sunday 09:00 CET
      '2025-01-05T23:40:00.000Z', // Monday 08:40 KST = JST
      '2025-01-12T08:00:00.000Z',
    ]);
  });

  it('returns nothing for an empty schedule or a count of zero', () => {
    expect(nextWarmUps(schedule([]), new Date(), 5)).toEqual([]);
    expect(nextWarmUps(seoul, new Date(), 0)).toEqual([]);
  });
});

describe('warmUpsBetween', () => {
  it('lists the warm-ups a simulated clock jumped over, and none outside the range', () => {
    const seoul = schedule([{ days: WEEKDAYS, time: '08:40', timeZone: 'Asia/Seoul' }]);

    const due = warmUpsBetween(
      seoul,
      new Date('2025-01-05T23:40:00Z'), // exactly Monday's warm-up: already dispatched
      new Date('2025-01-08T23:40:00Z'), // exactly Thursday's: due now
    );

    expect(iso(due)).toEqual([
      '2025-01-06T23:40:00.000Z',
      '2025-01-07T23:40:00.000Z',
      '2025-01-08T23:40:00.000Z',
    ]);
    expect(
      warmUpsBetween(seoul, new Date('2025-01-06T00:00:00Z'), new Date('2025-01-06T01:00:00Z')),
    ).toEqual([]);
  });

  it('goes on past a batch when the clock jumped far', () => {
    const everyDay = schedule([{ days: EVERY_DAY, time: '08:00', timeZone: 'UTC' }]);

    const due = warmUpsBetween(
      everyDay,
      new Date('2025-01-01T00:00:00Z'),
      new Date('2025-03-01T00:00:00Z'),
    );

    expect(due).toHaveLength(59);
  });
});

describe('isHoliday', () => {
  const seoul = schedule(
    [{ days: WEEKDAYS, time: '08:40', timeZone: 'Asia/Seoul' }],
    ['2025-01-06'],
  );

  it('reads the date in the zone of the entry that fires, not in UTC', () => {
    // Sunday 23:40 in UTC is Monday 08:40 in Seoul.
    const at = new Date('2025-01-05T23:40:00Z');

    expect(entryFiringAt(seoul, at)?.timeZone).toBe('Asia/Seoul');
    expect(isHoliday(seoul, at)).toBe(true);
    expect(isHoliday(seoul, at, 'UTC')).toBe(false);
  });

  it('is false on an ordinary day', () => {
    expect(isHoliday(seoul, new Date('2025-01-06T23:40:00Z'))).toBe(false);
  });
});

describe('describeSchedule', () => {
  it('gives the employee page the time, days, zone and next instant', () => {
    const description = describeSchedule(
      schedule([
        { days: ['fri', 'mon', 'wed', 'tue', 'thu'], time: '08:40', timeZone: 'Asia/Seoul' },
        { days: ['sat', 'sun'], time: '10:00', timeZone: 'Asia/Seoul' },
      ]),
      new Date('2025-01-03T00:00:00Z'),
    );

    expect(description.next).toEqual({
      time: '10:00',
      days: ['sat', 'sun'],
      dayPattern: 'weekends',
      timeZone: 'Asia/Seoul',
      nextAt: '2025-01-04T01:00:00.000Z',
    });
    expect(description.entries[0]).toMatchObject({
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      dayPattern: 'weekdays',
      nextAt: '2025-01-05T23:40:00.000Z',
    });
  });

  it('has no next warm-up when none is scheduled', () => {
    expect(describeSchedule(schedule([]), new Date())).toEqual({ next: null, entries: [] });
  });
});

describe('schedulerCronExpression', () => {
  it('writes the EventBridge Scheduler cron for the entry’s own zone', () => {
    expect(
      schedulerCronExpression({ days: ['fri', 'mon'], time: '08:05', timeZone: 'Asia/Seoul' }),
    ).toBe('cron(5 8 ? * MON,FRI *)');
  });
});

describe('zoned time helpers', () => {
  it('knows real zones and rejects made-up ones', () => {
    expect(isValidTimeZone('Asia/Seoul')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('maps a wall time to UTC and back', () => {
    const at = wallTimeToUtc(
      { year: 2025, month: 7, day: 1, hour: 9, minute: 15 },
      'America/New_York',
    );

    expect(at?.toISOString()).toBe('2025-07-01T13:15:00.000Z');
    expect(localDate(new Date('2025-07-01T03:00:00Z'), 'America/New_York')).toBe('2025-06-30');
  });
});
