import { expectAccessible } from './accessibility';
import { expect, nextPoll, test } from './fixtures';

// Flows 1 and 2 of issue 7: the employee's page follows the VPN by itself.

test('employee taps Connect and sees the VPN turn on, then Ready', async ({
  signInAs,
  simulator,
}) => {
  const page = await signInAs('employee');
  await expect(page.getByRole('heading', { level: 1, name: 'The VPN is off' })).toBeVisible();
  await expectAccessible(page, 'off');

  // The simulated association lasts a second: hold it while the page is checked.
  await simulator.pauseClock();
  await page.getByRole('button', { name: 'Connect VPN' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Turning on…' })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Turning on…' })).toBeVisible();
  await expect(page.getByText(/so far$/)).toBeVisible();
  await expectAccessible(page, 'starting');
  await simulator.resumeClock();

  // No tap, no reload: the page polls until the simulated association is up.
  await expect(
    page.getByRole('heading', { level: 1, name: 'Ready — open your VPN app' }),
  ).toBeVisible();
  await expect(page.getByText('Nobody is connected yet')).toBeVisible();
  await expect(page.getByText(/^Turns off in /)).toBeVisible();
  await expectAccessible(page, 'ready');

  const { associations } = await simulator.state();
  expect(associations.map((a) => a.status)).toEqual(['associated', 'associated']);
});

test('a connected client keeps the VPN on, and when everyone has left it switches itself off', async ({
  signInAs,
  simulator,
}) => {
  const page = await signInAs('employee');
  await page.getByRole('button', { name: 'Connect VPN' }).tap();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Ready — open your VPN app' }),
  ).toBeVisible();
  // Set in this page's window: a reload would lose it.
  await page.evaluate(() => Object.assign(window, { e2eNotReloaded: true }));

  const client = await simulator.connectClient('employee');
  await nextPoll(page);
  await expect(page.getByText('1 person connected')).toBeVisible();
  await expect(page.getByText('Stays on while someone is connected')).toBeVisible();
  await expect(page.getByText(/^Turns off in /)).toHaveCount(0);
  await expectAccessible(page, 'ready, one person connected');

  await simulator.disconnectClient(client);
  await nextPoll(page);
  await expect(page.getByText('Nobody is connected yet')).toBeVisible();
  // Idle time starts when the last person leaves: about 30 minutes, whatever the iPad's clock.
  await expect(page.getByText(/^Turns off in (29 min|30 min)/)).toBeVisible();
  await expectAccessible(page, 'ready, counting down');

  const afterIdle = await simulator.advance(35);
  expect(afterIdle.alarm.value).toBe('ALARM');
  await nextPoll(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Turning off…' })).toBeVisible();
  await expectAccessible(page, 'stopping');

  await simulator.advance(1); // AWS finishes removing the association
  await expect(page.getByRole('heading', { level: 1, name: 'The VPN is off' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Connect VPN' })).toBeVisible();
  expect(await page.evaluate(() => 'e2eNotReloaded' in window)).toBe(true);
});
