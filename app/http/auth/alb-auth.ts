import { createMiddleware } from 'hono/factory';
import { NotAdminError, NotAuthenticatedError } from '../../core/model/errors.js';
import type { AppEnv, AuthenticatedUser, AuthVerifier } from '../app-env.js';

export interface AlbAuthOptions {
  verifier: AuthVerifier;
  /** Cognito group whose members are administrators (ADMIN_GROUP). */
  adminGroup: string;
}

/**
 * SPEC section 7: every request behind the ALB carries its signed OIDC headers. Verifies
 * them and sets `user`; a missing or forged header throws NotAuthenticatedError, which
 * app.onError turns into a 401.
 */
export function albAuth({ verifier, adminGroup }: AlbAuthOptions) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const user = await verifier.verify({
      data: c.req.header('x-amzn-oidc-data'),
      accessToken: c.req.header('x-amzn-oidc-accesstoken'),
    });
    c.set('user', { ...user, isAdmin: user.groups.includes(adminGroup) });
    await next();
  });
}

/** After albAuth: lets administrators through, throws NotAdminError (403) for everyone else. */
export function requireAdmin() {
  return createMiddleware<AppEnv>(async (c, next) => {
    // Undefined only if a route forgot albAuth: fail closed rather than crash.
    const user = c.get('user') as AuthenticatedUser | undefined;
    if (!user) throw new NotAuthenticatedError();
    if (!user.isAdmin) throw new NotAdminError();
    await next();
  });
}
