import type { APIRequestContext, Page } from '@playwright/test';
import { ko } from '../web/i18n/ko';
import { expectAccessible } from './accessibility';
import { englishLeftOnScreen } from './english-left';
import type { SimulatorState } from './fixtures';
import { expect, test } from './fixtures';

// Issue 17: the administrator proves on day one that the deployment works, in the admin view.

/** Takes a permission away from one function's role in the simulator, as a changed policy would. */
async function denyPermission(
  request: APIRequestContext,
  operation: 'associate' | 'disassociate' | 'createRoute' | 'terminateConnection',
  caller: 'portal' | 'background',
): Promise<void> {
  const response = await request.post('/_local/api/permissions', {
    data: { operation, caller, allowed: false },
  });
  expect(response.ok(), await response.text()).toBe(true);
}

async function demoNames(page: Page): Promise<string[]> {
  const state = (await (await page.request.get('/_local/api/state')).json()) as SimulatorState;
  return state.users.map((user) => user.name);
}

test('an administrator sees in Korean that the auto-off function may not turn the VPN off, and how to fix it', async ({
  signInAs,
  simulator,
  request,
}) => {
  await denyPermission(request, 'disassociate', 'background');
  // A quarter of an hour on: the safety-net sweep has run, so this is the one check that fails.
  await simulator.advance(15);

  const admin = await signInAs('admin', { locale: 'ko-KR', path: '/admin' });
  await expect(admin.getByRole('heading', { level: 1, name: ko.adminTitle })).toBeVisible();
  const panel = admin.getByRole('region', { name: '배포 상태 점검' });
  await expect(panel).toContainText('실패 1개, 경고 0개, 통과 14개.');

  const failed = panel.getByRole('listitem').filter({ hasText: '실패' });
  await expect(failed).toHaveCount(1);
  await expect(failed).toHaveAttribute(
    'data-check',
    'permission:events:DisassociateClientVpnTargetNetwork',
  );
  await expect(failed.getByRole('heading', { level: 3 })).toHaveText(
    '자동 끄기 함수 권한: VPN 끄기',
  );
  await expect(failed).toContainText(
    'IAM이 이 함수의 역할에 ec2:DisassociateClientVpnTargetNetwork을(를) 허용하지 않습니다: UnauthorizedOperation.',
  );
  await expect(failed).toContainText(
    '해결 방법: 스택을 다시 배포(npx cdk deploy)해 역할의 권한을 되돌리세요.',
  );
  await expect(failed).toContainText('AWS의 응답: UnauthorizedOperation: You are not authorized');
  // The checks that passed are folded away, one tap from view.
  await expect(panel.getByText('통과한 점검 14개')).toBeVisible();
  await expect(panel.locator('[data-check="endpoint"]')).toBeHidden();

  expect(await englishLeftOnScreen(admin, await demoNames(admin))).toEqual([]);
  await expectAccessible(admin, 'admin view, a failed health check');
  if (test.info().project.name === 'ipad-portrait') {
    // The 12.9-inch iPad, upright: the panel as an administrator first sees it.
    await admin.setViewportSize({ width: 1024, height: 1366 });
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: 'docs/screenshot-ipad-portrait-ko-health.png' });
  }

  // Given the permission back, the same panel passes on the next check.
  await request.post('/_local/api/permissions', {
    data: { operation: 'disassociate', caller: 'background', allowed: true },
  });
  await panel.getByRole('button', { name: '다시 점검' }).tap();
  await expect(panel).toContainText('점검 15개를 모두 통과했습니다.');
});

test('an administrator sends a test notice, and it goes out naming them', async ({
  signInAs,
  simulator,
}) => {
  const admin = await signInAs('admin', { path: '/admin' });
  const panel = admin.getByRole('region', { name: 'Deployment health' });
  await expect(panel).toContainText('checks passed');

  await panel.getByRole('button', { name: 'Send a test notice' }).tap();

  await expect(panel.getByRole('status')).toContainText(
    'Sent: “VPN portal test notice from alex.admin@example.com”.',
  );
  const { notifications } = (await simulator.state()) as SimulatorState & {
    notifications: { kind: string; subject: string; text: string }[];
  };
  expect(notifications).toEqual([
    expect.objectContaining({
      kind: 'test',
      subject: 'VPN portal test notice from alex.admin@example.com',
      text: expect.stringContaining(
        'Alex Admin <alex.admin@example.com> asked for this test notice',
      ),
    }),
  ]);
  await expectAccessible(admin, 'admin view, test notice sent');
});

test('an employee cannot read the health checks or send a test notice', async ({
  signInAs,
  baseURL,
}) => {
  const page = await signInAs('employee', { path: '/admin' });
  await expect(page.getByRole('heading', { level: 1, name: 'Administrators only' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Deployment health' })).toHaveCount(0);

  expect((await page.request.get('/api/admin/health')).status()).toBe(403);
  const notice = await page.request.post('/api/admin/health/test-notice', {
    headers: { origin: baseURL ?? '' },
    data: {},
  });
  expect(notice.status()).toBe(403);
});
