import { describe, expect, it } from 'vitest';
import { testClock, testNotifier } from '../testing/core-deps.js';
import { sendTestNotice } from './send-test-notice.js';

describe('sendTestNotice', () => {
  it('sends a test notice naming who asked, and saying the VPN was not touched', async () => {
    const notifier = testNotifier();
    const clock = testClock(new Date('2026-03-02T09:15:00Z'));

    const result = await sendTestNotice(
      { notifier, clock },
      { name: 'Alex Admin', email: 'alex.admin@example.com' },
    );

    expect(result.sent).toBe(true);
    expect(notifier.sent).toEqual([result.notice]);
    expect(result.notice).toEqual({
      kind: 'test',
      subject: 'VPN portal test notice from alex.admin@example.com',
      text: expect.stringContaining(
        'Alex Admin <alex.admin@example.com> asked for this test notice in the VPN portal',
      ),
      at: '2026-03-02T09:15:00.000Z',
      sessionId: null,
    });
    expect(result.notice.text).toContain('2026-03-02 09:15 UTC');
    expect(result.notice.text).toContain('Nothing happened to the VPN.');
  });

  it('keeps a name outside ASCII out of the subject, which SNS e-mail needs in ASCII', async () => {
    const notifier = testNotifier();
    const result = await sendTestNotice(
      { notifier, clock: testClock() },
      { name: '김민준', email: '민준@example.com' },
    );
    expect(result.notice.subject).toBe('VPN portal test notice');
    expect(result.notice.text).toContain('김민준 <민준@example.com>');
  });

  it('says nothing was sent when no channel is configured', async () => {
    const result = await sendTestNotice(
      { clock: testClock() },
      { name: 'Alex Admin', email: 'alex.admin@example.com' },
    );
    expect(result.sent).toBe(false);
  });

  it('still answers when a channel fails: the notifier keeps its promise never to throw', async () => {
    const notifier = testNotifier();
    notifier.failWith(new Error('Chat webhook answered HTTP 500.'));
    const result = await sendTestNotice(
      { notifier, clock: testClock() },
      { name: 'Alex Admin', email: 'alex.admin@example.com' },
    );
    expect(result.sent).toBe(true);
    expect(notifier.sent).toEqual([]);
  });
});
