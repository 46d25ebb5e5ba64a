import type { EndpointSettings } from '../config/endpoint-settings.js';
import type { CoreDeps } from '../core/deps.js';
import { InvalidEventError } from '../core/model/errors.js';
import type { Logger } from '../logging/logger.js';
import { createIdleCheckHandler, type IdleCheckHandlerResult } from './idle-check-handler.js';
import { triggerTarget } from './trigger-event.js';
import {
  createWarmUpHandler,
  isWarmUpEvent,
  parseWarmUpEvent,
  type WarmUpHandlerResult,
} from './warm-up-event.js';

/** One endpoint as the events function runs it (issue 18). */
export interface EventsEndpoint {
  settings: Pick<EndpointSettings, 'key' | 'idleAlarmName' | 'warmUps'>;
  /** The core's ports bound to this endpoint. */
  deps: CoreDeps;
}

export interface EventsFunctionDeps {
  /** Every endpoint, in the settings' order: a warm-up event without a key is the first's. */
  endpoints: readonly EventsEndpoint[];
  logger: Logger;
  /** WARM_UP_HOLIDAYS, for every endpoint; the times are each endpoint's own. */
  warmUp?: { holidays: readonly string[]; maxDelayMinutes?: number };
}

/** The sweep's answer: each endpoint's decision, or what stopped it. */
export interface SweepResult {
  trigger: 'sweep';
  endpoints: ({ endpoint: string } & (IdleCheckHandlerResult | { error: string }))[];
}

export type EventsFunctionResult =
  | ({ endpoint: string } & IdleCheckHandlerResult)
  | SweepResult
  | ({ endpoint: string } & WarmUpHandlerResult);

/**
 * The events function: the Lambda that answers everything that is not an employee's
 * request. Each endpoint's idle alarm asks it to check that endpoint (the event names the
 * alarm); the safety-net sweep asks it to check every endpoint; the warm-up schedules ask
 * it to turn one on (the event names the endpoint's key). It routes by `source`:
 * `vpn-portal.warm-up` goes to the warm-up, everything else to the idle check. (It ships as
 * dist/lambda/auto-disconnect.mjs, the name the stack and deployed setups know it by.)
 */
export function createEventsFunction(deps: EventsFunctionDeps) {
  const handlers = deps.endpoints.map((endpoint) => {
    const logger = deps.logger.child({ endpoint: endpoint.settings.key });
    return {
      key: endpoint.settings.key,
      idleAlarmName: endpoint.settings.idleAlarmName,
      idleCheck: createIdleCheckHandler({
        ...endpoint.deps,
        logger,
        idleAlarmName: endpoint.settings.idleAlarmName,
      }),
      warmUp: createWarmUpHandler({
        ...endpoint.deps,
        logger,
        warmUp: {
          schedule: {
            entries: endpoint.settings.warmUps,
            holidays: [...(deps.warmUp?.holidays ?? [])],
          },
          ...(deps.warmUp?.maxDelayMinutes === undefined
            ? {}
            : { maxDelayMinutes: deps.warmUp.maxDelayMinutes }),
        },
      }),
    };
  });
  const [first] = handlers;
  if (!first) throw new Error('the events function needs at least one endpoint');

  const rejected = (error: InvalidEventError): never => {
    deps.logger.error('rejected event', { error: error.message });
    throw error;
  };

  const sweep = async (event: unknown): Promise<SweepResult> => {
    // Every endpoint, side by side: one that fails (AWS refusing, a store down) neither
    // stops nor delays the others; the invocation then fails visibly, and a retry of it
    // decides again from the live state, which is idempotent.
    const settled = await Promise.allSettled(handlers.map((handler) => handler.idleCheck(event)));
    const endpoints = settled.map((outcome, index) => {
      const endpoint = handlers[index]?.key ?? '?';
      if (outcome.status === 'fulfilled') return { endpoint, ...outcome.value };
      const error =
        outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason);
      deps.logger.error('sweep failed for an endpoint', { endpoint, error });
      return { endpoint, error };
    });
    const failed = endpoints.filter((result) => 'error' in result);
    if (failed.length > 0) {
      throw new Error(
        `The sweep failed for ${failed.map((result) => result.endpoint).join(', ')}; the other endpoints were checked.`,
      );
    }
    return { trigger: 'sweep', endpoints };
  };

  return async (event: unknown): Promise<EventsFunctionResult> => {
    if (isWarmUpEvent(event)) {
      // A warm-up made before endpoints had keys names none: it is the first endpoint's.
      let key: string;
      try {
        key = parseWarmUpEvent(event).endpoint ?? first.key;
      } catch (error) {
        return rejected(error as InvalidEventError);
      }
      const handler = handlers.find((candidate) => candidate.key === key);
      if (!handler) {
        return rejected(new InvalidEventError(`Warm-up for "${key}", which is no endpoint's key.`));
      }
      return { endpoint: handler.key, ...(await handler.warmUp(event)) };
    }
    let target: ReturnType<typeof triggerTarget>;
    try {
      target = triggerTarget(event);
    } catch (error) {
      return rejected(error as InvalidEventError);
    }
    if ('everyEndpoint' in target) return sweep(event);
    const { alarmName } = target;
    const handler = handlers.find((candidate) => candidate.idleAlarmName === alarmName);
    if (!handler) {
      const known = handlers.map((candidate) => `"${candidate.idleAlarmName}"`).join(', ');
      return rejected(
        new InvalidEventError(
          `Alarm event from "${alarmName}", which is no endpoint's idle alarm (${known}).`,
        ),
      );
    }
    return { endpoint: handler.key, ...(await handler.idleCheck(event)) };
  };
}
