import { cpus } from 'node:os';
import { figure } from './figures.mjs';
import { runTs } from './run-ts.mjs';
import { median, percentile, round } from './stats.mjs';

/** The trace's seed: the same month every run (scripts/bench/month-trace.ts). */
export const MONTH_SEED = 14;

/** Use level and idle timeout of each policy the month is run under. */
export const MONTH_POLICIES = [
  { id: 'light', use: 'light', idle: 30 },
  { id: 'heavy', use: 'heavy', idle: 30 },
  { id: 'long', use: 'light', idle: 120 },
];
/** Each run switches off one of these (scripts/bench/month-run.ts, MONTH_RULES), or none. */
export const MONTH_RULES = [
  'remembered-ends',
  'sweep-waits-for-alarm',
  'adopted-by-evidence',
  'quiet-connections',
];
export const OVER_ORACLE_MAX = 1.1;

const policyLabel = (policy) => `month, ${policy.use} use, ${policy.idle} min`;

export const MONTH_BUDGETED = MONTH_POLICIES.flatMap((policy) => [
  [
    `month.${policy.id}.overOracle`,
    `${policyLabel(policy)}: association-hours ÷ oracle`,
    '×',
    { max: OVER_ORACLE_MAX },
  ],
  [
    `month.${policy.id}.earlyTurnOffs`,
    `${policyLabel(policy)}: early turn-offs`,
    'offs',
    { max: 0 },
  ],
  [
    `month.${policy.id}.falseAlarmMissed`,
    `${policyLabel(policy)}: false "alarm missed" notices`,
    'notices',
    { max: 0 },
  ],
  [
    `month.${policy.id}.cutOffWhileWorking`,
    `${policyLabel(policy)}: clients ended while working`,
    'clients',
    { max: 0 },
  ],
  [
    `month.${policy.id}.tapsNotServed`,
    `${policyLabel(policy)}: taps never served`,
    'taps',
    { max: 0 },
  ],
]);

/**
 * A seeded month of employees through the real core and local mode (issue 14), under each
 * policy with every rule on (budgeted) and with each rule off in turn (figures only, to
 * show what each rule saves). The runs are shared out over two processes.
 */
