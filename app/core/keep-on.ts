import type { CoreDeps } from './deps.js';
import { readLiveState } from './live-state.js';
import { InvalidRequestError } from './model/errors.js';
import type { KeepOn } from './model/vocabulary.js';
import { updateOpenSession } from './session-updates.js';

/** The hold lengths an employee may ask for at a time (issue 16). */
export const KEEP_ON_STEPS_HOURS = [1, 2] as const;

/**
 * "Keep it on" (issue 16): `hours` more on the open session's hold (from now, or from the
 * current hold's end), at most `policy.keepOnMaxHours` from now. Stored on the session, so
 * the auto-off decision (sweep and alarm) and the promised auto-off time honour it. Bad
 * input (an unknown length, past the maximum, the control turned off, the VPN off) throws
 * InvalidRequestError and changes nothing.
 */
export async function keepOn(deps: CoreDeps, userId: string, hours: number): Promise<KeepOn> {
  const max = deps.policy.keepOnMaxHours ?? 0;
  if (max === 0) throw new InvalidRequestError('“Keep it on” is turned off in this portal.');
  if (!(KEEP_ON_STEPS_HOURS as readonly number[]).includes(hours)) {
    throw new InvalidRequestError(`hours must be one of ${KEEP_ON_STEPS_HOURS.join(', ')}.`);
  }
  const live = await readLiveState(deps);
  if (!live.session || (live.state !== 'ready' && live.state !== 'starting')) {
    throw new InvalidRequestError('The VPN is not on: there is nothing to keep on.');
  }
  const now = deps.clock.now();
  const limit = now.getTime() + max * 3_600_000;
  let hold: KeepOn | null = null;
  let tooLong = false;
  const saved = await updateOpenSession(deps, live.session, (current) => {
    const held = current.keepOn ? Date.parse(current.keepOn.until) : 0;
    const from = Math.max(Number.isNaN(held) ? 0 : held, now.getTime());
    const until = from + hours * 3_600_000;
    tooLong = until > limit;
    if (tooLong) return null;
    hold = { by: userId, at: now.toISOString(), until: new Date(until).toISOString() };
    return { ...current, keepOn: hold };
  });
  if (tooLong) {
    throw new InvalidRequestError(`The VPN can be kept on for at most ${max} hours from now.`);
  }
  if (!saved || !hold)
    throw new InvalidRequestError('The VPN is not on: there is nothing to keep on.');
  return hold;
}
