import type { HealthAnswer } from '../adapters/events-function-health.js';
import { createHealthHandler, type HealthHandlerDeps, isHealthEvent } from './health-event.js';
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
  /** DryRun calls with this function's role, for the portal's health panel (issue 17). */
  permissions?: HealthHandlerDeps['permissions'];
}

export type EventsFunctionResult = IdleCheckHandlerResult | WarmUpHandlerResult | HealthAnswer;

/**
 * The events function: the Lambda that answers everything that is not an employee's
 * request. The idle alarm and the safety-net sweep ask it to check for idleness and turn
 * the VPN off; the warm-up schedules ask it to turn the VPN on; the portal's health panel
 * asks it what its role may do. It routes by `source`: `vpn-portal.warm-up` goes to the
 * warm-up, `vpn-portal.health` to the health check, everything else to the idle check. (It
 * ships as dist/lambda/auto-disconnect.mjs, the name the stack and deployed setups know it by.)
 */
export function createEventsFunction(deps: EventsFunctionDeps) {
  const idleCheck = createIdleCheckHandler(deps);
  const warmUp = createWarmUpHandler(deps);
  const health = createHealthHandler(deps);
  return async (event: unknown): Promise<EventsFunctionResult> => {
    if (isWarmUpEvent(event)) return warmUp(event);
    if (isHealthEvent(event)) return health(event);
    return idleCheck(event);
  };
}
