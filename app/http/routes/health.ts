import { Hono } from 'hono';
import * as z from '../../config/validation.js';
import { type HealthCheckDeps, runHealthChecks } from '../../core/health-checks.js';
import type { HealthReport } from '../../core/model/health.js';
import { sendTestNotice } from '../../core/send-test-notice.js';
import { StatusCache } from '../../core/status-cache.js';
import type { Notifier } from '../../ports/notifier.js';
import type { AppEnv } from '../app-env.js';
import { requireAdmin } from '../auth/index.js';
import type { HealthBody, TestNoticeBody } from '../health-api-types.js';
import { readJsonBody } from '../read-json-body.js';

/**
 * How long one run of the checks answers the panel on this instance. The checks make about a
 * dozen AWS calls and invoke the events function: an administrator reloading the page, or two
 * of them looking at once, must not multiply that.
 */
export const HEALTH_CACHE_MS = 60_000;

const emptyBody = z.strictObject({});

export interface HealthRouteDeps {
  checks: HealthCheckDeps;
  /** The notifier every notice takes; without one the test notice says nothing was sent. */
  notifier?: Notifier | undefined;
  cacheMs?: number;
}

/**
 * The admin view's health panel (issue 17). Its own routes, cache and AWS calls: nothing here
 * is on the employee's status path, so a slow check can never slow the status poll.
 */
export function healthRoutes(deps: HealthRouteDeps) {
  const { checks } = deps;
  const cache = new StatusCache<HealthReport>(
    () => runHealthChecks(checks),
    checks.clock,
    deps.cacheMs ?? HEALTH_CACHE_MS,
  );
  return new Hono<AppEnv>()
    .get('/admin/health', requireAdmin(), async (c) => c.json<HealthBody>(await cache.get()))
    .post('/admin/health/test-notice', requireAdmin(), async (c) => {
      await readJsonBody(c, emptyBody);
      const admin = c.get('user');
      const result = await sendTestNotice(
        { notifier: deps.notifier, clock: checks.clock },
        { name: admin.name, email: admin.email },
      );
      c.get('logger').info('test notice', { userId: admin.id, sent: result.sent });
      return c.json<TestNoticeBody>({
        sent: result.sent,
        subject: result.notice.subject,
        at: result.notice.at,
      });
    });
}
