import {
  describeSchedule,
  EMPTY_WARM_UP_SCHEDULE,
  nextWarmUps,
  type WarmUpSchedule,
} from '../core/model/warm-up-schedule.js';
import type { WarmUpMonth } from '../core/warm-up.js';
import type { AdminWarmUps, WarmUpNext } from './api-types.js';

/** How many upcoming warm-ups the admin view lists. */
const ADMIN_NEXT_WARM_UPS = 5;

/** When no warm-up is due within the scan window, look again after this long. */
const RECHECK_MS = 3_600_000;

/**
 * The warm-up fields of the API bodies (issue 9). Without a configured schedule both answer
 * `undefined`, so the bodies keep exactly the fields they had before.
 */
export interface WarmUpView {
  /**
   * `StatusBody.warmUp`: the next warm-up, null if none is due, undefined if none configured.
   * With the viewer's groups, a warm-up meant for other groups (`groups` in the settings,
   * issue 18) is left out; without them (an administrator's overview) every one counts.
   */
  status(now: Date, viewerGroups?: readonly string[]): WarmUpNext | null | undefined;
  /**
   * `AdminSessionsBody.warmUps`: when a schedule is configured, or when warm-ups ran this
   * month (a schedule removed mid-month still shows what it cost).
   */
  admin(now: Date, costThisMonth: WarmUpMonth): AdminWarmUps | undefined;
}

/**
 * Status polls ask for the next warm-up every few seconds, so the answer is kept until that
 * warm-up has passed: for any `now` before it, the schedule's next warm-up is the same.
 */
export function createWarmUpView(schedule: AudiencedSchedule = EMPTY_WARM_UP_SCHEDULE): WarmUpView {
  const configured = schedule.entries.length > 0;
  const everyone = nextWarmUpOf(schedule);
  // One cache per audience: the warm-ups a set of groups may see (a handful of sets at most).
  const byAudience = new Map<string, (now: Date) => WarmUpNext | null>();
  const nextFor = (viewerGroups: readonly string[] | undefined) => {
    if (viewerGroups === undefined) return everyone;
    const visible = schedule.entries.filter(
      (entry) => !entry.groups || entry.groups.some((group) => viewerGroups.includes(group)),
    );
    if (visible.length === schedule.entries.length) return everyone;
    const audience = visible.map((entry) => schedule.entries.indexOf(entry)).join(',');
    let next = byAudience.get(audience);
    if (!next) {
      next = nextWarmUpOf({ entries: visible, holidays: schedule.holidays });
      byAudience.set(audience, next);
    }
    return next;
  };

  return {
    status: (now, viewerGroups) => (configured ? nextFor(viewerGroups)(now) : undefined),
    admin: (now, costThisMonth) => {
      if (!configured && costThisMonth.sessions === 0) return undefined;
      return {
        next: nextWarmUps(schedule, now, ADMIN_NEXT_WARM_UPS).map((at) => at.toISOString()),
        costThisMonth,
      };
    },
  };
}

/** A schedule whose entries may say whose they are (an endpoint's `warmUps`, issue 18). */
export interface AudiencedSchedule extends WarmUpSchedule {
  entries: (WarmUpSchedule['entries'][number] & { groups?: readonly string[] })[];
}

/** The schedule's next warm-up, kept until it has passed. */
function nextWarmUpOf(schedule: WarmUpSchedule): (now: Date) => WarmUpNext | null {
  if (schedule.entries.length === 0) return () => null;
  let cached: { from: number; until: number; next: WarmUpNext | null } | null = null;

  return (now: Date): WarmUpNext | null => {
    const at = now.getTime();
    if (cached && at >= cached.from && at < cached.until) return cached.next;
    const found = describeSchedule(schedule, now).next;
    const value: WarmUpNext | null =
      found?.nextAt == null ? null : { ...found, nextAt: found.nextAt };
    cached = {
      from: at,
      until: value ? Date.parse(value.nextAt) : at + RECHECK_MS,
      next: value,
    };
    return value;
  };
}
