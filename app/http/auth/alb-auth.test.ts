import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { VpnPortalError } from '../../core/model/errors.js';
import {
  createTestAuth,
  TEST_ADMIN_GROUP,
  testAdmin,
  testEmployee,
} from '../../testing/test-keys.js';
import type { AppEnv } from '../app-env.js';
import { albAuth, requireAdmin } from './alb-auth.js';

// A stand-in for the real error handler: only the status mapping matters here.
function appWithAuth() {
  const auth = createTestAuth();
  const app = new Hono<AppEnv>();
  app.onError((error, c) => {
    const code = error instanceof VpnPortalError ? error.code : 'internal';
    const status = code === 'not_authenticated' ? 401 : code === 'not_admin' ? 403 : 500;
    return c.json({ error: { code, message: error.message } }, status);
  });
  app.use('/api/*', albAuth({ verifier: auth.verifier, adminGroup: TEST_ADMIN_GROUP }));
  app.get('/api/me', (c) => c.json(c.get('user')));
  app.get('/api/admin/sessions', requireAdmin(), (c) => c.json({ sessions: [] }));
  return { app, auth };
}

describe('albAuth', () => {
  it('sets the verified user, not an admin without the admin group', async () => {
    const { app, auth } = appWithAuth();

    const res = await app.request('/api/me', { headers: auth.headersFor(testEmployee, ['staff']) });

    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      id: testEmployee.sub,
      email: testEmployee.email,
      name: testEmployee.name,
      groups: ['staff'],
      isAdmin: false,
    });
  });

  it('marks members of the admin group as administrators', async () => {
    const { app, auth } = appWithAuth();

    const res = await app.request('/api/me', {
      headers: auth.headersFor(testAdmin, [TEST_ADMIN_GROUP]),
    });

    expect(await res.json()).toMatchObject({ id: testAdmin.sub, isAdmin: true });
  });

  it('answers 401 without the ALB headers', async () => {
    const { app } = appWithAuth();

    const res = await app.request('/api/me');

    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'not_authenticated' } });
  });
});

describe('requireAdmin', () => {
  it('lets an administrator through', async () => {
    const { app, auth } = appWithAuth();

    const res = await app.request('/api/admin/sessions', {
      headers: auth.headersFor(testAdmin, [TEST_ADMIN_GROUP]),
    });

    expect(res.status).toBe(200);
  });

  it('answers 403 to an employee', async () => {
    const { app, auth } = appWithAuth();

    const res = await app.request('/api/admin/sessions', {
      headers: auth.headersFor(testEmployee),
    });

    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'not_admin' } });
  });

  it('fails closed when no user was authenticated', async () => {
    const app = new Hono<AppEnv>();
    app.onError((error, c) =>
      c.json({ code: error instanceof VpnPortalError ? error.code : 'internal' }, 401),
    );
    app.get('/admin', requireAdmin(), (c) => c.text('secret'));

    const res = await app.request('/admin');

    expect(await res.json()).toEqual({ code: 'not_authenticated' });
  });
});
