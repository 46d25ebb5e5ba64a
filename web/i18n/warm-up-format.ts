import type { WarmUpNext } from '../../app/http/api-types';
import type { MessageKey } from './en';
import type { I18n, Lang } from './i18n';

/** The browser's IANA zone: times the viewer reads are in it unless said otherwise. */
export function viewerTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const patternKey: Record<WarmUpNext['dayPattern'], MessageKey> = {
  weekdays: 'warmUpWeekdays',
  weekends: 'warmUpWeekends',
  'every-day': 'warmUpEveryDay',
  'some-days': 'warmUpSomeDays',
};

/** Monday first, as the API sends them; 2024-01-01 was a Monday. */
const weekdayIndex = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 } as const;

/**
 * "The VPN turns on at 8:40 AM on weekdays", with the schedule's zone named when the viewer's
 * clock would read a different time ("8:40 AM (Korean Standard Time)").
 */
export function describeWarmUp(i18n: I18n, warmUp: WarmUpNext, viewerZone: string): string {
  const { t, lang } = i18n;
  const [hour = 0, minute = 0] = warmUp.time.split(':').map(Number);
  let time = new Intl.DateTimeFormat(lang, {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(Date.UTC(2000, 0, 1, hour, minute));
  if (readsDifferently(warmUp, viewerZone)) {
    time = t('warmUpTimeInZone', { time, zone: zoneName(lang, warmUp.timeZone, warmUp.nextAt) });
  }
  const days = new Intl.ListFormat(lang, { type: 'conjunction', style: 'long' }).format(
    warmUp.days.map((day) =>
      new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(
        Date.UTC(2024, 0, weekdayIndex[day]),
      ),
    ),
  );
  return t(patternKey[warmUp.dayPattern], { time, days });
}

/**
 * When a warm-up happens, in the viewer's zone: "tomorrow 8:40 AM" within a day, else
 * "Wed, 12/2, 8:40 AM". `now` is the server's now, so a wrong device clock says the right day.
 */
export function formatWarmUpAt(lang: Lang, at: string, now: number, viewerZone: string): string {
  const instant = Date.parse(at);
  const days = civilDay(instant, viewerZone) - civilDay(now, viewerZone);
  if (days === 0 || days === 1) {
    const clock = new Intl.DateTimeFormat(lang, {
      hour: 'numeric',
      minute: '2-digit',
      timeZone: viewerZone,
    }).format(instant);
    const day = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(days, 'day');
    return `${day} ${clock}`;
  }
  return new Intl.DateTimeFormat(lang, {
    weekday: 'short',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: viewerZone,
  }).format(instant);
}

/** Same instant, same wall-clock time? Then naming the zone would only add noise. */
function readsDifferently(warmUp: WarmUpNext, viewerZone: string): boolean {
  const at = Date.parse(warmUp.nextAt);
  const wall = (timeZone: string) =>
    new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone }).format(at);
  return Number.isNaN(at)
    ? warmUp.timeZone !== viewerZone
    : wall(warmUp.timeZone) !== wall(viewerZone);
}

/** "Korean Standard Time", "한국 표준시", "韓国標準時"; the IANA name if Intl has none. */
function zoneName(lang: Lang, timeZone: string, at: string): string {
  const instant = Number.isNaN(Date.parse(at)) ? Date.now() : Date.parse(at);
  const part = new Intl.DateTimeFormat(lang, { timeZone, timeZoneName: 'longGeneric' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** Days since 1970 of the calendar date `ms` falls on in `timeZone`. */
function civilDay(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    timeZone,
  }).formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Math.round(Date.UTC(part('year'), part('month') - 1, part('day')) / 86_400_000);
}
