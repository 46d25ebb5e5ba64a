import type { APIRequestContext, Locator, Page } from '@playwright/test';
import type { ErrorBody } from '../app/http/api-types';
import { expectAccessible } from './accessibility';
import { englishLeftOnScreen } from './english-left';
import { expect, nextPoll, test } from './fixtures';

// Issue 18: several endpoints in one portal. Local mode simulates "Seoul office" (everyone)
// and "Staging" (group `developers`, of the demo users only 박서준).

/** The association statuses of one simulated endpoint. */
async function associationsOf(request: APIRequestContext, key: string): Promise<string[]> {
  const response = await request.get(`/_local/api/state?endpoint=${key}`);
  const state = (await response.json()) as { associations: { status: string }[] };
  return state.associations.map((association) => association.status);
}

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not on screen');
  return found;
}

const card = (page: Page, name: string) => page.getByRole('region', { name });

test('an employee with one endpoint sees today’s page, without the endpoint’s name', async ({
  signInAs,
}) => {
  const page = await signInAs('employee');
  await expect(page.getByRole('heading', { level: 1, name: 'The VPN is off' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Connect / })).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Connect VPN' })).toBeVisible();
  await expect(page.getByText('Seoul office')).toHaveCount(0);
  await expect(page.getByRole('region')).toHaveCount(1); // today's card, named by its state
});

test('an employee with two endpoints turns on one in Korean while the other stays off', async ({
  signInAs,
  request,
}) => {
  const page = await signInAs('seojun', { locale: 'ko-KR' });
  const seoul = card(page, '서울 사무실');
  const staging = card(page, '스테이징');
  await expect(seoul.getByRole('heading', { name: 'VPN이 꺼져 있습니다' })).toBeVisible();
  await expect(staging.getByRole('heading', { name: 'VPN이 꺼져 있습니다' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'VPN 연결' })).toHaveCount(0);

  // Stacked in portrait, side by side in landscape, neither cut off.
  const [first, second] = [await box(seoul), await box(staging)];
  if (test.info().project.name === 'ipad-portrait') {
    expect(second.y).toBeGreaterThanOrEqual(first.y + first.height);
    expect(second.x).toBeCloseTo(first.x, 0);
    expect(second.width).toBeCloseTo(first.width, 0);
  } else {
    expect(second.x).toBeGreaterThanOrEqual(first.x + first.width);
    expect(second.y).toBeCloseTo(first.y, 0);
  }
  expect(second.x + second.width).toBeLessThanOrEqual(page.viewportSize()?.width ?? 0);
  await expectAccessible(page, 'two endpoints, both off');

  await staging.getByRole('button', { name: '스테이징 연결' }).tap();
  await expect(staging.getByRole('heading', { name: '준비 완료 — VPN 앱을 여세요' })).toBeVisible();
  await expect(seoul.getByRole('heading', { name: 'VPN이 꺼져 있습니다' })).toBeVisible();
  await expect(seoul.getByRole('button', { name: '서울 사무실 연결' })).toBeEnabled();
  expect(await associationsOf(request, 'staging')).toEqual(['associated', 'associated']);
  expect(await associationsOf(request, 'seoul')).toEqual([]);
  expect(await englishLeftOnScreen(page)).toEqual([]);
  await expectAccessible(page, 'two endpoints, one ready');
  const orientation = test.info().project.name.replace('ipad-', '');
  await page.screenshot({ path: `docs/several-endpoints-ko-${orientation}.png`, fullPage: true });

  // The page polls each card: still one ready and one off after the next polls.
  await nextPoll(page);
  await expect(staging.getByRole('heading', { name: '준비 완료 — VPN 앱을 여세요' })).toBeVisible();
  await expect(seoul.getByRole('heading', { name: 'VPN이 꺼져 있습니다' })).toBeVisible();
});

test('an employee outside the group never sees the endpoint, and its API refuses them', async ({
  signInAs,
  baseURL,
  request,
}) => {
  const page = await signInAs('minjun');
  await expect(page.getByRole('heading', { level: 1, name: 'The VPN is off' })).toBeVisible();
  await expect(page.getByText('Staging')).toHaveCount(0);

  const listed = await page.request.get('/api/endpoints');
  const { endpoints } = (await listed.json()) as { endpoints: { key: string }[] };
  expect(endpoints.map((endpoint) => endpoint.key)).toEqual(['seoul']);

  const status = await page.request.get('/api/endpoints/staging/status');
  expect(status.status()).toBe(403);
  expect(((await status.json()) as ErrorBody).error.code).toBe('endpoint_forbidden');
  const connect = await page.request.post('/api/endpoints/staging/connect', {
    headers: { origin: baseURL ?? '' },
    data: {},
  });
  expect(connect.status()).toBe(403);
  expect(((await connect.json()) as ErrorBody).error.code).toBe('endpoint_forbidden');
  expect(await associationsOf(request, 'staging')).toEqual([]);
});

test('the administrator turns off one endpoint and the other stays ready', async ({
  signInAs,
  simulator,
  request,
}) => {
  const employee = await signInAs('seojun');
  await card(employee, 'Seoul office').getByRole('button', { name: 'Connect Seoul office' }).tap();
  await card(employee, 'Staging').getByRole('button', { name: 'Connect Staging' }).tap();
  for (const name of ['Seoul office', 'Staging']) {
    await expect(
      card(employee, name).getByRole('heading', { name: 'Ready — open your VPN app' }),
    ).toBeVisible();
  }

  const admin = await signInAs('admin', { path: '/admin' });
  await expect(admin.getByRole('heading', { level: 1, name: 'Usage and cost' })).toBeVisible();
  const table = admin.getByRole('region', { name: 'Endpoints' });
  await expect(table.getByRole('row', { name: /^Seoul office Ready/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /^Staging Ready/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /^All endpoints/ })).toContainText('$');
  await expectAccessible(admin, 'admin view, two endpoints ready');

  await admin.getByRole('button', { name: 'Staging', exact: true }).tap();
  const staging = admin.getByRole('region', { name: 'Staging' });
  await expect(staging.getByText('Current state: Ready')).toBeVisible();
  await expect(staging.getByRole('region', { name: 'Recent sessions' })).toContainText(
    'seojun.park@example.com',
  );
  await staging.getByRole('button', { name: 'Disconnect now · Staging' }).tap();
  const dialog = admin.getByRole('dialog', { name: 'Staging · Turn the VPN off now?' });
  await expectAccessible(admin, 'admin view, confirm turning Staging off');
  await dialog.getByRole('button', { name: 'Turn off' }).tap();
  await expect(dialog).toBeHidden();
  await expect(staging.getByText('Current state: Turning off')).toBeVisible();
  await expect(table.getByRole('row', { name: /^Staging Turning off/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /^Seoul office Ready/ })).toBeVisible();
  await expect(staging.getByRole('button', { name: 'Disconnect now · Staging' })).toBeDisabled();

  await simulator.advance(1); // AWS finishes removing Staging's associations
  await nextPoll(employee);
  await expect(
    card(employee, 'Staging').getByRole('heading', { name: 'The VPN is off' }),
  ).toBeVisible();
  await expect(
    card(employee, 'Seoul office').getByRole('heading', { name: 'Ready — open your VPN app' }),
  ).toBeVisible();
  expect(await associationsOf(request, 'staging')).toEqual([]);
  expect(await associationsOf(request, 'seoul')).toEqual(['associated', 'associated']);
  await nextPoll(admin);
  await expect(table.getByRole('row', { name: /^Staging Off/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /^Seoul office Ready/ })).toBeVisible();
});
