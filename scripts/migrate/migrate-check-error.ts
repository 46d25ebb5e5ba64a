/**
 * Why `npm run migrate-check` could not look (exit code 2), in words an operator can act on:
 * no credentials, no region, or a read the credentials may not make (named as IAM names it).
 */
export type MigrateCheckErrorKind =
  | 'usage'
  | 'no-credentials'
  | 'no-region'
  | 'access-denied'
  | 'aws';

export class MigrateCheckError extends Error {
  override readonly name = 'MigrateCheckError';
  constructor(
    readonly kind: MigrateCheckErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** Every read the command makes, as IAM names them: the ReadOnlyAccess managed policy covers them. */
export const READ_PERMISSIONS = [
  'cloudwatch:DescribeAlarms',
  'lambda:ListFunctions',
  'lambda:GetFunctionConfiguration',
  'sns:ListSubscriptionsByTopic',
  'iam:ListAttachedRolePolicies',
  'iam:ListRolePolicies',
  'iam:GetRolePolicy',
  'elasticloadbalancing:DescribeTargetGroups',
  'elasticloadbalancing:DescribeTargetHealth',
  'elasticloadbalancing:DescribeLoadBalancers',
  'elasticloadbalancing:DescribeLoadBalancerAttributes',
  'elasticloadbalancing:DescribeListeners',
  'elasticloadbalancing:DescribeRules',
] as const;

export type ReadPermission = (typeof READ_PERMISSIONS)[number];

/** The codes each service answers a refused call with (IAM, ELB and CloudWatch; Lambda; SNS). */
const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'AuthorizationError']);
/** Credentials that exist but that AWS does not accept (expired, revoked, wrong region's STS). */
const CREDENTIALS_REFUSED = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'InvalidSignatureException',
]);

/** Turns what the SDK threw during `permission`'s call into a MigrateCheckError. */
export function explainAwsError(error: unknown, permission: ReadPermission): MigrateCheckError {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'CredentialsProviderError') {
    return new MigrateCheckError(
      'no-credentials',
      'No AWS credentials found. Sign in the way you use the AWS CLI (for example `aws sso login --profile <profile>` and then `AWS_PROFILE=<profile> npm run migrate-check …`), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.',
    );
  }
  if (/region is missing/i.test(message)) {
    return new MigrateCheckError(
      'no-region',
      'No AWS region: pass --region <region> (the endpoint’s region), or set AWS_REGION.',
    );
  }
  if (CREDENTIALS_REFUSED.has(name)) {
    return new MigrateCheckError(
      'no-credentials',
      `AWS refused the credentials (${name}): they have expired or are not valid. Sign in again and rerun.`,
    );
  }
  if (ACCESS_DENIED.has(name)) {
    return new MigrateCheckError(
      'access-denied',
      `Access denied: these credentials may not call ${permission} (AWS said: ${message}). migrate-check only reads; it needs ${READ_PERMISSIONS.join(', ')} (the ReadOnlyAccess managed policy has them all).`,
    );
  }
  return new MigrateCheckError('aws', `${permission} failed: ${name}: ${message}`);
}
