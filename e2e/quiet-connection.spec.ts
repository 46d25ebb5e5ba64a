import { expectAccessible } from './accessibility';
import { expect, nextPoll, test } from './fixtures';

// Issue 14, item 4: a forgotten client no longer keeps the VPN on all night.

test('an employee who put the iPad away still connected sees "ended: no traffic", then the VPN turns itself off', async ({
  signInAs,
  simulator,
}) => {
  const page = await signInAs('employee');
  await page.getByRole('button', { name: 'Connect VPN' }).tap();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Ready — open your VPN app' }),
  ).toBeVisible();
  const client = await simulator.connectClient('employee');
  await nextPoll(page);
  await expect(page.getByText('1 person connected')).toBeVisible();

  // The iPad goes into a drawer with the VPN app connected: only keepalives move. The
  // safety-net sweep runs every 15 simulated minutes.
  await simulator.setClientTraffic(client, 'keepalive-only');
  for (let quarter = 1; quarter <= 5; quarter += 1) await simulator.advance(15);
  await nextPoll(page);

  await expect(page.getByText(/ended: no traffic for 60 min/)).toBeVisible();
  await expect(page.getByText('Nobody is connected yet')).toBeVisible();
  await expect(page.getByText(/^Turns off in /)).toBeVisible();
  await expectAccessible(page, 'ready, connection ended for no traffic');

  expect((await simulator.advance(35)).alarm.value).toBe('ALARM');
  await nextPoll(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Turning off…' })).toBeVisible();
  await simulator.advance(1); // AWS finishes removing the association
  await expect(page.getByRole('heading', { level: 1, name: 'The VPN is off' })).toBeVisible();
  await expect(page.getByText(/ended: no traffic/)).toHaveCount(0);
});
