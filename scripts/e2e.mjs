// `npm run test:e2e`: the Playwright suite (e2e/*.spec.ts) on Debian's Chromium, iPad emulation.
// Arguments pass through (`npm run test:e2e -- --project=ipad-portrait -g Connect`).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const specs = existsSync('e2e')
  ? readdirSync('e2e').filter((file) => file.endsWith('.spec.ts'))
  : [];
if (specs.length === 0) {
  console.log('e2e: no Playwright specs yet');
  process.exit(0);
}
const chromium = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`e2e: no Chromium at ${chromium}; install Debian's chromium or set E2E_CHROMIUM.`);
  process.exit(1);
}
const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  // Never download browsers: the suite runs the system Chromium.
  env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
});
process.exit(result.status ?? 1);
