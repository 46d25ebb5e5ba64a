import { AlbJwtVerifier, JwtVerifier } from 'aws-jwt-verify';
import { AlbJwksCache } from 'aws-jwt-verify/alb-cache';
import {
  CognitoJwtInvalidClientIdError,
  CognitoJwtInvalidTokenUseError,
  FetchError,
  JwtExpiredError,
  NonRetryableFetchError,
  ParameterValidationError,
} from 'aws-jwt-verify/error';
import type { Fetcher } from 'aws-jwt-verify/https';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import { SettingsError } from '../../config/read-env.js';
import type { Settings } from '../../config/settings.js';
import { NotAuthenticatedError } from '../../core/model/errors.js';
import type { AuthVerifier } from '../app-env.js';

export type AlbAuthSettings = Pick<Settings, 'albArn' | 'albKeysUrl' | 'region' | 'cognito'>;

export interface AlbAuthVerifierOptions {
  /**
   * aws-jwt-verify's fetcher hook, passed to both key caches. Only local mode and tests set
   * it; without it the library's own HTTPS fetching is used (which honours NODE_EXTRA_CA_CERTS).
   */
  fetcher?: Fetcher;
}

/**
 * SPEC section 7: verifies the ALB's `x-amzn-oidc-data` (ES256, expiry, signer = this ALB,
 * client = our app client, issuer = our user pool) and the Cognito access token the ALB
 * forwards (RS256, token_use access, client_id, same `sub`), from which the groups come.
 *
 * Build it once per process: both verifiers cache their keys, so a warm Lambda does not
 * fetch them again.
 */
export function createAlbAuthVerifier(
  settings: AlbAuthSettings,
  options: AlbAuthVerifierOptions = {},
): AuthVerifier {
  const { fetcher } = options;
  const issuer = `https://cognito-idp.${settings.region}.amazonaws.com/${settings.cognito.userPoolId}`;
  const clientId = settings.cognito.clientId;

  const dataVerifier = createDataVerifier(settings, issuer, fetcher);

  // CognitoJwtVerifier takes no JWKS URL (SPEC section 11), so the generic verifier with the
  // pool's issuer and Cognito's access-token checks done by hand.
  const accessVerifier = JwtVerifier.create(
    {
      issuer,
      jwksUri: settings.cognito.jwksUrl,
      audience: null, // Cognito access tokens carry client_id, not aud.
      customJwtCheck: ({ payload }) => {
        if (payload.token_use !== 'access') {
          throw new CognitoJwtInvalidTokenUseError(
            'Not an access token',
            payload.token_use,
            'access',
          );
        }
        if (payload.client_id !== clientId) {
          throw new CognitoJwtInvalidClientIdError('Another client', payload.client_id, clientId);
        }
      },
    },
    { jwksCache: new SimpleJwksCache(fetcher ? { fetcher } : undefined) },
  );

  return {
    async verify({ data, accessToken }) {
      if (!data) throw new NotAuthenticatedError('Sign-in required: the user claims are missing.');
      if (!accessToken) {
        throw new NotAuthenticatedError('Sign-in required: the access token is missing.');
      }
      const claims = await checked('user claims', () => dataVerifier.verify(data));
      const access = await checked('access token', () => accessVerifier.verify(accessToken));
      if (!claims.sub || access.sub !== claims.sub) {
        throw new NotAuthenticatedError('Sign-in could not be verified: the tokens disagree.');
      }
      const email = text(claims.email) ?? '';
      return {
        id: claims.sub,
        email,
        name: text(claims.name) ?? (email || text(claims.username) || claims.sub),
        groups: groupsOf(access),
      };
    },
  };
}

function createDataVerifier(settings: AlbAuthSettings, issuer: string, fetcher?: Fetcher) {
  try {
    return AlbJwtVerifier.create(
      {
        albArn: settings.albArn,
        issuer,
        clientId: settings.cognito.clientId,
        // The library appends `/<kid>` itself.
        jwksUri: settings.albKeysUrl.replace(/\/+$/, ''),
      },
      { jwksCache: new AlbJwksCache(fetcher ? { fetcher } : undefined) },
    );
  } catch (error) {
    // The library accepts only ARNs in a real region (e.g. eu-west-1): say which setting.
    if (error instanceof ParameterValidationError) {
      throw new SettingsError('ALB_ARN', `is not usable: ${error.message}`);
    }
    throw error;
  }
}

/**
 * Turns every "this token is not good" failure into NotAuthenticatedError with a plain
 * message (never the token). A key endpoint that cannot be reached is our problem, not the
 * user's: that error is passed on so it becomes a 500, not a sign-in loop.
 */
async function checked<T>(what: string, verify: () => Promise<T>): Promise<T> {
  try {
    return await verify();
  } catch (error) {
    if (error instanceof FetchError && !(error instanceof NonRetryableFetchError)) throw error;
    if (error instanceof JwtExpiredError) {
      throw new NotAuthenticatedError(`Sign-in expired (${what}).`);
    }
    throw new NotAuthenticatedError(`Sign-in could not be verified (${what}).`);
  }
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function groupsOf(payload: JwtPayload): string[] {
  const groups = payload['cognito:groups'];
  return Array.isArray(groups) ? groups.filter((group) => typeof group === 'string') : [];
}
