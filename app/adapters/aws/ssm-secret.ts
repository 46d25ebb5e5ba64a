import { type AwsCallOptions, awsCall } from './aws-call.js';
import type { GetParameter } from './ssm-get-parameter.js';

export interface SsmSecretOptions {
  /** `signedGetParameter(...)` (ssm-get-parameter.ts): SSM's GetParameter, decrypting. */
  getParameter: GetParameter;
  /** Parameter name (or ARN), e.g. `/vpn-portal/chat-webhook-url`. */
  name: string;
  call?: AwsCallOptions;
}

/**
 * A SecureString from SSM Parameter Store, read with `WithDecryption` on first use and kept
 * for the life of the (warm) Lambda, so the secret never sits in a plain environment
 * variable and costs one GetParameter per cold start. A failed read is not remembered: the
 * next use tries again. The value is never logged or put in an error message.
 *
 * Needs `ssm:GetParameter` on the parameter, and `kms:Decrypt` on its key when it is a
 * customer managed key (the AWS managed `aws/ssm` key needs no grant).
 */
export function createSsmSecret(options: SsmSecretOptions): () => Promise<string> {
  let pending: Promise<string> | null = null;
  const read = async (): Promise<string> => {
    const answer = await awsCall(
      'GetParameter',
      (abortSignal) => options.getParameter(options.name, abortSignal),
      options.call ?? {},
    );
    const value = answer.Parameter?.Value;
    if (!value) throw new Error(`SSM parameter ${options.name} has no value.`);
    return value;
  };
  return () => {
    pending ??= read().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}
