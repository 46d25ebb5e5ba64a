import * as z from '../config/validation.js';
import { CLIENT_VPN_CHANGES } from '../core/model/health.js';
import type { RemotePermissions } from '../ports/health-probes.js';
import { awsWords } from './aws/aws-call.js';

/**
 * The contract between the portal and the events function for the health checks (issue 17):
 * the event the portal sends and the answer it reads back, both validated with one schema
 * each. The events function parses the event (events/health-event.ts); the portal's adapters
 * (Lambda Invoke in AWS, a direct call in local mode) parse the answer.
 */
export const HEALTH_EVENT_SOURCE = 'vpn-portal.health';

export const healthEventSchema = z.strictObject({
  source: z.literal(HEALTH_EVENT_SOURCE),
  /** What to check: the events function's own DryRun calls, the one thing only it can prove. */
  check: z.literal('permissions'),
});
export type HealthEvent = z.infer<typeof healthEventSchema>;

export const HEALTH_EVENT: HealthEvent = { source: HEALTH_EVENT_SOURCE, check: 'permissions' };

const awsWordsSchema = z.object({ code: z.string(), message: z.string() });

export const healthAnswerSchema = z.object({
  trigger: z.literal('health'),
  permissions: z.array(
    z.object({
      action: z.enum(CLIENT_VPN_CHANGES),
      verdict: z.discriminatedUnion('outcome', [
        z.object({ outcome: z.literal('allowed') }),
        z.object({ outcome: z.literal('denied'), aws: awsWordsSchema }),
        z.object({ outcome: z.literal('inconclusive'), aws: awsWordsSchema }),
      ]),
    }),
  ),
});
export type HealthAnswer = z.infer<typeof healthAnswerSchema>;

/**
 * Asks the events function for its DryRun verdicts through `invoke` and reads the answer.
 * Never throws: a function that cannot be reached, fails, or answers something else is an
 * error outcome in its own words, which the checks show as "not checked".
 */
export async function askEventsFunction(
  invoke: (event: HealthEvent) => Promise<unknown>,
): Promise<RemotePermissions> {
  let answer: unknown;
  try {
    answer = await invoke(HEALTH_EVENT);
  } catch (error) {
    return { outcome: 'error', aws: awsWords(error) };
  }
  const parsed = healthAnswerSchema.safeParse(answer);
  if (!parsed.success) {
    return {
      outcome: 'error',
      aws: {
        code: 'UnexpectedAnswer',
        message: 'The events function answered the health event with something else.',
      },
    };
  }
  return { outcome: 'answered', answers: parsed.data.permissions };
}
