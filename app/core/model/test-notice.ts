import { clockTime, type Notification } from './notices.js';

/** Who asked for the test notice: the signed-in administrator, as the ALB's token names them. */
export interface NoticeRequester {
  name: string;
  email: string;
}

/**
 * The "send a test notice" button's message (issue 17). It names who asked, so a notice
 * nobody expected can be traced to a person, and says the VPN was not touched: a test must
 * never read like an event (SPEC section 4, rule 13).
 */
export function testNotification(requester: NoticeRequester, now: Date): Notification {
  const who = requester.email ? `${requester.name} <${requester.email}>` : requester.name;
  // SNS subjects are plain ASCII: a name outside it stays in the text only.
  const named = /^[\x20-\x7e]{1,60}$/.test(requester.email) ? ` from ${requester.email}` : '';
  return {
    kind: 'test',
    subject: `VPN portal test notice${named}`,
    text: [
      `${who} asked for this test notice in the VPN portal's admin view at ${clockTime(now.toISOString())}.`,
      'Nothing happened to the VPN. If you can read this, the portal’s notices reach you here.',
    ].join('\n'),
    at: now.toISOString(),
    sessionId: null,
  };
}
