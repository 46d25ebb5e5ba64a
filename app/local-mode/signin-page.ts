import type { DemoUser } from './demo-users.js';
import { escapeHtml, localPage } from './html.js';

/**
 * The stand-in for Cognito's hosted UI: one button per demo user. The form posts to
 * /_local/signin, which sets the local session cookie and goes back to `returnTo`.
 */
export function signinPage(options: {
  users: DemoUser[];
  adminGroup: string;
  returnTo: string;
}): string {
  const items = options.users
    .map((user) => {
      const role = user.groups.includes(options.adminGroup) ? 'Administrator' : 'Employee';
      return `<li><form method="post" action="/_local/signin">
  <input type="hidden" name="user" value="${escapeHtml(user.key)}">
  <input type="hidden" name="return" value="${escapeHtml(options.returnTo)}">
  <button type="submit" aria-label="Sign in as ${escapeHtml(user.name)}"><span>${escapeHtml(user.name)} <span class="note">${escapeHtml(user.email)}</span></span><span class="note">${role}</span></button>
</form></li>`;
    })
    .join('\n');
  return localPage(
    'Sign in — VPN On Demand (local)',
    `<h1>Sign in</h1>
<p class="note">Local mode: this page stands in for the Cognito sign-in. Pick who you are; the
local load balancer then signs its headers for that person, as the real ALB does.</p>
<ul class="users">
${items}
</ul>
<p class="note"><a href="/_local">Simulator controls</a></p>`,
  );
}
