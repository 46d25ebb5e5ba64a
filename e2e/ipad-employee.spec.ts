import { readFile } from 'node:fs/promises';
import { expectAccessible } from './accessibility';
import { englishLeftOnScreen } from './english-left';
import { expect, test } from './fixtures';

// Issue 16: the employee's first day on an iPad, and a say over their own session.

test('a new employee on an iPad reads the right app name in Korean', async ({
  signInAs,
  simulator,
}) => {
  const page = await signInAs('minjun', { locale: 'ko-KR' });
  await page.getByRole('button', { name: 'VPN 연결' }).tap();
  await expect(
    page.getByRole('heading', { level: 1, name: '준비 완료 — VPN 앱을 여세요' }),
  ).toBeVisible();
  await expect(page.locator('[data-app="openvpn-connect"]')).toContainText('OpenVPN Connect');
  await expect(page.locator('[data-app]')).not.toContainText('AWS VPN Client');
  await expect(page.getByRole('link', { name: 'OpenVPN Connect 받기' })).toHaveAttribute(
    'href',
    /apps\.apple\.com/,
  );
  await expectAccessible(page, 'ready with the VPN app');
  await page.screenshot({
    path: `docs/screenshot-ipad-${test.info().project.name.replace('ipad-', '')}-ko-ready-app.png`,
  });
  expect((await simulator.state()).associations.length).toBeGreaterThan(0);

  // The new employee sets up the iPad: the setup page, then the configuration file.
  await page.getByRole('link', { name: '이 iPad 설정하기' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: '이 iPad 설정하기' })).toBeVisible();
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { level: 2 })).toHaveCount(4);
  await expect(page.getByRole('link', { name: 'OpenVPN Connect 받기' })).toHaveAttribute(
    'href',
    /apps\.apple\.com/,
  );
  await expect(page.locator('[data-auth="certificate"]')).toContainText('IT 담당자');
  expect(await englishLeftOnScreen(page)).toEqual([]);
  await expectAccessible(page, 'setup page');
  await page.screenshot({
    path: `docs/screenshot-ipad-${test.info().project.name.replace('ipad-', '')}-ko-setup.png`,
    fullPage: true,
  });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: '구성 파일 내려받기' }).tap(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^cvpn-endpoint-[0-9a-f]+\.ovpn$/);
  const file = await readFile(await download.path(), 'utf8');
  expect(file).toMatch(/^client\n/);
  expect(file).toMatch(
    /^remote cvpn-endpoint-[0-9a-f]+\.prod\.clientvpn\.[a-z0-9-]+\.amazonaws\.com 443$/m,
  );
  expect(file).toContain('<ca>');
});

test('an employee whose VPN signs in with SAML learns the iPad cannot use it, and whom to ask', async ({
  signInAs,
  simulator,
}) => {
  await simulator.useAuthentication('federated');
  const page = await signInAs('employee', { path: '/setup' });
  await expect(
    page.getByRole('heading', { level: 2, name: 'This VPN cannot be used from this device' }),
  ).toBeVisible();
  await expect(page.getByText(/Ask your IT team/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open the self-service portal' })).toHaveAttribute(
    'href',
    /^https:\/\/self-service\.clientvpn\.amazonaws\.com\//,
  );
  await expect(page.getByRole('link', { name: 'Download the configuration' })).toHaveCount(0);
  await expectAccessible(page, 'setup page, federated endpoint');
});

test('“I’m done” turns the VPN off when alone and explains when not', async ({
  signInAs,
  simulator,
}) => {
  const page = await signInAs('employee');
  await page.getByRole('button', { name: 'Connect VPN' }).tap();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Ready — open your VPN app' }),
  ).toBeVisible();

  const other = await simulator.connectClient('hanako');
  await page.getByRole('button', { name: 'I’m done, turn it off' }).tap();
  await expect(page.getByText(/1 other person is using the VPN/)).toBeVisible();
  await expect(page.getByText(/hanako|佐藤/i)).toHaveCount(0);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Ready — open your VPN app' }),
  ).toBeVisible();

  await simulator.disconnectClient(other);
  await page.getByRole('button', { name: 'I’m done, turn it off' }).tap();
  await expect(
    page.getByRole('heading', { level: 1, name: /Turning off…|The VPN is off/ }),
  ).toBeVisible();
});

test('“Keep it on +1 h” moves the countdown and the admin sees it', async ({
  signInAs,
  simulator,
}) => {
  await simulator.pauseClock();
  const page = await signInAs('minjun', { locale: 'ko-KR' });
  await page.getByRole('button', { name: 'VPN 연결' }).tap();
  await simulator.advance(1);
  await expect(
    page.getByRole('heading', { level: 1, name: '준비 완료 — VPN 앱을 여세요' }),
  ).toBeVisible();
  const countdown = page.locator('.countdown');
  const before = await countdown.textContent();
  await page.getByRole('button', { name: '1시간 더 켜 두기' }).tap();
  await expect(page.locator('.kept-on')).toContainText('켜 둠');
  await expect(countdown).not.toHaveText(before ?? '');
  await expectAccessible(page, 'kept on');
  await page.screenshot({
    path: `docs/screenshot-ipad-${test.info().project.name.replace('ipad-', '')}-ko-keep-on.png`,
  });

  const admin = await signInAs('admin', { path: '/admin' });
  await expect(admin.locator('.kept-on-by').first()).toContainText('minjun.kim@example.com');
});
