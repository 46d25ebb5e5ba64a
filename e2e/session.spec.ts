import { endpointApi, expect, nextPoll, test } from './fixtures';

// Flow 7 of issue 7: when the ALB session ends, the page reloads itself into the sign-in.

test('when the sign-in session expires, the next status poll reloads the page to sign in again', async ({
  signInAs,
}) => {
  const page = await signInAs('employee');
  await expect(page.getByRole('heading', { level: 1, name: 'The VPN is off' })).toBeVisible();

  await page.context().clearCookies(); // the ALB's session cookie is gone
  const refused = page.waitForResponse(
    (response) => endpointApi('status').test(response.url()) && response.status() === 302,
  );
  const signIn = page.waitForURL(/\/_local\/signin\?return=%2F$/);
  await nextPoll(page);
  await refused; // the poll got the ALB's redirect instead of JSON…
  await signIn; // …and the page reloaded into the sign-in
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();

  // Signing in again lands back on the portal, which picks up where it was.
  await page.getByRole('button', { name: /^Sign in as Emma Wilson/ }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'The VPN is off' })).toBeVisible();
});
