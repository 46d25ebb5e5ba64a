import type { Lang } from './i18n';

/** Intl.DurationFormat is new (Safari 16.4, Chrome 129); older engines get unit numbers. */
type DurationParts = { hours?: number; minutes?: number; seconds?: number };
type DurationFormatCtor = new (
  locale: string,
  options: { style: 'short' },
) => { format(duration: DurationParts): string };

function durationFormat(): DurationFormatCtor | undefined {
  return (Intl as unknown as { DurationFormat?: DurationFormatCtor }).DurationFormat;
}

function splitDuration(totalSeconds: number, precision: 'seconds' | 'minutes'): DurationParts {
  let rest = Math.max(0, Math.round(totalSeconds));
  if (precision === 'minutes') rest = Math.max(60, Math.round(rest / 60) * 60);
  const hours = Math.floor(rest / 3600);
  const minutes = Math.floor((rest % 3600) / 60);
  const seconds = rest % 60;
  const parts: DurationParts = {};
  if (hours) parts.hours = hours;
  if (minutes || (hours && seconds)) parts.minutes = minutes;
  if (precision === 'seconds' && (seconds || (!hours && !minutes))) parts.seconds = seconds;
  return parts;
}

/** "4 min, 05 sec" style; `minutes` precision rounds for estimates like the typical start time. */
export function formatDuration(
  lang: Lang,
  totalSeconds: number,
  precision: 'seconds' | 'minutes' = 'seconds',
): string {
  const parts = splitDuration(totalSeconds, precision);
  const DurationFormat = durationFormat();
  if (DurationFormat) return new DurationFormat(lang, { style: 'short' }).format(parts);
  const units = [
    ['hours', 'hour'],
    ['minutes', 'minute'],
    ['seconds', 'second'],
  ] as const;
  return units
    .filter(([key]) => parts[key] !== undefined)
    .map(([key, unit]) =>
      new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short' }).format(
        parts[key] ?? 0,
      ),
    )
    .join(' ');
}

export function formatClockTime(lang: Lang, at: Date): string {
  return new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit' }).format(at);
}

/** Compact (11/29 12:41) so a session table fits an iPad held upright. */
export function formatDateTime(lang: Lang, at: Date): string {
  return new Intl.DateTimeFormat(lang, {
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(at);
}

export function formatDay(lang: Lang, at: Date): string {
  return new Intl.DateTimeFormat(lang, { day: 'numeric', timeZone: 'UTC' }).format(at);
}

/** "5 seconds ago", "now": how fresh the shown status is. */
export function formatAgo(lang: Lang, secondsAgo: number): string {
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  if (secondsAgo < 60) return rtf.format(-Math.max(0, Math.round(secondsAgo)), 'second');
  return rtf.format(-Math.round(secondsAgo / 60), 'minute');
}

export function formatUsd(lang: Lang, amount: number): string {
  return new Intl.NumberFormat(lang, { style: 'currency', currency: 'USD' }).format(amount);
}

export function formatNumber(lang: Lang, value: number, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits }).format(value);
}
