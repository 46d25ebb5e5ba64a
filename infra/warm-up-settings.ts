import { z } from '../app/config/validation.js';
import { warmUpScheduleSchema } from '../app/config/warm-up-settings.js';

/**
 * The stack's warm-up schedule (issue 9), beside the other settings in settings.ts:
 * validated with the app's own schema, so synth and the Lambdas accept exactly the same
 * entries.
 */

/**
 * `{ "entries": [{ "days", "time", "timeZone" }], "holidays": ["2026-01-01"] }`; off by default.
 * With `endpoints` (issue 18) each endpoint lists its own entries, and only the holidays stay
 * here, for every endpoint: so `entries` may be left out.
 */
export const warmUpSetting = z._default(
  z.strictObject({
    entries: z.optional(warmUpScheduleSchema.shape.entries),
    holidays: warmUpScheduleSchema.shape.holidays,
  }),
  { holidays: [] },
);

/**
 * Lambda allows 4 KB for all environment variables together. The stack's own variables take
 * well under 1.5 KB, so the operator's lists (routes, schedule, holidays) may use the rest.
 */
export const ENVIRONMENT_BUDGET_BYTES = 2_500;

/**
 * What is wrong with the operator's lists in the environment (`variables`: the routes, the
 * warm-ups, the holidays, or VPN_ENDPOINTS, which holds the endpoints' lists), or null.
 * `takes` and `advice` complete the message for the setting it is reported on.
 */
export function environmentBudgetProblem(
  variables: Record<string, string>,
  takes: string,
  advice: string,
): string | null {
  const used = Object.values(variables).join('').length;
  if (used <= ENVIRONMENT_BUDGET_BYTES) return null;
  return `must be shorter: ${takes} ${used} characters of the Lambda environment (at most ${ENVIRONMENT_BUDGET_BYTES}, the 4 KB limit less the stack's own variables); ${advice}`;
}
