#!/usr/bin/env node
// `npm run bench` (issue 8): every performance figure with its budget, measured in one run.
// Prints one JSON document on stdout and a short table on stderr;
// `npm run bench -- --check` exits with 1 when a budget is missed; `-- --only month` (or a
// comma-separated list of section names) runs only those sections. See the README, "Performance".
import { cpus } from 'node:os';
import { failedSection, table } from './bench/figures.mjs';
import { FLEET_BUDGETED, fleetStatus } from './bench/fleet-section.mjs';
import { IDLE_BUDGETED, idleTail } from './bench/idle-section.mjs';
import { LAMBDA_BUDGETED, lambdaColdStart } from './bench/lambda-cold-start.mjs';
import { LOCAL_BUDGETED, localMode } from './bench/local-section.mjs';
import { MONTH_BUDGETED, month } from './bench/month-section.mjs';
import { PORTAL_BUDGETED, portalLoad } from './bench/portal-section.mjs';
import { SEVERAL_BUDGETED, severalEndpoints } from './bench/several-endpoints-section.mjs';
import { round } from './bench/stats.mjs';

const SECTIONS = [
  ['lambdaColdStart', lambdaColdStart, LAMBDA_BUDGETED],
  ['portalLoad', portalLoad, PORTAL_BUDGETED],
  ['severalEndpoints', severalEndpoints, SEVERAL_BUDGETED],
  ['fleetStatus', fleetStatus, FLEET_BUDGETED],
  ['idleTail', idleTail, IDLE_BUDGETED],
  ['localMode', localMode, LOCAL_BUDGETED],
  ['month', month, MONTH_BUDGETED],
];

const check = process.argv.includes('--check');
const only = onlySections(process.argv.slice(2));
const started = performance.now();
const figures = [];
const details = {};
for (const [name, run, budgeted] of SECTIONS) {
  if (only && !only.includes(name)) continue;
  const begin = performance.now();
  process.stderr.write(`bench: ${name}…\n`);
  // A section that fails reports its budgets as missed and the others still run.
  const result = await run().catch((error) => failedSection(name, error, budgeted));
  figures.push(...result.figures);
  details[name] = {
    ...(result.details ?? {}),
    ...(result.error ? { error: result.error } : {}),
    seconds: round((performance.now() - begin) / 1000, 1),
  };
}

const missed = figures.filter((f) => f.budget && !f.ok).map((f) => f.id);
const report = {
  generatedAt: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    node: process.version,
    platform: process.platform,
  },
  units: {
    MB: '1,000,000 bytes',
    KB: '1,000 bytes',
    KiB: '1,024 bytes',
    gzip: 'zlib default level (6)',
  },
  durationSeconds: round((performance.now() - started) / 1000, 1),
  budgetsMet: missed.length === 0,
  missed,
  figures,
  details,
};
process.stderr.write(
  `\n${table(figures)}\n\n${missed.length ? `missed: ${missed.join(', ')}` : 'every budget met'} (${report.durationSeconds} s)\n`,
);
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
if (check && missed.length > 0) process.exitCode = 1;

/** `--only a,b` or `--only=a,b`: the sections to run (null: all); an unknown name stops here. */
function onlySections(args) {
  const index = args.findIndex((arg) => arg === '--only' || arg.startsWith('--only='));
  if (index === -1) return null;
  const arg = args[index];
  const names = (arg === '--only' ? (args[index + 1] ?? '') : arg.slice('--only='.length))
    .split(',')
    .filter(Boolean);
  const known = SECTIONS.map(([name]) => name);
  const unknown = names.filter((name) => !known.includes(name));
  if (names.length === 0 || unknown.length > 0) {
    process.stderr.write(`bench: --only takes section names: ${known.join(', ')}\n`);
    process.exit(2);
  }
  return names;
}
