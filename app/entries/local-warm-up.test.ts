import { afterEach, describe, expect, it } from 'vitest';
import type { Notification } from '../core/model/notices.js';
import type { AdminSessionsBody } from '../http/api-types.js';
import { silentLogger } from '../logging/logger.js';
import { localBrowser } from '../testing/local-browser.js';
import { type LocalServer, startLocalServer } from './local-server.js';

// Issue 9, "Done when": in local mode a warm-up starts the VPN and idleness turns it off,
// seen over HTTP only, as an iPad and the simulator page would see it.

const MINUTE = 60_000;

/** `HH:MM` in UTC, `minutes` after now, and the instant it next falls on. */
function warmUpSoon(minutes: number) {
  const at = new Date((Math.floor(Date.now() / MINUTE) + minutes) * MINUTE);
  const time = at.toISOString().slice(11, 16);
  return { time, at };
}

let server: LocalServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

function start(env: Record<string, string>) {
  return startLocalServer({
    port: 0,
    env: { IDLE_TIMEOUT_MINUTES: '30', ...env },
    associateSeconds: 0.5,
    disassociateSeconds: 1,
    logger: silentLogger,
    webRoot: null,
    statusCacheMs: 100,
  });
}

describe('local server with a warm-up schedule', () => {
  it('a warm-up turns the VPN on by itself, and idleness turns it off with a notice', async () => {
    const warmUp = warmUpSoon(10);
    const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
    server = await start({
      WARM_UP_SCHEDULE: JSON.stringify([{ days, time: warmUp.time, timeZone: 'UTC' }]),
    });
    const employee = localBrowser(server.url);
    expect((await employee.signIn('minjun')).status).toBe(302);

    const before = await employee.status();
    expect(before.state).toBe('off');
    expect(before.warmUp).toMatchObject({
      time: warmUp.time,
      dayPattern: 'every-day',
      timeZone: 'UTC',
      nextAt: warmUp.at.toISOString(),
    });

    await employee.advance(12);
    expect(['starting', 'ready']).toContain((await employee.status()).state);
    await employee.waitFor((status) => status.state === 'ready');

    const admin = localBrowser(server.url);
    await admin.signIn('admin');
    const during = await admin.json<AdminSessionsBody>('/api/admin/sessions');
    const session = during.sessions[0];
    expect(session).toMatchObject({ startedBy: 'schedule', endedAt: null });
    // At the warm-up's own time, give or take the real time the simulated clock also runs.
    const late = Date.parse(session?.startedAt ?? '') - warmUp.at.getTime();
    expect(late).toBeGreaterThanOrEqual(0);
    expect(late).toBeLessThan(2_000);
    expect(during.warmUps?.next[0]).toBe(
      new Date(warmUp.at.getTime() + 24 * 60 * MINUTE).toISOString(),
    );

    // Nobody connects: the idle alarm fires about 30 minutes after the warm-up.
    expect((await employee.advance(40)).alarm.value).toBe('ALARM');
    await employee.waitFor((status) => status.state === 'off');
    const after = await admin.json<AdminSessionsBody>('/api/admin/sessions');
    expect(after.sessions[0]).toMatchObject({ startedBy: 'schedule', endReason: 'idle' });
    expect(after.warmUps?.costThisMonth.sessions).toBeGreaterThanOrEqual(1);

    const { notifications } = await admin.json<{ notifications: Notification[] }>(
      '/_local/api/notifications',
    );
    expect(notifications).toMatchObject([{ kind: 'auto-off', sessionId: after.sessions[0]?.id }]);
    expect(notifications[0]?.subject).toMatch(/^VPN turned itself off after /);
  });

  it('stops start-up with one line naming the variable when the schedule is invalid', async () => {
    await expect(start({ WARM_UP_SCHEDULE: '[{"days":["mon"],"time":"8:40"}]' })).rejects.toThrow(
      /^Setting WARM_UP_SCHEDULE is invalid at 0\.time/,
    );
    await expect(start({ WARM_UP_HOLIDAYS: '2025-13-01' })).rejects.toThrow(
      /^Setting WARM_UP_HOLIDAYS is invalid/,
    );
  });
});
