import {
  createIdleCheckHandler,
  type IdleCheckHandlerDeps,
  type IdleCheckHandlerResult,
} from './idle-check-handler.js';
import {
  createWarmUpHandler,
  isWarmUpEvent,
  type WarmUpHandlerDeps,
  type WarmUpHandlerResult,
} from './warm-up-event.js';

export interface EventsFunctionDeps extends IdleCheckHandlerDeps {
  warmUp?: WarmUpHandlerDeps['warmUp'];
}

/**
 * The events function: the Lambda that answers everything that is not an employee's
 * request. The idle alarm and the safety-net sweep ask it to check for idleness and turn
 * the VPN off; the warm-up schedules ask it to turn the VPN on. It routes by `source`:
 * `vpn-portal.warm-up` goes to the warm-up, everything else to the idle check. (It ships as
 * dist/lambda/auto-disconnect.mjs, the name the stack and deployed setups know it by.)
 */
export function createEventsFunction(deps: EventsFunctionDeps) {
  const idleCheck = createIdleCheckHandler(deps);
  const warmUp = createWarmUpHandler(deps);
  return async (event: unknown): Promise<IdleCheckHandlerResult | WarmUpHandlerResult> =>
    isWarmUpEvent(event) ? warmUp(event) : idleCheck(event);
}
