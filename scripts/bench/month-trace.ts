/**
 * The simulated month's trace (issue 14): who taps Connect when, how long they then use the
 * VPN, and the leaks (forgotten clients, taps nobody uses, associations made outside the
 * portal). Pure and seeded: the same options give the same month, on any machine.
 */
import { formatDate, wallTimeToUtc } from '../../app/core/model/zoned-time.js';

/** light: about one session per employee a week; heavy: about one a day. */
export type UseLevel = 'light' | 'heavy';

export interface MonthTraceOptions {
  seed: number;
  use: UseLevel;
  employees?: number;
  /** The calendar month, in `timeZone`. */
  year?: number;
  month?: number;
  timeZone?: string;
  /** `YYYY-MM-DD` weekdays nobody works (in `timeZone`). */
  holidays?: readonly string[];
  /** Share of used sessions whose client is put away still connected, not disconnected. */
  forgottenShare?: number;
  /** Share of taps after which nobody connects a client. */
  unusedShare?: number;
  /** Associations made in the console or CLI, with no session and no use. */
  outsideAssociations?: number;
}

export interface TraceSession {
  user: string;
  /** Epoch milliseconds of the Connect tap. */
  tapAt: number;
  /** Minutes of real use once the VPN is ready (0 for a tap nobody uses). */
  useMinutes: number;
  /** Nobody connects after this tap. */
  unused: boolean;
  /** After the use, the iPad is put away with its client still connected. */
  forgotten: boolean;
}

export interface TraceOutsideAssociation {
  at: number;
}

export interface MonthTrace {
  seed: number;
  use: UseLevel;
  timeZone: string;
  employees: number;
  workdays: number;
  /** The simulated span: the month, and one quiet day after it for leaks to run out. */
  startsAt: number;
  endsAt: number;
  /** Sorted by tap. */
  sessions: TraceSession[];
  outside: TraceOutsideAssociation[];
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** mulberry32: a small, fast, seedable generator; plenty for a workload. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function generateMonthTrace(options: MonthTraceOptions): MonthTrace {
  const {
    seed,
    use,
    employees = 20,
    year = 2026,
    month = 3,
    timeZone = 'Asia/Seoul',
    // Korea's substitute holiday for Independence Movement Day (1 March 2026, a Sunday).
    holidays = ['2026-03-02'],
    forgottenShare = 0.03,
    unusedShare = 0.05,
    outsideAssociations = 2,
  } = options;
  const random = seededRandom(seed);
  const between = (low: number, high: number) => low + random() * (high - low);
  const at = (day: number, hour: number, minute = 0) => {
    const instant = wallTimeToUtc({ year, month, day, hour, minute }, timeZone);
    if (!instant) throw new Error(`${formatDate(year, month, day)} ${hour}:${minute} is skipped`);
    return instant.getTime();
  };
  // A tap falls on a whole second anywhere in the minute: the alarm's 5-minute periods see
  // activity at every offset.
  const tapBetween = (from: number, to: number) => Math.floor(between(from, to) / 1000) * 1000;
  const useMinutes = () => Math.round(between(20, 120));

  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const users = Array.from({ length: employees }, (_, i) => `employee-${i + 1}@example.com`);
  const sessions: TraceSession[] = [];
  const weekends: number[] = [];
  const weekdays: number[] = [];
  for (let day = 1; day <= daysInMonth; day += 1) {
    const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
    if (weekday === 0 || weekday === 6) {
      weekends.push(day);
      continue;
    }
    if (holidays.includes(formatDate(year, month, day))) continue;
    weekdays.push(day);
    for (const user of users) {
      const count = sessionsToday(use, random());
      if (count === 0) continue;
      // The first tap between 08:30 and 16:30 (or before noon when a second one follows).
      const first = tapBetween(at(day, 8, 30), count === 2 ? at(day, 12) : at(day, 16, 30));
      const firstUse = useMinutes();
      sessions.push(session(user, first, firstUse));
      if (count === 2) {
        // After lunch, once the first use is over, by 17:30.
        const earliest = Math.max(at(day, 13), first + (5 + firstUse + 30) * MINUTE_MS);
        const second = tapBetween(earliest, earliest + 120 * MINUTE_MS);
        if (second <= at(day, 17, 30)) sessions.push(session(user, second, useMinutes()));
      }
    }
  }
  sessions.sort((a, b) => a.tapAt - b.tapAt);

  // Exact shares, not a coin per session: the leaks of a month do not vary run to run.
  for (const index of pick(random, sessions.length, Math.round(sessions.length * unusedShare))) {
    const chosen = sessions[index];
    if (chosen) Object.assign(chosen, { unused: true, useMinutes: 0 });
  }
  const used = sessions.flatMap((s, index) => (s.unused ? [] : [index]));
  // At least one when there are any: a month with a leak share has the leak.
  const forgotten = forgottenShare > 0 ? Math.max(1, Math.round(used.length * forgottenShare)) : 0;
  for (const index of pick(random, used.length, forgotten)) {
    const chosen = sessions[used[index] ?? -1];
    if (chosen) chosen.forgotten = true;
  }

  // Outside associations when nobody works: a weekend afternoon, then weekday evenings.
  const outside: TraceOutsideAssociation[] = [];
  for (let i = 0; i < outsideAssociations; i += 1) {
    const onWeekend = i % 2 === 0 && weekends.length > 0;
    const days = onWeekend ? weekends : weekdays;
    const day = days[Math.floor(random() * days.length)] ?? 1;
    const hour = onWeekend ? 14 : 20;
    outside.push({ at: tapBetween(at(day, hour), at(day, hour + 2)) });
  }
  outside.sort((a, b) => a.at - b.at);

  const startsAt = at(1, 0);
  return {
    seed,
    use,
    timeZone,
    employees,
    workdays: weekdays.length,
    startsAt,
    endsAt: at(daysInMonth, 0) + 2 * DAY_MS,
    sessions,
    outside,
  };
}

function session(user: string, tapAt: number, useMinutes: number): TraceSession {
  return { user, tapAt, useMinutes, unused: false, forgotten: false };
}

/** light: one session on one day in five; heavy: 0, 1 or 2 (15 / 70 / 15 %), one a day on average. */
function sessionsToday(use: UseLevel, draw: number): number {
  if (use === 'light') return draw < 0.2 ? 1 : 0;
  if (draw < 0.15) return 0;
  return draw < 0.85 ? 1 : 2;
}

/** `count` distinct indices below `length`, drawn with `random`. */
function pick(random: () => number, length: number, count: number): number[] {
  const indices = Array.from({ length }, (_, i) => i);
  // Partial Fisher–Yates: the first `count` places end up a uniform sample.
  for (let i = 0; i < Math.min(count, length); i += 1) {
    const j = i + Math.floor(random() * (length - i));
    [indices[i], indices[j]] = [indices[j] ?? 0, indices[i] ?? 0];
  }
  return indices.slice(0, Math.min(count, length));
}
