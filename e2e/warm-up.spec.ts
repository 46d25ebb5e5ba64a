import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LocalServer, startLocalServer } from '../app/entries/local-server';
import { silentLogger } from '../app/logging/logger';
import { en } from '../web/i18n/en';
import { ko } from '../web/i18n/ko';
import { test as base, expect, nextPoll } from './fixtures';

// Issue 9: the employee page says when the VPN turns on by itself, and it does.
// The shared servers run without a schedule, so this file starts its own local server, one
// per worker, with weekday warm-ups at 08:40 in Seoul; the fixtures then talk to it.

const WARM_UP_SCHEDULE = JSON.stringify([
  { days: ['mon', 'tue', 'wed', 'thu', 'fri'], time: '08:40', timeZone: 'Asia/Seoul' },
]);

const test = base.extend<Record<never, never>, { warmUpServer: LocalServer }>({
  warmUpServer: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture names from this pattern
    async ({}, use) => {
      const server = await startLocalServer({
        port: 0,
        env: { IDLE_TIMEOUT_MINUTES: '30', WARM_UP_SCHEDULE },
        associateSeconds: 1,
        disassociateSeconds: 1,
        logger: silentLogger,
        // Built by the shared servers' start script before any test runs.
        webRoot: resolve(dirname(fileURLToPath(import.meta.url)), '../dist/web'),
      });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ warmUpServer }, use) => {
    await use(warmUpServer.url);
  },
});

/**
 * "The VPN turns on at 8:40 AM on weekdays", from the catalogue's own template: the time is
 * the browser's rendering of 08:40, with the zone named when the iPad is not in Seoul.
 */
function warmUpRule(template: string): RegExp {
  const [before = '', after = ''] = template.split('{time}');
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${literal(before)}\\D*8:40.*${literal(after)}$`);
}

test('employee sees when the VPN turns on by itself, and it does', async ({
  signInAs,
  simulator,
}) => {
  const page = await signInAs('employee');
  await expect(page.getByRole('heading', { level: 1, name: en.offTitle })).toBeVisible();
  await expect(page.getByText(warmUpRule(en.warmUpWeekdays))).toBeVisible();
  await expect(page.getByText(/^Next: /)).toBeVisible();
  await expect(page.getByRole('button', { name: en.connect })).toBeVisible();

  // The simulated clock moves to just past the next warm-up; nobody taps anything.
  const status = await simulator.statusAs(page);
  const nextAt = Date.parse(status.warmUp?.nextAt ?? '');
  expect(nextAt).toBeGreaterThan(Date.parse(status.serverTime));
  const { now } = await simulator.state();
  await simulator.advance(Math.ceil((nextAt - Date.parse(now)) / 60_000) + 1);
  await nextPoll(page);
  await expect(page.getByRole('heading', { level: 1, name: en.readyTitle })).toBeVisible();
  await expect(page.getByText(en.connectedNone)).toBeVisible();
  await expect(page.getByText(warmUpRule(en.warmUpWeekdays))).toHaveCount(0);
});

test('a Korean employee reads the warm-up line in Korean', async ({ signInAs }) => {
  const page = await signInAs('minjun', { locale: 'ko-KR' });
  await expect(page.getByRole('heading', { level: 1, name: ko.offTitle })).toBeVisible();
  await expect(page.getByText(warmUpRule(ko.warmUpWeekdays))).toBeVisible();
  await expect(page.getByText(/^다음: /)).toBeVisible();
});
