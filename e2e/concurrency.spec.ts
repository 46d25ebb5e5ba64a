import type { Page, Request } from '@playwright/test';
import type { StatusBody } from '../app/http/api-types';
import { expectAccessible } from './accessibility';
import { endpointApi, expect, nextPoll, test } from './fixtures';

// Flows 3 and 4 of issue 7: connect is idempotent, and a connect while stopping is kept.

const readyHeading = (page: Page) =>
  page.getByRole('heading', { level: 1, name: 'Ready — open your VPN app' });

test('two employees tap Connect at the same moment and get one association per subnet', async ({
  signInAs,
  simulator,
}) => {
  const [minjun, hanako] = await Promise.all([signInAs('minjun'), signInAs('hanako')]);

  // Hold each request until both are out, so the portal really gets them at once.
  let arrived = 0;
  let releaseBoth = () => {};
  const bothOut = new Promise<void>((resolve) => {
    releaseBoth = resolve;
  });
  for (const page of [minjun, hanako]) {
    await page.route(endpointApi('connect'), async (route) => {
      arrived += 1;
      if (arrived === 2) releaseBoth();
      await bothOut;
      await route.continue();
    });
  }
  const answers = [minjun, hanako].map((page) =>
    page.waitForResponse((response) => endpointApi('connect').test(response.url())),
  );
  await Promise.all([
    minjun.getByRole('button', { name: 'Connect VPN' }).tap(),
    hanako.getByRole('button', { name: 'Connect VPN' }).tap(),
  ]);
  for (const answer of await Promise.all(answers)) {
    expect([200, 202]).toContain(answer.status());
  }

  await expect(readyHeading(minjun)).toBeVisible();
  await expect(readyHeading(hanako)).toBeVisible();
  const { associations } = await simulator.state();
  const subnets = associations.map((a) => a.subnetId);
  expect(associations).toHaveLength(2);
  expect(new Set(subnets).size).toBe(2);
  expect(associations.every((a) => a.status === 'associated')).toBe(true);
});

test('employee taps Connect while the VPN is turning off and it ends Ready without a second tap', async ({
  signInAs,
  simulator,
}) => {
  const page = await signInAs('employee');
  await page.getByRole('button', { name: 'Connect VPN' }).tap();
  await expect(readyHeading(page)).toBeVisible();

  expect((await simulator.advance(35)).alarm.value).toBe('ALARM'); // idle: the alarm acts
  await nextPoll(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Turning off…' })).toBeVisible();
  await expect(page.getByText(/You can still ask for the VPN/)).toBeVisible();
  await expectAccessible(page, 'stopping');

  const connects: Request[] = [];
  page.on('request', (request) => {
    if (endpointApi('connect').test(request.url())) connects.push(request);
  });
  const answer = page.waitForResponse((response) => endpointApi('connect').test(response.url()));
  await page.getByRole('button', { name: 'Connect VPN' }).tap();
  const queued = (await (await answer).json()) as StatusBody;
  expect(queued).toMatchObject({ state: 'stopping', connectQueued: true });
  await expect(page.getByText('Will turn back on when stopping ends')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Connect VPN' })).toHaveCount(0);
  await expectAccessible(page, 'stopping, connect queued');

  await simulator.advance(1); // AWS finishes removing the old association
  await expect(readyHeading(page)).toBeVisible({ timeout: 20_000 });
  expect(connects).toHaveLength(1);
  const { associations } = await simulator.state();
  expect(associations.filter((a) => a.status === 'associated')).toHaveLength(2);
});
