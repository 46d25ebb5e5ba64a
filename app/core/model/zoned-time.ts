/**
 * Wall time in an IANA time zone ↔ UTC instants, with nothing but `Intl.DateTimeFormat`.
 * The platform's time zone database does the work; no date library is bundled.
 */

/** A calendar date and a minute of the day, as a clock on the wall in some zone shows them. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True for any zone the platform knows (`Asia/Seoul`, `Europe/Berlin`, `UTC`, …). */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function partsAt(ms: number, timeZone: string): WallTime & { second: number } {
  const values: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  return {
    year: values.year ?? 0,
    month: values.month ?? 1,
    day: values.day ?? 1,
    // Some engines still write midnight as 24 under h23; it is hour 0 of the same day.
    hour: (values.hour ?? 0) % 24,
    minute: values.minute ?? 0,
    second: values.second ?? 0,
  };
}

/** What a wall clock in `timeZone` shows at the instant `at` (seconds dropped). */
export function wallTimeAt(at: Date, timeZone: string): WallTime {
  const { year, month, day, hour, minute } = partsAt(at.getTime(), timeZone);
  return { year, month, day, hour, minute };
}

/** The zone's offset from UTC at `ms`, in milliseconds (Seoul: +9 h; New York in winter: −5 h). */
function offsetAt(ms: number, timeZone: string): number {
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  const p = partsAt(wholeSecond, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - wholeSecond;
}

const DAY_MS = 86_400_000;

/**
 * The instant at which a wall clock in `timeZone` shows `wall`.
 * - In a fall-back overlap (01:30 happens twice) the earlier instant is returned.
 * - In a spring-forward gap (02:30 never happens) there is no such instant: null.
 * Both match EventBridge Scheduler, which skips a cron time in the gap and runs an
 * overlapping one only once (docs/decisions/warm-up-and-notifications.md).
 */
export function wallTimeToUtc(wall: WallTime, timeZone: string): Date | null {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  // The offsets in force a day either side cover every transition near this wall time.
  const offsets = new Set([
    offsetAt(asUtc - DAY_MS, timeZone),
    offsetAt(asUtc, timeZone),
    offsetAt(asUtc + DAY_MS, timeZone),
  ]);
  const matches = [...offsets]
    .map((offset) => asUtc - offset)
    .filter((candidate) => sameWallTime(wallTimeAt(new Date(candidate), timeZone), wall))
    .sort((a, b) => a - b);
  const first = matches[0];
  return first === undefined ? null : new Date(first);
}

function sameWallTime(a: WallTime, b: WallTime): boolean {
  return (
    a.year === b.year &&
    a.month === b.month &&
    a.day === b.day &&
    a.hour === b.hour &&
    a.minute === b.minute
  );
}

/** `YYYY-MM-DD` of the wall calendar in `timeZone` at `at`. */
export function localDate(at: Date, timeZone: string): string {
  const { year, month, day } = wallTimeAt(at, timeZone);
  return formatDate(year, month, day);
}

/** `HH:MM` of the wall clock in `timeZone` at `at`. */
export function localTime(at: Date, timeZone: string): string {
  const { hour, minute } = wallTimeAt(at, timeZone);
  return `${pad(hour)}:${pad(minute)}`;
}

export function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
