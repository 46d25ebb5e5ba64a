import { awsJsonError } from './aws-json-error.js';
import { type AwsCredentials, signedPost } from './signed-post.js';

/** The part of GetParameter's answer the portal reads (API_GetParameter.html). */
export interface GetParameterAnswer {
  Parameter?: { Value?: string };
}

/** `GetParameter` with `WithDecryption`, as ssm-secret.ts calls it. */
export type GetParameter = (name: string, abortSignal: AbortSignal) => Promise<GetParameterAnswer>;

export interface SignedGetParameterOptions {
  region: string;
  /** `https://ssm.<region>.amazonaws.com`, or an override (config/aws-endpoint.ts). */
  endpoint: string;
  /** The SDK's own provider chain (`defaultProvider()`), so both sign as the same role. */
  credentials: () => Promise<AwsCredentials>;
  /** Injected by tests; the platform's `fetch` otherwise. */
  fetch?: typeof fetch;
}

/**
 * One SSM call, `GetParameter`, over SSM's JSON 1.1 protocol, signed with the SDK's own
 * Signature V4 signer. `@aws-sdk/client-ssm` registers all of SSM's errors and schemas when it
 * loads (about 80 KB minified, whichever command is used), which would take the portal bundle
 * over its 1 MB budget; this needs only the signer and hash the other clients already bundle
 * (docs/decisions/007-notices-from-the-portal.md). Errors carry the SDK's shape (`name`, `$fault`,
 * `$metadata.httpStatusCode`), so `awsCall` retries and types them as it does the SDK's.
 * An error never holds the parameter's value.
 */
export function signedGetParameter(options: SignedGetParameterOptions): GetParameter {
  const post = signedPost({ ...options, service: 'ssm' });
  return async (name, abortSignal) => {
    const { response, text } = await post(
      '/',
      {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AmazonSSM.GetParameter',
      },
      JSON.stringify({ Name: name, WithDecryption: true }),
      abortSignal,
    );
    if (!response.ok) throw awsJsonError('SSM', response, text);
    try {
      return JSON.parse(text) as GetParameterAnswer;
    } catch {
      throw Object.assign(new Error('SSM answered GetParameter with a body that is not JSON.'), {
        $metadata: { httpStatusCode: response.status },
      });
    }
  };
}
