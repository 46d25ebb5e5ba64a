import { z } from '../app/config/validation.js';
import { warmUpEnvironment, warmUpScheduleSchema } from '../app/config/warm-up-settings.js';
import type { WarmUpSchedule } from '../app/core/model/warm-up-schedule.js';

/**
 * The stack's warm-up schedule (issue 9), beside the other settings in settings.ts:
 * validated with the app's own schema, so synth and the Lambdas accept exactly the same
 * entries.
 */

/** `{ "entries": [{ "days", "time", "timeZone" }], "holidays": ["2026-01-01"] }`; off by default. */
export const warmUpSetting = z._default(warmUpScheduleSchema, { entries: [], holidays: [] });

/**
 * Lambda allows 4 KB for all environment variables together. The stack's own variables take
 * well under 1.5 KB, so the operator's lists (routes, schedule, holidays) may use the rest.
 */
export const ENVIRONMENT_BUDGET_BYTES = 2_500;

/** What is wrong with `warmUp` given the extra routes beside it in the environment, or null. */
export function warmUpBudgetProblem(settings: {
  warmUp: WarmUpSchedule;
  extraRoutes: unknown[];
}): string | null {
  const used =
    JSON.stringify(settings.extraRoutes).length +
    Object.values(warmUpEnvironment(settings.warmUp)).join('').length;
  if (used <= ENVIRONMENT_BUDGET_BYTES) return null;
  return `must be shorter: with extraRoutes it takes ${used} characters of the Lambda environment (at most ${ENVIRONMENT_BUDGET_BYTES}, the 4 KB limit less the stack's own variables); list fewer holidays, for example only this year's`;
}
