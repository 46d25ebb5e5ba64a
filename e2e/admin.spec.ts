import type { Page } from '@playwright/test';
import type { ErrorBody } from '../app/http/api-types';
import { netSavingsCatalogues } from '../web/components/net-savings-messages';
import { ko } from '../web/i18n/ko';
import { expectAccessible } from './accessibility';
import { englishLeftOnScreen } from './english-left';
import { expect, nextPoll, type SimulatorState, test } from './fixtures';

// Flow 6 of issue 7: the administrator's view of usage and cost, and its off switch.

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });

test('administrator sees who started and used the VPN and what it cost, then uses Disconnect now', async ({
  signInAs,
  simulator,
}) => {
  // The longest story: two signed-in pages, three accessibility scans, and since issue 18
  // local mode's admin view of two endpoints. It took 37–42 s of the 45 s limit on a quiet
  // 2-core machine, so it gets the slow-test allowance rather than failing under CI's load.
  test.slow();
  const employee = await signInAs('minjun');
  await employee.getByRole('button', { name: 'Connect VPN' }).tap();
  await expect(heading(employee, 'Ready — open your VPN app')).toBeVisible();
  await simulator.connectClient('hanako');

  const admin = await signInAs('admin', { path: '/admin' });
  await expect(heading(admin, 'Usage and cost')).toBeVisible();
  await expect(admin.getByText('Current state: Ready · 1 person connected')).toBeVisible();
  const sessions = admin.getByRole('region', { name: 'Recent sessions' });
  const session = sessions.getByRole('row').nth(1);
  await expect(session.getByRole('cell').nth(0)).toHaveText('minjun.kim@example.com');
  await expect(session.getByRole('cell').nth(3)).toContainText('hanako.sato@example.com');
  await expect(session.getByRole('cell').nth(6)).toHaveText('Running');
  await expect(session.getByRole('cell').nth(7)).toHaveText(/^\$\d+\.\d\d$/);
  const connections = admin.getByRole('region', { name: 'Connections' });
  await expect(connections.getByRole('row', { name: /hanako\.sato@example\.com/ })).toContainText(
    'Connected',
  );
  await expect(admin.getByRole('heading', { name: 'This month' })).toBeVisible();
  await expectAccessible(admin, 'admin view, VPN ready');

  await admin.getByRole('button', { name: 'Disconnect now' }).tap();
  const dialog = admin.getByRole('dialog', { name: 'Turn the VPN off now?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('1 connected people will lose the VPN');
  await expectAccessible(admin, 'admin view, confirm disconnect');
  await dialog.getByRole('button', { name: 'Turn off' }).tap();
  await expect(dialog).toBeHidden();
  await expect(admin.getByText('Current state: Turning off')).toBeVisible();
  await expect(admin.getByRole('button', { name: 'Disconnect now' })).toBeDisabled();
  await expectAccessible(admin, 'admin view, VPN stopping');

  await nextPoll(employee);
  await expect(heading(employee, 'Turning off…')).toBeVisible();
  await simulator.advance(1); // AWS finishes removing the associations
  await expect(heading(employee, 'The VPN is off')).toBeVisible();
  await nextPoll(admin);
  await expect(session.getByRole('cell').nth(6)).toHaveText('Turned off by admin');
  await expect(admin.getByText('Current state: Off')).toBeVisible();
});

test('an employee who opens /admin sees it is for administrators only, and the API refuses', async ({
  signInAs,
  baseURL,
}) => {
  const page = await signInAs('employee', { path: '/admin' });
  await expect(heading(page, 'Administrators only')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Usage and cost' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Disconnect now' })).toHaveCount(0);
  await expectAccessible(page, 'administrators only');

  const sessions = await page.request.get('/api/admin/sessions');
  expect(sessions.status()).toBe(403);
  expect(((await sessions.json()) as ErrorBody).error.code).toBe('not_admin');
  const disconnect = await page.request.post('/api/disconnect', {
    headers: { origin: baseURL ?? '' },
    data: {},
  });
  expect(disconnect.status()).toBe(403);
});

test('administrator sees, in Korean, what the portal itself costs and the savings left after it', async ({
  signInAs,
  simulator,
}) => {
  const words = netSavingsCatalogues.ko;
  // The portal's own cost runs whether or not anyone used the VPN: an hour of the month is enough.
  await simulator.advance(60);

  const admin = await signInAs('admin', { locale: 'ko-KR', path: '/admin' });
  const panel = admin.getByRole('region', { name: words.netTitle });
  await expect(panel).toBeVisible();
  // Always-on, minus the VPN, minus the portal's own cost, and what is left.
  for (const label of [
    ko.monthAlwaysOn,
    words.netVpnCost,
    words.netProductCost,
    words.netSavings,
  ]) {
    await expect(panel.getByRole('term').filter({ hasText: label })).toBeVisible();
  }
  await expect(panel.getByRole('definition').nth(2)).toHaveText(/^− US\$\d+\.\d\d$/);

  await panel.getByText(words.productLinesToggle).tap();
  const lines = panel.getByRole('listitem');
  await expect(lines).toHaveCount(5);
  for (const [index, name] of [
    words.productAlbOwn,
    words.productLambda,
    words.productDynamoDb,
    words.productKms,
    words.productCloudWatch,
  ].entries()) {
    await expect(lines.nth(index)).toContainText(name);
  }
  await lines.nth(0).getByText(words.productAlbOwn).tap();
  await expect(lines.nth(0).getByRole('rowheader', { name: words.partAlbHours })).toBeVisible();
  await expect(
    lines.nth(0).getByRole('rowheader', { name: words.partPublicIpv4Hours }),
  ).toBeVisible();
  await expect(panel.getByText(words.regionUsEast1, { exact: false })).toBeVisible();

  const users = (await (await admin.request.get('/_local/api/state')).json()) as SimulatorState;
  expect(
    await englishLeftOnScreen(
      admin,
      users.users.map((user) => user.name),
    ),
  ).toEqual([]);
  await expectAccessible(admin, 'admin view, the portal’s own cost opened, in Korean');
});
