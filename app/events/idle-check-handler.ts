import { type AutoDisconnectResult, autoDisconnect } from '../core/auto-disconnect.js';
import type { CoreDeps } from '../core/deps.js';
import type { IdleCheckOutcome, IdleCheckTrigger } from '../core/model/health.js';
import type { Logger } from '../logging/logger.js';
import type { RunLog } from '../ports/run-log.js';
import { parseTriggerEvent } from './trigger-event.js';

export interface IdleCheckHandlerDeps extends CoreDeps {
  logger: Logger;
  idleAlarmName: string;
  /**
   * Where each run leaves what it decided, for the admin view's health panel (issue 17):
   * one write per run. Without it nothing is recorded.
   */
  runs?: RunLog;
}

const OUTCOME_OF: Record<AutoDisconnectResult['decision']['action'], IdleCheckOutcome> = {
  disassociate: 'disassociated',
  decline: 'declined',
  nothing: 'nothing',
};

export type IdleCheckHandlerResult =
  | ({ trigger: 'alarm' | 'sweep' } & AutoDisconnectResult)
  | { trigger: 'alarm'; skipped: string };

/**
 * The alarm action and the safety-net sweep both land here. An invalid event throws (the
 * invocation fails, visibly, and nothing is touched); a valid one runs the core's decision.
 */
export function createIdleCheckHandler(deps: IdleCheckHandlerDeps) {
  return async (event: unknown): Promise<IdleCheckHandlerResult> => {
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
      await recordRun(deps, parsed.trigger, 'skipped', skipped);
      return { trigger: 'alarm', skipped };
    }
    let result: AutoDisconnectResult;
    try {
      result = await autoDisconnect(deps, parsed.trigger);
    } catch (error) {
      await recordRun(deps, parsed.trigger, 'failed', (error as Error).message);
      throw error;
    }
    await recordRun(
      deps,
      parsed.trigger,
      OUTCOME_OF[result.decision.action],
      result.decision.reason,
    );
    deps.logger.info('auto-disconnect', {
      trigger: parsed.trigger,
      action: result.decision.action,
      reason: result.decision.reason,
      endedSessionId: result.endedSessionId,
      alarmReset: result.alarmReset,
      closing: result.closing,
    });
    for (const ended of result.quietEnds.ended) {
      deps.logger.info('ended a connection without traffic', {
        trigger: parsed.trigger,
        connectionId: ended.connectionId,
        user: ended.user,
        quietSince: ended.quietSince.toISOString(),
        quietMinutes: deps.policy.quietConnectionMinutes,
      });
    }
    for (const failed of result.quietEnds.failed) {
      // Warned, not thrown: the decision still ran; the next sweep tries the connection again.
      deps.logger.warn('could not end a connection without traffic', {
        trigger: parsed.trigger,
        connectionId: failed.connectionId,
        error: failed.error,
      });
    }
    if (result.closing === 'ended-by-another') {
      deps.logger.info('another run ended the session first; this one did nothing more', {
        trigger: parsed.trigger,
      });
    }
    if (result.unreadable.length > 0) {
      // One line per unreadable witness, so a metric filter can count them.
      for (const witness of result.unreadable) {
        deps.logger.warn('decided without an unreadable witness', {
          trigger: parsed.trigger,
          witness,
          action: result.decision.action,
        });
      }
    }
    return { trigger: parsed.trigger, ...result };
  };
}

/**
 * Leaves the run's outcome for the health panel. A record that cannot be written is a warning,
 * never a failed run: the decision has been carried out whatever the log says.
 */
async function recordRun(
  deps: IdleCheckHandlerDeps,
  trigger: IdleCheckTrigger,
  outcome: IdleCheckOutcome,
  reason: string,
): Promise<void> {
  if (!deps.runs) return;
  try {
    await deps.runs.record({ trigger, at: deps.clock.now(), outcome, reason });
  } catch (error) {
    deps.logger.warn('could not record the run for the health panel', {
      trigger,
      error: (error as Error).message,
    });
  }
}
