import { awsJsonError } from './aws-json-error.js';
import { type AwsCredentials, signedPost } from './signed-post.js';

/** A synchronous invocation: the function's answer, parsed as JSON. */
export type InvokeFunction = (
  functionArn: string,
  payload: unknown,
  abortSignal: AbortSignal,
) => Promise<unknown>;

export interface SignedLambdaInvokeOptions {
  region: string;
  /** `https://lambda.<region>.amazonaws.com`, or an override (config/aws-endpoint.ts). */
  endpoint: string;
  /** The SDK's own provider chain (`defaultProvider()`), so every call signs as one role. */
  credentials: () => Promise<AwsCredentials>;
  /** Injected by tests; the platform's `fetch` otherwise. */
  fetch?: typeof fetch;
}

/**
 * Lambda's `Invoke` with `RequestResponse`, signed with the SDK's Signature V4 signer: the
 * portal's one Lambda call (the health panel asks the events function for its DryRun
 * verdicts). `@aws-sdk/client-lambda` would bring the whole Lambda service model for one
 * operation; this needs only the signer and hash the other clients already bundle, as
 * ssm-get-parameter.ts does (docs/decisions/014-health-checks.md).
 *
 * API reference, Invoke (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html):
 * `POST /2015-03-31/functions/{FunctionName}/invocations`, `X-Amz-Invocation-Type`. The HTTP
 * status does not reflect the function's own errors: those come back as 200 with an
 * `X-Amz-Function-Error` header and `{ errorType, errorMessage }` as the payload, thrown here
 * as an error of that name. Errors of the call itself (AccessDeniedException,
 * TooManyRequestsException, …) carry the SDK's shape, so `awsCall` retries and types them.
 */
export function signedLambdaInvoke(options: SignedLambdaInvokeOptions): InvokeFunction {
  const post = signedPost({ ...options, service: 'lambda' });
  return async (functionArn, payload, abortSignal) => {
    const { response, text } = await post(
      `/2015-03-31/functions/${encodeURIComponent(functionArn)}/invocations`,
      { 'content-type': 'application/json', 'x-amz-invocation-type': 'RequestResponse' },
      JSON.stringify(payload),
      abortSignal,
    );
    if (!response.ok) throw awsJsonError('Lambda', response, text);
    const answer = parseJson(text, response.status);
    if (response.headers.get('x-amz-function-error')) throw functionError(answer);
    return answer;
  };
}

function parseJson(text: string, status: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw Object.assign(new Error('Lambda answered Invoke with a payload that is not JSON.'), {
      name: 'InvalidPayload',
      $fault: 'client',
      $metadata: { httpStatusCode: status },
    });
  }
}

/** The function threw: its own error type and message, as Lambda reports them. */
function functionError(answer: unknown): Error {
  const { errorType, errorMessage } = (answer ?? {}) as {
    errorType?: unknown;
    errorMessage?: unknown;
  };
  return Object.assign(
    new Error(typeof errorMessage === 'string' ? errorMessage : 'The function failed.'),
    {
      name: typeof errorType === 'string' && errorType !== '' ? errorType : 'FunctionError',
      // The function answered: not a fault of the Lambda service, and not worth a retry.
      $fault: 'client',
      $metadata: { httpStatusCode: 200 },
    },
  );
}
