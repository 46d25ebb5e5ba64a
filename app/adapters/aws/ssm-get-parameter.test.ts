import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signedGetParameter } from './ssm-get-parameter.js';
import { createSsmSecret } from './ssm-secret.js';

/*
 * SSM speaks AWS JSON 1.1 (https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html):
 * `POST /`, `X-Amz-Target: AmazonSSM.GetParameter`, `Content-Type: application/x-amz-json-1.1`.
 * Answers as in the API reference (API_GetParameter.html, "Example"): the parameter with a
 * numeric `LastModifiedDate`; errors as `{ "__type": "ParameterNotFound" }` with the code in
 * `x-amzn-ErrorType` too.
 */

const NAME = '/vpn-portal/chat-webhook-url';
const WEBHOOK = 'https://hooks.slack.com/services/T000/B000/XXXXXXXX';
const REGION = 'ap-northeast-2';
const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  sessionToken: 'session-token-example',
};
const noWait = { sleep: vi.fn(async (_ms: number) => {}) };

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

/** A stand-in for SSM's regional endpoint that answers `answers` in turn and keeps each request. */
async function fakeSsm(...answers: Answer[]) {
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
      const answer = (answers.length > 1 ? answers.shift() : answers[0]) ?? ok(WEBHOOK);
      response.writeHead(answer.status, {
        'content-type': 'application/x-amz-json-1.1',
        ...answer.headers,
      });
      response.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const getParameter = signedGetParameter({
    region: REGION,
    endpoint: `http://127.0.0.1:${port}`,
    credentials: async () => credentials,
  });
  return { seen, getParameter };
}

function ok(value: string): Answer {
  return {
    status: 200,
    body: JSON.stringify({
      Parameter: {
        ARN: `arn:aws:ssm:${REGION}:123456789012:parameter${NAME}`,
        DataType: 'text',
        LastModifiedDate: 1.735787045e9,
        Name: NAME,
        Type: 'SecureString',
        Value: value,
        Version: 3,
      },
    }),
  };
}

function awsError(status: number, type: string, message?: string): Answer {
  return {
    status,
    headers: {
      'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/com.amazon.coral.service/`,
    },
    body: JSON.stringify(message ? { __type: type, message } : { __type: type }),
  };
}

describe('signedGetParameter', () => {
  it('asks SSM in its JSON 1.1 protocol, decrypting, signed for ssm in the region', async () => {
    const { seen, getParameter } = await fakeSsm(ok(WEBHOOK));

    const answer = await getParameter(NAME, new AbortController().signal);

    expect(answer.Parameter?.Value).toBe(WEBHOOK);
    const [request] = seen;
    expect(request).toMatchObject({ method: 'POST', url: '/' });
    expect(JSON.parse(request?.body ?? '')).toEqual({ Name: NAME, WithDecryption: true });
    expect(request?.headers).toMatchObject({
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AmazonSSM.GetParameter',
      'x-amz-security-token': credentials.sessionToken,
    });
    expect(request?.headers.authorization).toMatch(
      new RegExp(
        `^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\\d{8}/${REGION}/ssm/aws4_request, SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*, Signature=[0-9a-f]{64}$`,
      ),
    );
  });

  it('signs what it sends: SSM would compute the same signature from the request it gets', async () => {
    const { seen, getParameter } = await fakeSsm(ok(WEBHOOK));
    await getParameter(NAME, new AbortController().signal);
    const request = seen[0] as Seen;

    const authorization = String(request.headers.authorization);
    const signedHeaders = /SignedHeaders=([^,]+)/.exec(authorization)?.[1]?.split(';') ?? [];
    const amzDate = String(request.headers['x-amz-date']);
    const signingDate = new Date(
      `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
    );
    const verifier = new SignatureV4({
      service: 'ssm',
      region: REGION,
      credentials,
      sha256: Sha256,
    });
    const host = String(request.headers.host);
    const resigned = await verifier.sign(
      {
        method: request.method,
        protocol: 'http:',
        hostname: host.split(':')[0] ?? '',
        port: Number(host.split(':')[1]),
        path: request.url,
        query: {},
        headers: Object.fromEntries(
          signedHeaders
            .filter((name) => name !== 'x-amz-date' && name !== 'x-amz-security-token')
            .map((name) => [name, String(request.headers[name])]),
        ),
        body: request.body,
      },
      { signingDate },
    );

    expect(resigned.headers.authorization).toBe(authorization);
  });

  it.each([
    ['a missing parameter', awsError(400, 'ParameterNotFound'), 'aws_rejected', 1],
    [
      'a key SSM may not use',
      awsError(400, 'AccessDeniedException', 'not authorized'),
      'aws_rejected',
      1,
    ],
    ['throttling', awsError(400, 'ThrottlingException', 'Rate exceeded'), 'aws_throttled', 3],
    ['a server error', awsError(500, 'InternalServerError'), 'aws_unavailable', 3],
  ])(
    'turns %s into the typed error awsCall gives every AWS call',
    async (_label, answer, code, calls) => {
      const { seen, getParameter } = await fakeSsm(answer);
      const secret = createSsmSecret({ getParameter, name: NAME, call: noWait });

      await expect(secret()).rejects.toMatchObject({ code });
      expect(seen).toHaveLength(calls);
    },
  );

  it('names the error code from the namespaced __type AWS may send', async () => {
    const { getParameter } = await fakeSsm({
      status: 400,
      body: JSON.stringify({ __type: 'com.amazonaws.ssm#ParameterNotFound' }),
    });

    await expect(getParameter(NAME, new AbortController().signal)).rejects.toMatchObject({
      name: 'ParameterNotFound',
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('never puts what it read into an error, even when the answer is not JSON', async () => {
    const { getParameter } = await fakeSsm({ status: 200, body: `${WEBHOOK} <not json>` });

    const error = await getParameter(NAME, new AbortController().signal).catch((e: Error) => e);

    expect(error).toBeInstanceOf(Error);
    expect(String((error as Error).message)).not.toContain('hooks.slack.com');
  });
});
