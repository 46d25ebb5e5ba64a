import { type WarmUpSchedule, WEEKDAYS } from '../core/model/warm-up-schedule.js';
import { isValidTimeZone } from '../core/model/zoned-time.js';
import { checkParsed, type Env, parseJson, present, readJson } from './read-env.js';
import * as z from './validation.js';

/**
 * Settings of the warm-up schedule (issue 9), beside the core settings in settings.ts and
 * read from the same environment. Unset means no warm-up.
 *
 * | variable           | meaning                                                                          |
 * | ------------------ | -------------------------------------------------------------------------------- |
 * | `WARM_UP_SCHEDULE` | JSON array of `{ "days": ["mon",…], "time": "08:40", "timeZone": "Asia/Seoul" }` |
 * | `WARM_UP_HOLIDAYS` | `2025-01-01,2025-02-10` or a JSON array of the same dates                         |
 */

/** At most this many entries: each becomes one EventBridge Scheduler schedule. */
export const MAX_WARM_UP_ENTRIES = 20;

const weekday = z.pipe(
  z.pipe(
    z.string(),
    z.transform((day) => day.trim().toLowerCase()),
  ),
  z.enum(WEEKDAYS, 'must be one of mon, tue, wed, thu, fri, sat, sun'),
);

/** One entry, as WARM_UP_SCHEDULE holds it and as an admin edit would send it. */
export const warmUpEntrySchema = z.strictObject({
  days: z.array(weekday).check(
    z.minLength(1, 'must list at least one day'),
    z.refine((days) => new Set(days).size === days.length, 'must not repeat a day'),
  ),
  time: z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time like 08:40')),
  timeZone: z
    .string()
    .check(z.refine(isValidTimeZone, 'must be an IANA time zone like Asia/Seoul')),
});

const holidayDate = z.iso.date('must be a date like 2025-12-25');

/** WARM_UP_SCHEDULE: one endpoint's entries (`VPN_ENDPOINTS` holds them per endpoint). */
export const warmUpEntriesSchema = z
  .array(warmUpEntrySchema)
  .check(z.maxLength(MAX_WARM_UP_ENTRIES, `must have at most ${MAX_WARM_UP_ENTRIES} entries`));

/** The whole schedule; reuse it to validate an edit before it goes to the Scheduler API. */
export const warmUpScheduleSchema = z.strictObject({
  entries: warmUpEntriesSchema,
  holidays: z.array(holidayDate),
});

export interface WarmUpSettings {
  schedule: WarmUpSchedule;
}

export function loadWarmUpSettings(env: Env): WarmUpSettings {
  return {
    schedule: {
      entries: readJson('WARM_UP_SCHEDULE', warmUpEntriesSchema, env.WARM_UP_SCHEDULE, []),
      holidays: readHolidays(env.WARM_UP_HOLIDAYS),
    },
  };
}

/** The variables `loadWarmUpSettings` reads back as `schedule`; none for no warm-up. */
export function warmUpEnvironment(schedule: WarmUpSchedule): Record<string, string> {
  return {
    ...(schedule.entries.length > 0 ? { WARM_UP_SCHEDULE: JSON.stringify(schedule.entries) } : {}),
    ...(schedule.holidays.length > 0 ? { WARM_UP_HOLIDAYS: schedule.holidays.join(',') } : {}),
  };
}

function readHolidays(raw: string | undefined): string[] {
  const text = present(raw);
  if (text === undefined) return [];
  const list = text.startsWith('[')
    ? parseJson('WARM_UP_HOLIDAYS', text)
    : text
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
  return checkParsed('WARM_UP_HOLIDAYS', z.array(holidayDate), list);
}
