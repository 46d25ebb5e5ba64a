/**
 * The simulated month (issue 14), run by scripts/bench/month-section.mjs. MONTH_VARIANTS
 * names the runs, comma-separated, each `<use>/<idle minutes>/<rule off or "all">`, e.g.
 * `light/30/all,heavy/30/quiet-connections`; MONTH_SEED seeds the trace. Prints one JSON line.
 */
import { MONTH_RULES, type MonthRule, runMonth } from './month-run.js';
import { generateMonthTrace, type MonthTrace, type UseLevel } from './month-trace.js';

const seed = Number(process.env.MONTH_SEED ?? 14);
const variants = (process.env.MONTH_VARIANTS ?? 'light/30/all').split(',').filter(Boolean);

const traces = new Map<UseLevel, MonthTrace>();
const runs = [];
for (const variant of variants) {
  const [use, idle, rule] = variant.split('/');
  if (use !== 'light' && use !== 'heavy') throw new Error(`unknown use in ${variant}`);
  if (rule !== 'all' && !MONTH_RULES.includes(rule as MonthRule)) {
    throw new Error(`unknown rule in ${variant}`);
  }
  let trace = traces.get(use);
  if (!trace) {
    trace = generateMonthTrace({ seed, use });
    traces.set(use, trace);
  }
  const result = await runMonth({
    trace,
    idleTimeoutMinutes: Number(idle),
    ruleOff: rule === 'all' ? null : (rule as MonthRule),
  });
  runs.push({ variant, ...result });
}
process.stdout.write(`${JSON.stringify({ seed, runs })}\n`);
