import { figure } from './figures.mjs';
import { runTs } from './run-ts.mjs';

export const IDLE_TIMEOUTS = [10, 30, 60];
export const IDLE_BUDGETED = IDLE_TIMEOUTS.map((idle) => [
  `idle.${idle}.removalMinutes`,
  `idle tail, ${idle} min timeout: worst case to removal`,
  'min',
  { min: idle, max: idle + 5 },
]);

/**
 * Worst case over where the last activity falls in the alarm's 5-minute period and over
 * "connect, nobody uses it" / "a client connected, then left". Removal = the disassociation
 * started (the handler acted); `gone` adds the simulated endpoint's few seconds to finish.
 */
export async function idleTail() {
  const { stepSeconds, results } = await runTs('scripts/bench/idle-tail.ts');
  const figures = [];
  for (const idle of IDLE_TIMEOUTS) {
    const runs = results.filter((run) => run.idleMinutes === idle);
    const removal = runs.map((run) => run.removingAfterMinutes ?? Number.POSITIVE_INFINITY);
    const gone = runs.map((run) => run.goneAfterMinutes ?? Number.POSITIVE_INFINITY);
    figures.push(
      figure(
        `idle.${idle}.removalMinutes`,
        `idle tail, ${idle} min timeout: worst case to removal`,
        Math.max(...removal),
        'min',
        { min: idle, max: idle + 5 },
      ),
      figure(
        `idle.${idle}.earliestRemovalMinutes`,
        `idle tail, ${idle} min timeout: earliest removal`,
        Math.min(...removal),
        'min',
        { min: idle },
      ),
      figure(
        `idle.${idle}.goneMinutes`,
        `idle tail, ${idle} min timeout: worst case to gone`,
        Math.max(...gone),
        'min',
      ),
    );
  }
  return { figures, details: { stepSeconds, results } };
}
