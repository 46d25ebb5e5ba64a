import { formatDate, localDate, localTime, wallTimeAt, wallTimeToUtc } from './zoned-time.js';

/** Day names in `Date.getUTCDay()` order. */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Display order: the working week first. */
const DISPLAY_ORDER: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** One warm-up time: on these days, at this wall-clock time, in this IANA zone. */
export interface WarmUpEntry {
  days: Weekday[];
  /** `HH:MM`, 24-hour. */
  time: string;
  timeZone: string;
}

export interface WarmUpSchedule {
  entries: WarmUpEntry[];
  /** `YYYY-MM-DD` dates on which no warm-up runs, read in each entry's own zone. */
  holidays: string[];
}

export const EMPTY_WARM_UP_SCHEDULE: WarmUpSchedule = { entries: [], holidays: [] };

export type DayPattern = 'every-day' | 'weekdays' | 'weekends' | 'some-days';

/** What the employee page needs to say "The VPN turns on at 08:40 on weekdays". */
export interface WarmUpDescription {
  time: string;
  /** Ordered Monday first. */
  days: Weekday[];
  /** A ready-made summary of `days`, so the SPA picks a phrase without re-deriving it. */
  dayPattern: DayPattern;
  timeZone: string;
  /** The next time this entry fires (ISO 8601, UTC), or null if none within two years. */
  nextAt: string | null;
}

export interface ScheduleDescription {
  /** The entry that fires soonest, or null when no warm-up is scheduled. */
  next: WarmUpDescription | null;
  entries: WarmUpDescription[];
}

/** Far enough to step over any run of holidays; bounds the work for an all-holiday list. */
const MAX_SCAN_DAYS = 2 * 366;

/**
 * The next `count` warm-up instants strictly after `from`, soonest first, over all entries.
 * Holidays and days not listed are skipped; a time that falls into a spring-forward gap is
 * skipped for that day and one in a fall-back overlap runs once, at its first occurrence,
 * as EventBridge Scheduler does.
 */
export function nextWarmUps(schedule: WarmUpSchedule, from: Date, count: number): Date[] {
  if (count <= 0) return [];
  const all = schedule.entries.flatMap((entry) =>
    entryOccurrences(entry, schedule.holidays, from, count),
  );
  const unique = [...new Set(all.map((at) => at.getTime()))].sort((a, b) => a - b);
  return unique.slice(0, count).map((ms) => new Date(ms));
}

/**
 * The warm-ups due in (after, until], soonest first: what a scheduler on a simulated clock
 * (local mode) dispatches after the clock moved from `after` to `until`.
 */
export function warmUpsBetween(schedule: WarmUpSchedule, after: Date, until: Date): Date[] {
  const due: Date[] = [];
  let cursor = after;
  while (cursor.getTime() < until.getTime()) {
    const batch = nextWarmUps(schedule, cursor, 32);
    for (const at of batch) if (at.getTime() <= until.getTime()) due.push(at);
    const last = batch.at(-1);
    if (!last || batch.length < 32 || last.getTime() >= until.getTime()) break;
    cursor = last;
  }
  return due;
}

/**
 * Whether `at` falls on a listed holiday, in `timeZone`; without a zone, in the zone of the
 * entry that fires at `at` (else the first entry's zone, else UTC).
 */
export function isHoliday(schedule: WarmUpSchedule, at: Date, timeZone?: string): boolean {
  const zone = timeZone ?? entryFiringAt(schedule, at)?.timeZone ?? zoneOfFirstEntry(schedule);
  return schedule.holidays.includes(localDate(at, zone));
}

/** The entry whose wall-clock time in its zone is `at` on one of its days, if any. */
export function entryFiringAt(schedule: WarmUpSchedule, at: Date): WarmUpEntry | undefined {
  return schedule.entries.find((entry) => {
    const wall = wallTimeAt(at, entry.timeZone);
    const weekday = WEEKDAYS[new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay()];
    return localTime(at, entry.timeZone) === entry.time && weekday && entry.days.includes(weekday);
  });
}

/** Structured data for the employee page and the admin view; the SPA words and formats it. */
export function describeSchedule(schedule: WarmUpSchedule, now: Date): ScheduleDescription {
  const entries = schedule.entries.map((entry): WarmUpDescription => {
    const days = DISPLAY_ORDER.filter((day) => entry.days.includes(day));
    const [nextAt] = entryOccurrences(entry, schedule.holidays, now, 1);
    return {
      time: entry.time,
      days,
      dayPattern: dayPattern(days),
      timeZone: entry.timeZone,
      nextAt: nextAt?.toISOString() ?? null,
    };
  });
  const next = entries
    .filter((entry) => entry.nextAt !== null)
    .sort((a, b) => Date.parse(a.nextAt ?? '') - Date.parse(b.nextAt ?? ''))[0];
  return { next: next ?? null, entries };
}

/**
 * The EventBridge Scheduler expression for an entry, to be used with
 * `ScheduleExpressionTimezone: entry.timeZone`: `cron(40 8 ? * MON,TUE,WED,THU,FRI *)`.
 */
export function schedulerCronExpression(entry: WarmUpEntry): string {
  const [hour, minute] = entry.time.split(':').map(Number);
  const days = DISPLAY_ORDER.filter((day) => entry.days.includes(day))
    .map((day) => day.toUpperCase())
    .join(',');
  return `cron(${minute ?? 0} ${hour ?? 0} ? * ${days} *)`;
}

function entryOccurrences(
  entry: WarmUpEntry,
  holidays: readonly string[],
  from: Date,
  count: number,
): Date[] {
  const [hour = 0, minute = 0] = entry.time.split(':').map(Number);
  const start = wallTimeAt(from, entry.timeZone);
  const found: Date[] = [];
  for (let offset = 0; offset <= MAX_SCAN_DAYS && found.length < count; offset += 1) {
    // Civil-calendar arithmetic in UTC: no zone can make a date skip or repeat here.
    const civil = new Date(Date.UTC(start.year, start.month - 1, start.day + offset));
    const weekday = WEEKDAYS[civil.getUTCDay()];
    if (!weekday || !entry.days.includes(weekday)) continue;
    const year = civil.getUTCFullYear();
    const month = civil.getUTCMonth() + 1;
    const day = civil.getUTCDate();
    if (holidays.includes(formatDate(year, month, day))) continue;
    const at = wallTimeToUtc({ year, month, day, hour, minute }, entry.timeZone);
    if (at && at.getTime() > from.getTime()) found.push(at);
  }
  return found;
}

function dayPattern(days: readonly Weekday[]): DayPattern {
  const key = days.join(',');
  if (days.length === 7) return 'every-day';
  if (key === 'mon,tue,wed,thu,fri') return 'weekdays';
  if (key === 'sat,sun') return 'weekends';
  return 'some-days';
}

function zoneOfFirstEntry(schedule: WarmUpSchedule): string {
  return schedule.entries[0]?.timeZone ?? 'UTC';
}