export async function month() {
  const variants = MONTH_POLICIES.flatMap((policy) =>
    ['all', ...MONTH_RULES].map((rule) => ({
      policy,
      rule,
      key: `${policy.use}/${policy.idle}/${rule}`,
    })),
  );
  const workers = Math.max(1, Math.min(2, cpus().length));
  // Heavy use takes about twice as long to simulate: deal the runs out by that weight.
  const shares = Array.from({ length: workers }, () => ({ weight: 0, keys: [] }));
  for (const variant of [...variants].sort((a, b) => weight(b) - weight(a))) {
    const lightest = shares.reduce((a, b) => (b.weight < a.weight ? b : a));
    lightest.weight += weight(variant);
    lightest.keys.push(variant.key);
  }
  const outputs = await Promise.all(
    shares.map((share) =>
      runTs('scripts/bench/month.ts', {
        env: { MONTH_SEED: String(MONTH_SEED), MONTH_VARIANTS: share.keys.join(',') },
        timeoutMs: 300_000,
      }),
    ),
  );
  const byKey = new Map(outputs.flatMap((output) => output.runs).map((run) => [run.variant, run]));

  const figures = [];
  const runs = [];
  for (const policy of MONTH_POLICIES) {
    const label = policyLabel(policy);
    const all = summary(byKey.get(`${policy.use}/${policy.idle}/all`));
    runs.push({ policy: policy.id, ...all });
    const id = (name) => `month.${policy.id}.${name}`;
    figures.push(
      figure(
        id('associationHours'),
        `${label}: association-hours (subnet-hours)`,
        all.associationHours,
        'h',
      ),
      figure(id('oracleHours'), `${label}: oracle`, all.oracleHours, 'h'),
      figure(id('overOracle'), `${label}: association-hours ÷ oracle`, all.overOracle, '×', {
        max: OVER_ORACLE_MAX,
      }),
      figure(id('waitMedianMinutes'), `${label}: wait tap → ready, median`, all.wait.median, 'min'),
      figure(id('waitP90Minutes'), `${label}: wait tap → ready, p90`, all.wait.p90, 'min'),
      ...Object.entries(all.notices).map(([kind, count]) =>
        figure(id(`notices.${kind}`), `${label}: notices "${kind}"`, count, 'notices'),
      ),
      figure(id('earlyTurnOffs'), `${label}: early turn-offs`, all.earlyTurnOffs, 'offs', {
        max: 0,
      }),
      figure(
        id('promiseMovedEarlier'),
        `${label}: auto-off time moved earlier`,
        all.promiseMovedEarlier,
        'times',
      ),
      figure(
        id('falseAlarmMissed'),
        `${label}: false "alarm missed" notices`,
        all.falseAlarmMissed,
        'notices',
        { max: 0 },
      ),
      figure(
        id('cutOffWhileWorking'),
        `${label}: clients ended while working`,
        all.cutOffWhileWorking,
        'clients',
        { max: 0 },
      ),
      figure(id('tapsNotServed'), `${label}: taps never served`, all.tapsNotServed, 'taps', {
        max: 0,
      }),
    );
    for (const rule of MONTH_RULES) {
      const off = summary(byKey.get(`${policy.use}/${policy.idle}/${rule}`));
      runs.push({ policy: policy.id, ...off });
      const without = (name) => id(`without.${rule}.${name}`);
      const what = `${label}, without ${rule}`;
      figures.push(
        figure(
          without('associationHours'),
          `${what}: association-hours`,
          off.associationHours,
          'h',
        ),
        figure(without('earlyTurnOffs'), `${what}: early turn-offs`, off.earlyTurnOffs, 'offs'),
        figure(
          without('promiseMovedEarlier'),
          `${what}: auto-off time moved earlier`,
          off.promiseMovedEarlier,
          'times',
        ),
        figure(
          without('falseAlarmMissed'),
          `${what}: false "alarm missed"`,
          off.falseAlarmMissed,
          'notices',
        ),
      );
    }
  }
  return {
    figures,
    details: {
      seed: MONTH_SEED,
      processes: workers,
      simulatedSecondsPerRun: Object.fromEntries(runs.map((run) => [run.variant, run.seconds])),
      runs,
    },
  };
}

function weight({ policy }) {
  return policy.use === 'heavy' ? 2 : 1;
}

/** One run's JSON, with waits reduced to their median and p90 and counts in place of lists. */
function summary(run) {
  if (!run) throw new Error('a month run is missing from the output');
  const {
    waitsMinutes,
    earlyTurnOffs,
    promiseMovedEarlier,
    falseAlarmMissed,
    errors,
    gaveUp,
    ...rest
  } = run;
  return {
    ...rest,
    associationHours: round(run.associationHours, 1),
    oracleHours: round(run.oracleHours, 1),
    overOracle: round(run.associationHours / run.oracleHours, 3),
    wait: {
      sessions: waitsMinutes.length,
      median: round(median(waitsMinutes), 2),
      p90: round(percentile(waitsMinutes, 90), 2),
      max: round(Math.max(...waitsMinutes), 2),
    },
    earlyTurnOffs: earlyTurnOffs.length,
    promiseMovedEarlier: promiseMovedEarlier.length,
    falseAlarmMissed: falseAlarmMissed.length,
    tapsNotServed: gaveUp + errors.length,
    examples: {
      earlyTurnOffs: earlyTurnOffs.slice(0, 3),
      promiseMovedEarlier: promiseMovedEarlier.slice(0, 3),
      falseAlarmMissed: falseAlarmMissed.slice(0, 3),
      errors: errors.slice(0, 3),
    },
    seconds: round(run.seconds, 1),
  };
}
