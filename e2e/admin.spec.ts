import type { Page } from '@playwright/test';
import type { ErrorBody } from '../app/http/api-types';
import { expectAccessible } from './accessibility';
import { expect, nextPoll, test } from './fixtures';

// Flow 6 of issue 7: the administrator's view of usage and cost, and its off switch.

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });

test('administrator sees who started and used the VPN and what it cost, then uses Disconnect now', async ({
  signInAs,
  simulator,
}) => {
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
