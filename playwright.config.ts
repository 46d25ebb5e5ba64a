import { execFileSync } from 'node:child_process';
import { defineConfig, devices } from '@playwright/test';

/**
 * The e2e suite (issue 7): Debian's Chromium emulating an iPad Pro 11 in portrait and
 * landscape, against the local server (simulated AWS) started on a free port.
 */

/** Asks the OS for a free port, synchronously, since the config itself is synchronous. */
function freePort(): string {
  const script = `const s = require('node:net').createServer();
s.listen(0, '127.0.0.1', () => { process.stdout.write(String(s.address().port)); s.close(); });`;
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim();
}

/**
 * One local server per worker, so two tests never share a simulated endpoint: worker n
 * (its parallelIndex) talks to server n (see the `baseURL` fixture in e2e/fixtures.ts).
 * Chosen once in the runner; its workers inherit the variable and so agree on the ports.
 */
const WORKERS = 2;
process.env.E2E_PORTS ??= Array.from({ length: WORKERS }, freePort).join(',');
const ports = process.env.E2E_PORTS.split(',');
const baseURL = `http://localhost:${ports[0]}`;

const chromium = {
  browserName: 'chromium' as const,
  launchOptions: {
    executablePath: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  },
};

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  outputDir: 'test-results',
  // The suite mostly waits on polls and simulated delays, so two workers halve its time.
  workers: WORKERS,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['./e2e/summary-reporter.ts']],
  use: {
    baseURL,
    headless: true,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    locale: 'en-US',
  },
  projects: [
    {
      name: 'ipad-portrait',
      use: { ...devices['iPad Pro 11'], ...chromium },
    },
    {
      name: 'ipad-landscape',
      use: { ...devices['iPad Pro 11 landscape'], ...chromium },
      // The words do not depend on the orientation: languages run once, in portrait.
      testIgnore: 'languages.spec.ts',
    },
  ],
  // Started one after the other, so only the first one builds what is missing.
  webServer: ports.map((port) => ({
    // `npm start`'s script: builds the SPA and the server bundle only when missing or stale.
    command: 'node scripts/start.mjs',
    url: `http://localhost:${port}/_local/signin`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
    env: {
      PORT: port,
      HOST: '127.0.0.1',
      // Short enough to watch, long enough for a tap while the VPN is turning off: the
      // tests end a disassociation early by advancing the simulated clock.
      LOCAL_ASSOCIATE_SECONDS: '1',
      LOCAL_DISASSOCIATE_SECONDS: '30',
      // Nothing persisted: every run starts empty, and the tests reset between them.
      LOCAL_DATA_FILE: '',
      LOCAL_USE_AWS: '',
      LOCAL_LOG_REQUESTS: '',
      IDLE_TIMEOUT_MINUTES: '30',
    },
  })),
});
