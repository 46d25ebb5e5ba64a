import type { Page } from '@playwright/test';
import { endpointApi, expect, letTimePass, nextPoll, test } from './fixtures';

// Issue 13: an error page from the load balancer is an outage, not a sign-out.

/** What the ALB answers in the portal's place when its Lambda target fails or times out. */
const albBadGateway =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n' +
  '<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n';

/** Reloads and navigations of the page from now on: an outage must cause none. */
function watchNavigations(page: Page): string[] {
  const seen: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) seen.push(frame.url());
  });
  return seen;
}

test('employee whose status poll meets the load balancer’s 502 page is told calmly, stays signed in, and the page recovers by itself', async ({
  signInAs,
}) => {
  const page = await signInAs('employee');
  const off = page.getByRole('heading', { level: 1, name: 'The VPN is off' });
  await expect(off).toBeVisible();
  const portalUrl = page.url();
  const navigations = watchNavigations(page);

  let badGateways = 0;
  await page.route(endpointApi('status'), (route) => {
    badGateways += 1;
    return route.fulfill({
      status: 502,
      contentType: 'text/html',
      headers: { server: 'awselb/2.0' },
      body: albBadGateway,
    });
  });
  await nextPoll(page);

  const note = page
    .getByRole('status')
    .filter({ hasText: 'The portal can’t be reached right now. We’ll keep trying.' });
  await expect(note).toBeVisible();
  await expect(note).toContainText('This may be out of date.');
  await expect(off).toBeVisible(); // the last known state stays on screen
  await expect(page.getByRole('heading', { name: 'Something went wrong' })).toHaveCount(0);

  // The page keeps asking, with growing pauses, and never reloads into the sign-in.
  await expect
    .poll(async () => {
      await letTimePass(page, 10);
      return badGateways;
    })
    .toBeGreaterThanOrEqual(3);
  expect(navigations).toEqual([]);

  // The portal answers again: the next try (at most a minute away) brings the page back.
  await page.unroute(endpointApi('status'));
  await expect(async () => {
    await letTimePass(page, 20);
    await expect(note).toBeHidden({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(off).toBeVisible();
  expect(navigations).toEqual([]);
  expect(page.url()).toBe(portalUrl);
});
