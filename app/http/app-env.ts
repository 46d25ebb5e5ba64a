import type { Logger } from '../logging/logger.js';

export interface AuthenticatedUser {
  /** Cognito `sub`. */
  id: string;
  email: string;
  name: string;
  /** From the verified Cognito access token's `cognito:groups`. */
  groups: string[];
  isAdmin: boolean;
}

/** Verifies the ALB's OIDC headers; throws NotAuthenticatedError when they are missing or forged. */
export interface AuthVerifier {
  verify(headers: {
    data: string | undefined;
    accessToken: string | undefined;
  }): Promise<Omit<AuthenticatedUser, 'isAdmin'>>;
}

export type AppEnv = {
  Variables: {
    requestId: string;
    logger: Logger;
    user: AuthenticatedUser;
  };
};
