import type { LambdaContext } from 'hono/aws-lambda';
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
  /**
   * What hono/aws-lambda passes in the Lambda (`c.env`). Locally and in `app.request` tests
   * there is no Lambda context, and `c.env` itself may be undefined: read it with `?.`.
   */
  Bindings: { lambdaContext?: Pick<LambdaContext, 'awsRequestId'> };
  Variables: {
    requestId: string;
    logger: Logger;
    user: AuthenticatedUser;
  };
};
