import { type AutoDisconnectResult, autoDisconnect } from '../core/auto-disconnect.js';
import type { CoreDeps } from '../core/deps.js';
import type { Logger } from '../logging/logger.js';
import { parseTriggerEvent } from './trigger-event.js';
import {
  createWarmUpHandler,
  isWarmUpEvent,
  type WarmUpHandlerDeps,
  type WarmUpHandlerResult,
} from './warm-up-event.js';

export interface AutoDisconnectHandlerDeps extends CoreDeps {
  logger: Logger;
  idleAlarmName: string;
}

export type AutoDisconnectHandlerResult =
  | ({ trigger: 'alarm' | 'sweep' } & AutoDisconnectResult)
  | { trigger: 'alarm'; skipped: string };

/**
 * The alarm action and the safety-net sweep both land here. An invalid event throws (the
 * invocation fails, visibly, and nothing is touched); a valid one runs the core's decision.
 */
export function createAutoDisconnectHandler(deps: AutoDisconnectHandlerDeps) {
  return async (event: unknown): Promise<AutoDisconnectHandlerResult> => {
    let parsed: ReturnType<typeof parseTriggerEvent>;
    try {
      parsed = parseTriggerEvent(event, deps.idleAlarmName);
    } catch (error) {
      deps.logger.error('rejected event', { error: (error as Error).message });
      throw error;
    }
    if (parsed.trigger === 'alarm' && parsed.alarmState !== 'ALARM') {
      const skipped = `Alarm state is ${parsed.alarmState}; only ALARM asks for action.`;
      deps.logger.info('skipped', { trigger: parsed.trigger, reason: skipped });
      return { trigger: 'alarm', skipped };
    }
    const result = await autoDisconnect(deps, parsed.trigger);
    deps.logger.info('auto-disconnect', {
      trigger: parsed.trigger,
      action: result.decision.action,
      reason: result.decision.reason,
      endedSessionId: result.endedSessionId,
      alarmReset: result.alarmReset,
    });
    return { trigger: parsed.trigger, ...result };
  };
}

export interface AutoDisconnectFunctionDeps extends AutoDisconnectHandlerDeps {
  warmUp?: WarmUpHandlerDeps['warmUp'];
}

/**
 * The auto-disconnect Lambda's one handler for its three event kinds: the idle alarm, the
 * safety-net sweep and the warm-up schedules. It routes by `source`: `vpn-portal.warm-up`
 * goes to the warm-up, everything else to the alarm/sweep handler above, unchanged.
 */
export function createAutoDisconnectFunction(deps: AutoDisconnectFunctionDeps) {
  const autoOff = createAutoDisconnectHandler(deps);
  const warmUp = createWarmUpHandler(deps);
  return async (event: unknown): Promise<AutoDisconnectHandlerResult | WarmUpHandlerResult> =>
    isWarmUpEvent(event) ? warmUp(event) : autoOff(event);
}
