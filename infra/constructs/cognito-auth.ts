import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { type CognitoSettings, cognitoHostedUiHost } from '../settings.js';

export interface CognitoAuthProps {
  settings: CognitoSettings;
  adminGroup: string;
  /** The host employees open (the domain name, or the ALB's DNS name when there is none). */
  portalHost: string;
}

/**
 * Where the portal's `/signout` sends the browser after Cognito's logout (`logout_uri`, see
 * app/http/routes/signout.ts): the portal root, which starts a fresh sign-in.
 */
export const SIGNED_OUT_PATH = '/';

/**
 * Cognito for the ALB's `authenticate-cognito` action: either a new user pool with the
 * administrators' group, a hosted-UI domain and an app client made for the ALB, or an
 * existing pool and client (which the operator configures as the README says).
 */
export class CognitoAuth extends Construct {
  readonly userPool: cognito.IUserPool;
  readonly client: cognito.IUserPoolClient;
  readonly domain: cognito.IUserPoolDomain;
  /** The hosted UI's host name, for the portal's sign-out redirect (COGNITO_DOMAIN). */
  readonly hostedUiHost: string;

  constructor(scope: Construct, id: string, props: CognitoAuthProps) {
    super(scope, id);
    const { settings } = props;
    this.hostedUiHost = cognitoHostedUiHost(settings, Stack.of(this).region);

    if (settings.mode === 'import') {
      this.userPool = cognito.UserPool.fromUserPoolId(this, 'UserPool', settings.userPoolId);
      this.client = cognito.UserPoolClient.fromUserPoolClientId(this, 'Client', settings.clientId);
      this.domain = cognito.UserPoolDomain.fromDomainName(this, 'Domain', settings.domain);
      return;
    }

    const pool = new cognito.UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(pool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'The Plus feature plan (threat protection) is billed per monthly active user; for a ' +
        'small employee pool with required TOTP MFA, self sign-up disabled and a strong ' +
        'password policy, the operator can opt in later without changing the portal.',
    });

    new cognito.CfnUserPoolGroup(this, 'AdminGroup', {
      userPoolId: pool.userPoolId,
      groupName: props.adminGroup,
      description: 'VPN portal administrators: usage, cost and "Disconnect now"',
    });

    this.domain = pool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: settings.domainPrefix },
    });
    const base = `https://${props.portalHost}`;
    this.client = pool.addClient('AlbClient', {
      // The ALB authenticates as a confidential client: it needs the secret.
      generateSecret: true,
      authFlows: {},
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [`${base}/oauth2/idpresponse`],
        logoutUrls: [`${base}${SIGNED_OUT_PATH}`],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(1),
    });
    this.userPool = pool;
  }
}
