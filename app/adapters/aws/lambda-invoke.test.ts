import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { awsCall } from './aws-call.js';
import { signedLambdaInvoke } from './lambda-invoke.js';

/*
 * Lambda's Invoke (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html):
 * `POST /2015-03-31/functions/{FunctionName}/invocations`, `X-Amz-Invocation-Type:
 * RequestResponse`; the function's answer is the body. A function that throws still gets
 * HTTP 200, with `X-Amz-Function-Error: Unhandled` and `{ errorType, errorMessage }` as the
 * body. Errors of the call itself come as restJson1 errors, the code in `x-amzn-ErrorType`
 * (AccessDeniedException 403, TooManyRequestsException 429, ResourceNotFoundException 404).
 */

const REGION = 'ap-northeast-2';
const FUNCTION_ARN = 'arn:aws:lambda:ap-northeast-2:123456789012:function:VpnPortal-events';
const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'secret',
  sessionToken: 'token',
};

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}
type Answer = { status: number; body: string; headers?: Record<string, string> };

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

async function fakeLambda(...answers: Answer[]) {
  const seen: Seen[] = [];
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      seen.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const answer = (answers.length > 1 ? answers.shift() : answers[0]) ?? {
        status: 200,
        body: 'null',
      };
      response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      response.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const invoke = signedLambdaInvoke({
    region: REGION,
    endpoint: `http://127.0.0.1:${port}`,
    credentials: async () => credentials,
  });
  return { seen, invoke };
}

const signal = () => new AbortController().signal;

describe('signedLambdaInvoke', () => {
  it('invokes the function synchronously, signed for lambda in the region, and reads its answer', async () => {
    const { seen, invoke } = await fakeLambda({
      status: 200,
      body: JSON.stringify({ trigger: 'health', permissions: [] }),
    });

    await expect(invoke(FUNCTION_ARN, { source: 'vpn-portal.health' }, signal())).resolves.toEqual({
      trigger: 'health',
      permissions: [],
    });
    const [request] = seen;
    expect(request).toMatchObject({
      method: 'POST',
      url: `/2015-03-31/functions/${encodeURIComponent(FUNCTION_ARN)}/invocations`,
    });
    expect(JSON.parse(request?.body ?? '')).toEqual({ source: 'vpn-portal.health' });
    expect(request?.headers).toMatchObject({
      'content-type': 'application/json',
      'x-amz-invocation-type': 'RequestResponse',
      'x-amz-security-token': 'token',
    });
    expect(request?.headers.authorization).toMatch(
      new RegExp(
        `^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\\d{8}/${REGION}/lambda/aws4_request, SignedHeaders=[a-z0-9;-]*x-amz-invocation-type[a-z0-9;-]*, Signature=[0-9a-f]{64}$`,
      ),
    );
  });

  it('throws the function’s own error by its type when the function failed', async () => {
    const { invoke } = await fakeLambda({
      status: 200,
      headers: { 'x-amz-function-error': 'Unhandled' },
      body: JSON.stringify({
        errorType: 'InvalidEventError',
        errorMessage: 'Not a valid health event.',
        trace: [],
      }),
    });

    await expect(invoke(FUNCTION_ARN, {}, signal())).rejects.toMatchObject({
      name: 'InvalidEventError',
      message: 'Not a valid health event.',
      $metadata: { httpStatusCode: 200 },
    });
  });

  it('throws Lambda’s refusals with their codes, so awsCall types them and never retries them', async () => {
    const { seen, invoke } = await fakeLambda({
      status: 403,
      headers: { 'x-amzn-errortype': 'AccessDeniedException' },
      body: JSON.stringify({
        Type: 'User',
        message: `User is not authorized to perform: lambda:InvokeFunction on resource: ${FUNCTION_ARN}`,
      }),
    });

    const failure = awsCall('Invoke', (abortSignal) => invoke(FUNCTION_ARN, {}, abortSignal), {
      sleep: vi.fn(async () => {}),
    });

    await expect(failure).rejects.toMatchObject({
      code: 'aws_rejected',
      cause: { name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } },
    });
    expect(seen).toHaveLength(1);
  });

  it('reads a throttled invocation as throttling', async () => {
    const { seen, invoke } = await fakeLambda(
      {
        status: 429,
        headers: { 'x-amzn-errortype': 'TooManyRequestsException' },
        body: JSON.stringify({
          Reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
          message: 'Rate Exceeded.',
        }),
      },
      { status: 200, body: '{"ok":true}' },
    );

    const answer = await awsCall('Invoke', (abortSignal) => invoke(FUNCTION_ARN, {}, abortSignal), {
      sleep: vi.fn(async () => {}),
    });

    expect(answer).toEqual({ ok: true });
    expect(seen).toHaveLength(2);
  });
});
