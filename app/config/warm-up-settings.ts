import { type WarmUpSchedule, WEEKDAYS } from '../core/model/warm-up-schedule.js';
import { isValidTimeZone } from '../core/model/zoned-time.js';
import { SettingsError } from './settings.js';
import * as z from './validation.js';

/**
 * Settings of the warm-up schedule and the notifications (issue 9), beside the core settings
 * in settings.ts and read from the same environment. Each is optional: unset means off.
 *
 * | variable                 | meaning                                                        |
 * | ------------------------ | -------------------------------------------------------------- |
 * | `WARM_UP_SCHEDULE`       | JSON array of `{ "days": ["mon",…], "time": "08:40", "timeZone": "Asia/Seoul" }` |
 * | `WARM_UP_HOLIDAYS`       | `2025-01-01,2025-02-10` or a JSON array of the same dates       |
 * | `NOTIFY_TOPIC_ARN`       | SNS topic that receives the notifications                       |
 * | `CHAT_WEBHOOK_PARAMETER` | SSM SecureString parameter holding a Slack-compatible webhook URL |
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

const warmUpEntries = z
  .array(warmUpEntrySchema)
  .check(z.maxLength(MAX_WARM_UP_ENTRIES, `must have at most ${MAX_WARM_UP_ENTRIES} entries`));

/** The whole schedule; reuse it to validate an edit before it goes to the Scheduler API. */
export const warmUpScheduleSchema = z.strictObject({
  entries: warmUpEntries,
  holidays: z.array(holidayDate),
});

export interface WarmUpSettings {
  schedule: WarmUpSchedule;
}

export interface NotificationSettings {
  /** `NOTIFY_TOPIC_ARN`, or null for no SNS notifications. */
  topicArn: string | null;
  /** `CHAT_WEBHOOK_PARAMETER`: name (or ARN) of the SSM SecureString, or null for no webhook. */
  webhookParameterName: string | null;
}

type Env = Record<string, string | undefined>;

export function loadWarmUpSettings(env: Env): WarmUpSettings {
  const entries = parseJsonVariable('WARM_UP_SCHEDULE', env.WARM_UP_SCHEDULE, '[]');
  const holidays = parseHolidays(env.WARM_UP_HOLIDAYS);
  return {
    schedule: {
      entries: check('WARM_UP_SCHEDULE', warmUpEntries, entries),
      holidays,
    },
  };
}

export function loadNotificationSettings(env: Env): NotificationSettings {
  return {
    topicArn: optional(
      'NOTIFY_TOPIC_ARN',
      z
        .string()
        .check(
          z.regex(/^arn:aws[\w-]*:sns:[\w-]+:\d{12}:[\w-]{1,256}$/, 'must be an SNS topic ARN'),
        ),
      env.NOTIFY_TOPIC_ARN,
    ),
    webhookParameterName: optional(
      'CHAT_WEBHOOK_PARAMETER',
      z
        .string()
        .check(
          z.regex(
            /^[\w.\-/:]{1,2048}$/,
            'must be an SSM parameter name like /vpn-portal/chat-webhook-url',
          ),
        ),
      env.CHAT_WEBHOOK_PARAMETER,
    ),
  };
}

function parseHolidays(raw: string | undefined): string[] {
  const text = raw?.trim() ?? '';
  if (text === '') return [];
  const list = text.startsWith('[')
    ? parseJsonVariable('WARM_UP_HOLIDAYS', text, '[]')
    : text
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
  return check('WARM_UP_HOLIDAYS', z.array(holidayDate), list);
}

function parseJsonVariable(variable: string, raw: string | undefined, fallback: string): unknown {
  const text = raw === undefined || raw.trim() === '' ? fallback : raw;
  try {
    return JSON.parse(text);
  } catch {
    throw new SettingsError(variable, 'is not valid JSON');
  }
}

function check<T>(variable: string, schema: z.ZodMiniType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
  throw new SettingsError(variable, `is invalid${where}: ${issue?.message ?? 'unexpected value'}`);
}

function optional<T>(
  variable: string,
  schema: z.ZodMiniType<T>,
  raw: string | undefined,
): T | null {
  const text = raw?.trim() ?? '';
  if (text === '') return null;
  const result = schema.safeParse(text);
  if (result.success) return result.data;
  throw new SettingsError(
    variable,
    `${result.error.issues[0]?.message ?? 'is invalid'} (got "${text}")`,
  );
}
