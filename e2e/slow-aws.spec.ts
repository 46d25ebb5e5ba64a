import type { StatusBody } from '../app/http/api-types';
import { expectAccessible } from './accessibility';
import { endpointApi, expect, letTimePass, test } from './fixtures';

// Issue 15: when EC2 throttles, the page keeps the last status and says, calmly, how old it is.

test('employee whose status AWS is slow to give sees the last one with its age, calmly, and it catches up by itself', async ({
  signInAs,
  simulator,
}, testInfo) => {
  const page = await signInAs('employee');
  await page.getByRole('button', { name: 'Connect VPN' }).tap();
  const ready = page.getByRole('heading', { level: 1, name: 'Ready — open your VPN app' });
  await expect(ready).toBeVisible();
  await simulator.pauseClock(); // the age on screen is the 40 s moved below, not the machine's

  // EC2 answers the portal's next read with RequestLimitExceeded, 40 s after the last one.
  await simulator.injectFault('throttled', 'describeAssociations');
  await simulator.advance(40 / 60);
  const poll = page.waitForResponse((response) => endpointApi('status').test(response.url()));
  await letTimePass(page, 15); // the next poll of a page showing Ready
  const body = (await (await poll).json()) as StatusBody;

  // The portal answered the status it read before, with when it read it: no error.
  expect(body).toMatchObject({ state: 'ready', error: null });
  const ageSeconds = (Date.parse(body.serverTime) - Date.parse(body.asOf ?? '')) / 1000;
  expect(ageSeconds).toBeGreaterThanOrEqual(40);
  expect(ageSeconds).toBeLessThan(60);
  // The page counts on from there, in its own time.
  const asOf = page.getByText(/^Status as of \d+ seconds ago\. It updates by itself\.$/);
  await expect(asOf).toBeVisible();
  expect(Number((await asOf.textContent())?.match(/\d+/)?.[0])).toBeGreaterThanOrEqual(40);
  await expect(ready).toBeVisible(); // the VPN did not fail: no error, no alarm
  await expect(page.getByRole('heading', { name: 'Something went wrong' })).toHaveCount(0);
  await expectAccessible(page, 'ready, status as of 40 s ago');
  await page.screenshot({ path: testInfo.outputPath('status-as-of.png') });

  // EC2 answers again: the next poll reads it and the note goes away.
  await letTimePass(page, 15);
  await expect(asOf).toHaveCount(0);
  await expect(ready).toBeVisible();
});
