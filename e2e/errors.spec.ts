import type { Page } from '@playwright/test';
import type { ErrorBody } from '../app/http/api-types';
import { expectAccessible } from './accessibility';
import { endpointApi, expect, test } from './fixtures';

// Flow 5 of issue 7: failures in plain words, with a reference id, and a retry that works.

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });

test('employee sees plain words and a reference id when AWS cannot be reached, and Try again turns the VPN on', async ({
  signInAs,
  simulator,
}) => {
  const page = await signInAs('employee');
  await expect(heading(page, 'The VPN is off')).toBeVisible();
  await simulator.injectFault('unavailable', 'associate');

  const answer = page.waitForResponse((response) => endpointApi('connect').test(response.url()));
  await page.getByRole('button', { name: 'Connect VPN' }).tap();
  const failed = await answer;
  expect(failed.status()).toBeGreaterThanOrEqual(500);
  const { error } = (await failed.json()) as ErrorBody;

  await expect(heading(page, 'Something went wrong')).toBeVisible();
  await expect(
    page.getByText('AWS could not be reached. Please try again in a minute.'),
  ).toBeVisible();
  await expect(page.getByText(`Reference: ${error.requestId}`)).toBeVisible();
  await expectAccessible(page, 'error, AWS unreachable');

  await page.getByRole('button', { name: 'Try again' }).tap();
  await expect(heading(page, 'Ready — open your VPN app')).toBeVisible();
});

test('employee who opens the portal while AWS is unreachable sees why, with a reference id', async ({
  signInAs,
  simulator,
}) => {
  // The first status read fails: the page has nothing to show but the failure.
  await simulator.injectFault('unavailable', 'describeAssociations');
  const page = await signInAs('employee');

  await expect(heading(page, 'Something went wrong')).toBeVisible();
  await expect(
    page.getByText('AWS could not be reached. Please try again in a minute.'),
  ).toBeVisible();
  await expect(page.getByText(/^Reference: \S+/)).toBeVisible();
  await expectAccessible(page, 'error, status unavailable');

  await page.getByText('Technical details').tap();
  await expect(page.locator('details').getByText('aws_unavailable')).toBeVisible();
});

test('Try again after a failed status read shows the VPN without turning it on', async ({
  signInAs,
  simulator,
}) => {
  // The portal answers a status read that could not reach AWS with 200 and state `error`:
  // Try again must read again, never start an association (and its cost) nobody asked for.
  await simulator.injectFault('unavailable', 'describeAssociations');
  const page = await signInAs('employee');
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  const connects: string[] = [];
  page.on('request', (request) => {
    if (endpointApi('connect').test(request.url())) connects.push(request.method());
  });

  // The employee reads the message first: the portal keeps a failed read for one second.
  await simulator.advance(0.1);
  await page.getByRole('button', { name: 'Try again' }).tap();
  await expect(heading(page, 'Something went wrong')).toHaveCount(0);
  expect(connects).toEqual([]);
  await expect(heading(page, 'The VPN is off')).toBeVisible();
});
