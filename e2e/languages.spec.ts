import type { Page } from '@playwright/test';
import type { Catalogue } from '../web/i18n/en';
import { ja } from '../web/i18n/ja';
import { ko } from '../web/i18n/ko';
import { englishLeftOnScreen } from './english-left';
import { expect, nextPoll, type Simulator, type SimulatorState, test } from './fixtures';

// Flow 8 of issue 7: Korean and Japanese pages carry no English, in every state.

const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });

async function expectNoEnglish(page: Page, state: string): Promise<void> {
  const users = await page.request.get('/_local/api/state');
  const names = ((await users.json()) as SimulatorState).users.map((user) => user.name);
  expect(
    await englishLeftOnScreen(page, names),
    `English left on screen in state "${state}"`,
  ).toEqual([]);
}

/** Walks the employee's page through every state, checking the words in each. */
async function everyEmployeeState(page: Page, t: Catalogue, simulator: Simulator) {
  await expect(h1(page, t.offTitle)).toBeVisible();
  await expectNoEnglish(page, 'off');
  await simulator.injectFault('unavailable', 'associate');
  await page.getByRole('button', { name: t.connect }).tap();
  await expect(h1(page, t.errorTitle)).toBeVisible();
  await expect(page.getByText(t.errorAwsUnavailable)).toBeVisible();
  await expectNoEnglish(page, 'error');
  // The simulated association lasts a second: hold it while the words are checked.
  await simulator.pauseClock();
  await page.getByRole('button', { name: t.retry }).tap();
  await expect(h1(page, t.startingTitle)).toBeVisible();
  await expectNoEnglish(page, 'starting');
  await simulator.resumeClock();
  await expect(h1(page, t.readyTitle)).toBeVisible();
  await expectNoEnglish(page, 'ready, counting down');

  const client = await simulator.connectClient('minjun');
  await nextPoll(page);
  await expect(page.getByText(t.staysOn)).toBeVisible();
  await expectNoEnglish(page, 'ready, one person connected');
  await simulator.disconnectClient(client);

  await simulator.advance(35);
  await nextPoll(page);
  await expect(h1(page, t.stoppingTitle)).toBeVisible();
  await expectNoEnglish(page, 'stopping');
  await page.getByRole('button', { name: t.connect }).tap();
  await expect(page.getByText(t.connectQueued)).toBeVisible();
  await expectNoEnglish(page, 'stopping, connect queued');

  await simulator.advance(1);
  await expect(h1(page, t.readyTitle)).toBeVisible({ timeout: 20_000 });
}

/** The administrator's view with a finished and a running session, and its dialog. */
async function adminView(page: Page, t: Catalogue) {
  await expect(h1(page, t.adminTitle)).toBeVisible();
  await expect(page.getByRole('region', { name: t.sessionsTitle }).getByRole('row')).toHaveCount(3);
  await expectNoEnglish(page, 'admin view');
  await page.getByRole('button', { name: t.disconnectNow }).tap();
  await expect(page.getByRole('dialog', { name: t.disconnectConfirmTitle })).toBeVisible();
  await expectNoEnglish(page, 'admin view, confirm disconnect');
  await page.getByRole('button', { name: t.cancel }).tap();
}

test('a Korean iPad shows every state of the portal in Korean, with no English left', async ({
  signInAs,
  simulator,
}) => {
  const page = await signInAs('minjun', { locale: 'ko-KR' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await everyEmployeeState(page, ko, simulator);

  const admin = await signInAs('admin', { locale: 'ko-KR', path: '/admin' });
  await adminView(admin, ko);
  const employeeOnAdmin = await signInAs('hanako', { locale: 'ko-KR', path: '/admin' });
  await expect(h1(employeeOnAdmin, ko.adminOnlyTitle)).toBeVisible();
  await expectNoEnglish(employeeOnAdmin, 'administrators only');
});

test('an employee who picks 日本語 sees every state in Japanese, remembered after a reload', async ({
  signInAs,
  simulator,
}) => {
  const page = await signInAs('hanako');
  await page.getByRole('button', { name: '日本語' }).tap();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await page.reload();
  await expect(page.getByRole('button', { name: '日本語' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await everyEmployeeState(page, ja, simulator);

  const admin = await signInAs('admin', { path: '/admin' });
  await admin.getByRole('button', { name: '日本語' }).tap();
  await adminView(admin, ja);
});

test('the no-English check does notice English on an English page', async ({ signInAs }) => {
  const page = await signInAs('emma');
  await expect(h1(page, 'The VPN is off')).toBeVisible();
  const found = await englishLeftOnScreen(page, ['Emma Wilson']);
  expect(found).toContain('English phrase "The VPN is off" in "The VPN is off"');
  expect(found).toContain('Latin word "Sign" in "Sign out"');
});
