import { endpointKeySchema } from '../config/endpoint-settings.js';
import * as z from '../config/validation.js';
import type { CoreDeps } from '../core/deps.js';
import { InvalidEventError } from '../core/model/errors.js';
import { EMPTY_WARM_UP_SCHEDULE, type WarmUpSchedule } from '../core/model/warm-up-schedule.js';
import { isValidTimeZone } from '../core/model/zoned-time.js';
import { type WarmUpResult, warmUp } from '../core/warm-up.js';
import type { Logger } from '../logging/logger.js';

/** The `source` of a warm-up event; the events function routes on it. */
export const WARM_UP_EVENT_SOURCE = 'vpn-portal.warm-up';

/**
 * The EventBridge Scheduler target input the stack sets on each warm-up schedule. Scheduler
 * replaces `<aws.scheduler.scheduled-time>` with the time the schedule was due, e.g.
 * `2022-03-22T18:59:43Z` ("Adding context attributes", EventBridge Scheduler User Guide:
 * https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-schedule-context-attributes.html).
 * Pass it as the schedule's `Input` (CDK: `ScheduleTargetInput.fromObject(...)`).
 */
export function warmUpTargetInput(scheduleName: string, endpoint?: string): Record<string, string> {
  return {
    source: WARM_UP_EVENT_SOURCE,
    scheduleName,
    scheduledFor: '<aws.scheduler.scheduled-time>',
    // Issue 18: whose warm-up; a schedule made before endpoints had keys has none (the first).
    ...(endpoint === undefined ? {} : { endpoint }),
  };
}

/** The same event with a real time filled in, as local mode's scheduler dispatches it. */
export function warmUpEvent(
  scheduleName: string,
  scheduledFor: Date,
  endpoint?: string,
): Record<string, string> {
  return {
    ...warmUpTargetInput(scheduleName, endpoint),
    scheduledFor: scheduledFor.toISOString(),
  };
}

const warmUpEventSchema = z.object({
  source: z.literal(WARM_UP_EVENT_SOURCE),
  scheduleName: z.string().check(z.minLength(1), z.maxLength(64)),
  scheduledFor: z.iso.datetime({ offset: true }),
  /** Optional: the zone for the holiday check when the entry cannot be told from the time. */
  timeZone: z.optional(z.string().check(z.refine(isValidTimeZone, 'unknown time zone'))),
  endpoint: z.optional(endpointKeySchema),
});

export interface WarmUpEvent {
  scheduleName: string;
  scheduledFor: Date;
  timeZone?: string;
  /** The endpoint's key; absent in events of schedules made before issue 18 (the first's). */
  endpoint?: string;
}

export function isWarmUpEvent(event: unknown): boolean {
  return (
    typeof event === 'object' &&
    event !== null &&
    (event as { source?: unknown }).source === WARM_UP_EVENT_SOURCE
  );
}

export function parseWarmUpEvent(event: unknown): WarmUpEvent {
  const result = warmUpEventSchema.safeParse(event);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new InvalidEventError(
      `Not a valid warm-up event${where}: ${issue?.message ?? 'unexpected value'}.`,
    );
  }
  const { scheduleName, scheduledFor, timeZone, endpoint } = result.data;
  return {
    scheduleName,
    scheduledFor: new Date(scheduledFor),
    ...(timeZone === undefined ? {} : { timeZone }),
    ...(endpoint === undefined ? {} : { endpoint }),
  };
}

export interface WarmUpHandlerDeps extends CoreDeps {
  logger: Logger;
  /** From `loadWarmUpSettings(env)`: the holidays to skip (default: none). */
  warmUp?: { schedule: WarmUpSchedule; maxDelayMinutes?: number };
}

export type WarmUpHandlerResult = {
  trigger: 'warm-up';
  scheduleName: string;
  scheduledFor: string;
} & WarmUpResult;

/**
 * Runs one warm-up. An invalid event throws `InvalidEventError` and touches nothing. A failed
 * association is logged and thrown, so the invocation fails visibly (and Lambda's retry of
 * an asynchronous invocation tries once more; connect is idempotent).
 */
export function createWarmUpHandler(deps: WarmUpHandlerDeps) {
  const schedule = deps.warmUp?.schedule ?? EMPTY_WARM_UP_SCHEDULE;
  return async (event: unknown): Promise<WarmUpHandlerResult> => {
    let parsed: WarmUpEvent;
    try {
      parsed = parseWarmUpEvent(event);
    } catch (error) {
      deps.logger.error('rejected event', { error: (error as Error).message });
      throw error;
    }
    const fields = {
      trigger: 'warm-up' as const,
      scheduleName: parsed.scheduleName,
      scheduledFor: parsed.scheduledFor.toISOString(),
    };
    try {
      const result = await warmUp(deps, {
        at: parsed.scheduledFor,
        schedule,
        ...(parsed.timeZone === undefined ? {} : { timeZone: parsed.timeZone }),
        ...(deps.warmUp?.maxDelayMinutes === undefined
          ? {}
          : { maxDelayMinutes: deps.warmUp.maxDelayMinutes }),
      });
      deps.logger.info('warm-up', { ...fields, ...result });
      return { ...fields, ...result };
    } catch (error) {
      deps.logger.error('warm-up failed', { ...fields, error: (error as Error).message });
      throw error;
    }
  };
}
