/**
 * Test fixture: the event an Application Load Balancer sends to a Lambda target.
 *
 * Shape from the ELB user guide, "Lambda functions as targets" → "Receive events from the
 * load balancer" (docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html)
 * and the Lambda guide's example request event (docs.aws.amazon.com/lambda/latest/dg/services-alb.html):
 * - `requestContext.elb.targetGroupArn`, `httpMethod`, `path`, `body`, `isBase64Encoded`;
 * - without multi-value headers: `headers` and `queryStringParameters` (last value wins);
 * - with multi-value headers enabled on the target group (as this project deploys it):
 *   `multiValueHeaders` and `multiValueQueryStringParameters` instead, never both;
 * - header names arrive in lower case; query values arrive as the browser sent them, still
 *   URL-encoded ("the load balancer does not decode them");
 * - `body` is "" for a request without one.
 */
export interface AlbEvent {
  requestContext: { elb: { targetGroupArn: string } };
  httpMethod: string;
  path: string;
  queryStringParameters?: Record<string, string>;
  multiValueQueryStringParameters?: Record<string, string[]>;
  headers?: Record<string, string>;
  multiValueHeaders?: Record<string, string[]>;
  body: string;
  isBase64Encoded: boolean;
}

export interface AlbEventInput {
  method?: string;
  path?: string;
  headers?: Record<string, string | string[]>;
  /** Decoded values; the fixture encodes them like a browser would. */
  query?: Record<string, string | string[]>;
  /** A string is sent as text; a Uint8Array base64-encoded, as the ALB does for binary. */
  body?: string | Uint8Array;
  /** Whether the target group has multi-value headers enabled (our deployment: true). */
  multiValue?: boolean;
}

const TEST_TARGET_GROUP_ARN =
  'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/vpn-portal/73e2d6bc24d8a067';

// What the ALB adds to every request it forwards (values as in the AWS examples).
const ALB_HEADERS: Record<string, string> = {
  host: 'vpn.example.com',
  'x-amzn-trace-id': 'Root=1-5c536348-3d683b8b04734faae651f476',
  'x-forwarded-for': '198.51.100.23',
  'x-forwarded-port': '443',
  'x-forwarded-proto': 'https',
};

export function albEvent(input: AlbEventInput = {}): AlbEvent {
  const multiValue = input.multiValue ?? true;
  const headers: Record<string, string[]> = {};
  for (const [name, value] of Object.entries({ ...ALB_HEADERS, ...input.headers })) {
    headers[name.toLowerCase()] = Array.isArray(value) ? value : [value];
  }
  const query: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(input.query ?? {})) {
    const values = Array.isArray(value) ? value : [value];
    query[encodeURIComponent(name)] = values.map((item) => encodeURIComponent(item));
  }
  const binary = input.body instanceof Uint8Array;
  const body =
    input.body === undefined
      ? ''
      : input.body instanceof Uint8Array
        ? Buffer.from(input.body).toString('base64')
        : input.body;

  return {
    requestContext: { elb: { targetGroupArn: TEST_TARGET_GROUP_ARN } },
    httpMethod: (input.method ?? 'GET').toUpperCase(),
    path: input.path ?? '/',
    ...(multiValue
      ? { multiValueQueryStringParameters: query, multiValueHeaders: headers }
      : { queryStringParameters: lastValues(query), headers: lastValues(headers) }),
    body,
    isBase64Encoded: binary,
  };
}

function lastValues(map: Record<string, string[]>): Record<string, string> {
  const single: Record<string, string> = {};
  for (const [name, values] of Object.entries(map)) {
    const last = values.at(-1);
    if (last !== undefined) single[name] = last;
  }
  return single;
}
