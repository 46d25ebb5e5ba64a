/**
 * An error answer of an AWS JSON protocol (awsJson1_1, restJson1) as the SDK would throw it:
 * `name` from the body's `__type` (`[namespace#]Code`) or `Type`, else the `x-amzn-ErrorType`
 * header (`Code:…`), plus `$fault` and `$metadata.httpStatusCode`, so `awsCall` retries and
 * types it as it does the SDK's. https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html
 * and https://smithy.io/2.0/aws/protocols/aws-restjson1-protocol.html
 */
export function awsJsonError(service: string, response: Response, text: string): Error {
  let type = response.headers.get('x-amzn-errortype') ?? '';
  let message = '';
  try {
    const parsed = JSON.parse(text) as {
      __type?: unknown;
      message?: unknown;
      Message?: unknown;
    };
    if (typeof parsed.__type === 'string') type = parsed.__type;
    const words = parsed.message ?? parsed.Message;
    if (typeof words === 'string') message = words;
  } catch {
    // Not JSON (a proxy's page): the status decides.
  }
  const name = type.split(':')[0]?.split('#').pop() || `Http${response.status}`;
  return Object.assign(new Error(message || `${service} answered HTTP ${response.status}.`), {
    name,
    $fault: response.status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: response.status },
  });
}
