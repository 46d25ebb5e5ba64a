import * as z from '../config/validation.js';
import { InvalidEventError } from '../core/model/errors.js';
import type { AutoDisconnectTrigger } from '../core/model/triggers.js';

/**
 * The two events that may wake the auto-disconnect handler, validated at the edge.
 * Alarm: the event CloudWatch sends a Lambda alarm action ("Lambda alarm actions",
 * CloudWatch User Guide: `source: "aws.cloudwatch"`, `alarmArn`, `alarmData.state.value`).
 * Sweep: the EventBridge "Scheduled Event" every 15 minutes.
 */
const alarmEvent = z.object({
  source: z.literal('aws.cloudwatch'),
  alarmArn: z.string().check(z.startsWith('arn:')),
  time: z.optional(z.string()),
  alarmData: z.object({
    alarmName: z.string().check(z.minLength(1)),
    state: z.object({
      value: z.enum(['OK', 'ALARM', 'INSUFFICIENT_DATA']),
      reason: z.optional(z.string()),
      timestamp: z.optional(z.string()),
    }),
  }),
});

const scheduledEvent = z.object({
  source: z.literal('aws.events'),
  'detail-type': z.literal('Scheduled Event'),
  time: z.optional(z.string()),
});

const triggerEvent = z.union([alarmEvent, scheduledEvent]);

export type TriggerEvent =
  | { trigger: AutoDisconnectTrigger; alarmState?: undefined }
  | { trigger: 'alarm'; alarmState: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA' };

export function parseTriggerEvent(event: unknown, expectedAlarmName: string): TriggerEvent {
  const parsed = validTriggerEvent(event);
  if (parsed.source === 'aws.events') return { trigger: 'sweep' };
  if (parsed.alarmData.alarmName !== expectedAlarmName) {
    throw new InvalidEventError(
      `Alarm event from "${parsed.alarmData.alarmName}", expected "${expectedAlarmName}".`,
    );
  }
  return { trigger: 'alarm', alarmState: parsed.alarmData.state.value };
}

/**
 * Whom a trigger event is for (issue 18): the endpoint whose idle alarm it names, or every
 * endpoint (the sweep). Anything else throws InvalidEventError, before any endpoint is touched.
 */
export function triggerTarget(event: unknown): { alarmName: string } | { everyEndpoint: true } {
  const parsed = validTriggerEvent(event);
  return parsed.source === 'aws.events'
    ? { everyEndpoint: true }
    : { alarmName: parsed.alarmData.alarmName };
}

function validTriggerEvent(event: unknown): z.infer<typeof triggerEvent> {
  const result = triggerEvent.safeParse(event);
  if (result.success) return result.data;
  const source =
    typeof event === 'object' && event !== null && 'source' in event
      ? String((event as { source: unknown }).source)
      : 'none';
  throw new InvalidEventError(
    `Not a CloudWatch alarm event or an EventBridge scheduled event (source: ${source}).`,
  );
}
