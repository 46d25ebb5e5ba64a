/**
 * The BUILT portal bundle (dist/lambda/portal.mjs), end to end, as the Lambda runtime runs it:
 * a fresh `node` process with only the SPEC section 9 environment, answering real-shaped ALB
 * events. Nothing of the bundle is stubbed:
 * - AWS is a local HTTPS endpoint (AWS_ENDPOINT_URL) answering in the wire formats of AWS's
 *   API reference, so the bundled SDK clients, signing, XML/JSON parsing and adapters all run;
 * - the ALB's and Cognito's keys are served from the same HTTPS server (ALB_KEYS_URL,
 *   COGNITO_JWKS_URL) with a certificate trusted through NODE_EXTRA_CA_CERTS, so the
 *   bundle's plain HTTPS key fetching (aws-jwt-verify's default fetcher) runs unchanged.
 * Mocks installed with aws-sdk-client-mock in this process could not reach the bundle's own
 * copy of the SDK in another process, hence the fake endpoint.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatusBody } from '../http/api-types.js';
import type { HealthBody } from '../http/health-api-types.js';
import { createLocalSigner } from '../local-mode/alb-signer.js';
import { type AlbEvent, albEvent } from '../testing/alb-event.js';
import { TEST_ADMIN_GROUP, testAdmin, testEmployee } from '../testing/test-keys.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const BUNDLE = join(ROOT, 'dist', 'lambda', 'portal.mjs');

const REGION = 'eu-west-1';
const ENDPOINT_ID = 'cvpn-endpoint-0123456789abcdef0';
const SUBNET = 'subnet-0123456789abcdef0';
const ALB_ARN =
  'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/vpn-portal/50dc6c495c0c9188';
const POOL_ID = 'eu-west-1_TestPool1';
const CLIENT_ID = '4example0client0id0abcdefg';
const COGNITO_DOMAIN = 'vpn-portal-test.auth.eu-west-1.amazoncognito.com';

const signer = createLocalSigner({
  albArn: ALB_ARN,
  region: REGION,
  userPoolId: POOL_ID,
  clientId: CLIENT_ID,
});

/**
 * DescribeClientVpnTargetNetworks, EC2 query protocol (XML), elements as in the EC2 API
 * reference: docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeClientVpnTargetNetworks.html
 * (clientVpnTargetNetworks of TargetNetwork: associationId, vpcId, targetNetworkId,
 * clientVpnEndpointId, status.code, securityGroups).
 */
const TARGET_NETWORKS_XML = `<?xml version="1.0" encoding="UTF-8"?>
<DescribeClientVpnTargetNetworksResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>7d0f3f5e-1a2b-4c3d-8e9f-0123456789ab</requestId>
  <clientVpnTargetNetworks>
    <item>
      <associationId>cvpn-assoc-0123456789abcdef0</associationId>
      <vpcId>vpc-0123456789abcdef0</vpcId>
      <targetNetworkId>${SUBNET}</targetNetworkId>
      <clientVpnEndpointId>${ENDPOINT_ID}</clientVpnEndpointId>
      <status><code>associated</code></status>
      <securityGroups><item>sg-0123456789abcdef0</item></securityGroups>
    </item>
  </clientVpnTargetNetworks>
</DescribeClientVpnTargetNetworksResponse>`;

/**
 * DescribeClientVpnConnections, per docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeClientVpnConnections.html
 * (connections of ClientVpnConnection; times as "yyyy-mm-dd hh:mm:ss", "-" while active).
 * One active connection and one that ended: only the active one counts.
 */
const EMPTY_TARGET_NETWORKS_XML = `<?xml version="1.0" encoding="UTF-8"?>
<DescribeClientVpnTargetNetworksResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>7d0f3f5e-1a2b-4c3d-8e9f-0123456789ac</requestId>
  <clientVpnTargetNetworks/>
</DescribeClientVpnTargetNetworksResponse>`;

const CONNECTIONS_XML = `<?xml version="1.0" encoding="UTF-8"?>
<DescribeClientVpnConnectionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>8e1f4a6b-2c3d-4e5f-9a0b-123456789abc</requestId>
  <connections>
    <item>
      <clientVpnEndpointId>${ENDPOINT_ID}</clientVpnEndpointId>
      <timestamp>2026-03-02 09:20:00</timestamp>
      <connectionId>cvpn-connection-0a1b2c3d4e5f60001</connectionId>
      <username>mina</username>
      <connectionEstablishedTime>2026-03-02 09:05:00</connectionEstablishedTime>
      <ingressBytes>1024</ingressBytes>
      <egressBytes>2048</egressBytes>
      <ingressPackets>10</ingressPackets>
      <egressPackets>20</egressPackets>
      <clientIp>10.200.0.2</clientIp>
      <commonName>mina</commonName>
      <status><code>active</code></status>
      <connectionEndTime>-</connectionEndTime>
    </item>
    <item>
      <clientVpnEndpointId>${ENDPOINT_ID}</clientVpnEndpointId>
      <timestamp>2026-03-02 09:20:00</timestamp>
      <connectionId>cvpn-connection-0a1b2c3d4e5f60002</connectionId>
      <username>kenji</username>
      <connectionEstablishedTime>2026-03-02 08:40:00</connectionEstablishedTime>
      <clientIp>10.200.0.3</clientIp>
      <commonName>kenji</commonName>
      <status><code>terminated</code><message>Client disconnected</message></status>
      <connectionEndTime>2026-03-02 09:10:00</connectionEndTime>
    </item>
  </connections>
</DescribeClientVpnConnectionsResponse>`;

/**
 * SNS Publish, query protocol (XML), as in the SNS API reference:
 * docs.aws.amazon.com/sns/latest/api/API_Publish.html (PublishResult.MessageId).
 */
const PUBLISH_XML = `<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
  <PublishResult><MessageId>94f20ce6-13c5-43a0-9a9e-ca52d816e90b</MessageId></PublishResult>
  <ResponseMetadata><RequestId>f187a3c1-376f-11df-8963-01868b7c937a</RequestId></ResponseMetadata>
</PublishResponse>`;

/** An EC2 error answer (docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html). */
const SUBNET_NOT_FOUND_XML = `<?xml version="1.0" encoding="UTF-8"?>
<Response><Errors><Error><Code>InvalidSubnetID.NotFound</Code><Message>The subnet ID '${SUBNET}' does not exist</Message></Error></Errors><RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>`;

/**
 * The health checks' reads (issue 17), in each service's wire format:
 * - EC2 (query protocol, XML): DescribeClientVpnEndpoints' clientVpnEndpoint set
 *   (API_DescribeClientVpnEndpoints.html, API_ClientVpnEndpoint.html) and DescribeSubnets'
 *   subnetSet (API_DescribeSubnets.html, API_Subnet.html); a DryRun call's answer is an error,
 *   DryRunOperation (HTTP 412) or UnauthorizedOperation (HTTP 403)
 *   (docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html);
 * - CloudWatch DescribeAlarms in the JSON 1.0 protocol the SDK speaks to it
 *   (X-Amz-Target GraniteServiceVersion20100801.DescribeAlarms; API_MetricAlarm.html);
 * - SNS GetTopicAttributes (query protocol, XML; API_GetTopicAttributes.html);
 * - Lambda Invoke (POST /2015-03-31/functions/{FunctionName}/invocations; API_Invoke.html).
 */
const ENDPOINTS_XML = `<?xml version="1.0" encoding="UTF-8"?>
<DescribeClientVpnEndpointsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>1c2d3e4f-0000-4000-8000-000000000001</requestId>
  <clientVpnEndpoint>
    <item>
      <clientVpnEndpointId>${ENDPOINT_ID}</clientVpnEndpointId>
      <status><code>available</code></status>
      <vpcId>vpc-0123456789abcdef0</vpcId>
    </item>
  </clientVpnEndpoint>
</DescribeClientVpnEndpointsResponse>`;
const SUBNETS_XML = `<?xml version="1.0" encoding="UTF-8"?>
<DescribeSubnetsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>1c2d3e4f-0000-4000-8000-000000000002</requestId>
  <subnetSet>
    <item>
      <subnetId>${SUBNET}</subnetId>
      <vpcId>vpc-0123456789abcdef0</vpcId>
      <availabilityZone>${REGION}a</availabilityZone>
    </item>
  </subnetSet>
</DescribeSubnetsResponse>`;
const ec2ErrorXml = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>
<Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>`;
const EVENTS_ARN = `arn:aws:lambda:${REGION}:123456789012:function:vpn-portal-events`;

const TOPIC_ARN = `arn:aws:sns:${REGION}:123456789012:vpn-portal-notices`;
const WEBHOOK_PARAMETER = '/vpn-portal/chat-webhook-url';

interface FakeAws {
  server: Server;
  url: string;
  requests: string[];
  /** Nothing associated, and AWS refuses every AssociateClientVpnTargetNetwork. */
  refuseAssociations: boolean;
  /** Bodies of the chat webhook's POSTs (the webhook lives on the same server). */
  webhookPosts: string[];
  /** Form bodies of SNS Publish calls. */
  published: URLSearchParams[];
}

let directory: string;
let fake: FakeAws;

async function startFakeAws(certFile: string, keyFile: string): Promise<FakeAws> {
  const requests: string[] = [];
  const fakeAws: Omit<FakeAws, 'server' | 'url'> = {
    requests,
    refuseAssociations: false,
    webhookPosts: [],
    published: [],
  };
  const server = createServer(
    { cert: await readFile(certFile), key: await readFile(keyFile) },
    (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const url = request.url ?? '/';
        if (request.method === 'GET' && url.startsWith('/alb-keys/')) {
          requests.push(`GET ${url}`);
          const pem = signer.albPublicKeyPem(url.slice('/alb-keys/'.length));
          response.writeHead(pem ? 200 : 404, { 'content-type': 'text/plain' }).end(pem ?? '');
          return;
        }
        if (request.method === 'GET' && url === '/jwks.json') {
          requests.push(`GET ${url}`);
          response
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify(signer.cognitoJwks()));
          return;
        }
        if (request.method === 'POST' && url === '/webhook') {
          requests.push('POST /webhook');
          fakeAws.webhookPosts.push(body);
          response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
          return;
        }
        if (request.method === 'POST' && url.startsWith('/2015-03-31/functions/')) {
          // Lambda Invoke: the events function answers the health event with its verdicts.
          requests.push(
            `lambda Invoke ${decodeURIComponent(url.split('/')[3] ?? '')} ${String(request.headers['x-amz-invocation-type'])} ${body}`,
          );
          response.writeHead(200, { 'content-type': 'application/json' }).end(
            JSON.stringify({
              trigger: 'health',
              permissions: [
                { action: 'AssociateClientVpnTargetNetwork', verdict: { outcome: 'allowed' } },
                { action: 'DisassociateClientVpnTargetNetwork', verdict: { outcome: 'allowed' } },
                { action: 'CreateClientVpnRoute', verdict: { outcome: 'allowed' } },
                {
                  action: 'TerminateClientVpnConnections',
                  verdict: {
                    outcome: 'denied',
                    aws: { code: 'UnauthorizedOperation', message: 'You are not authorized.' },
                  },
                },
              ],
            }),
          );
          return;
        }
        const target = request.headers['x-amz-target'];
        if (target === 'GraniteServiceVersion20100801.DescribeAlarms') {
          requests.push(`cloudwatch DescribeAlarms ${body}`);
          response.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' }).end(
            JSON.stringify({
              MetricAlarms: [
                {
                  AlarmName: 'vpn-portal-idle',
                  StateValue: 'OK',
                  StateUpdatedTimestamp: 1.7724384e9,
                  ActionsEnabled: true,
                  AlarmActions: [EVENTS_ARN],
                },
              ],
            }),
          );
          return;
        }
        if (target === 'AmazonSSM.GetParameter') {
          // SSM JSON 1.1 protocol (API_GetParameter.html): the decrypted SecureString.
          requests.push('ssm GetParameter');
          const { Name } = JSON.parse(body) as { Name: string };
          response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }).end(
            JSON.stringify({
              Parameter: {
                Name,
                Type: 'SecureString',
                Value: `https://localhost:${(server.address() as AddressInfo).port}/webhook`,
                Version: 1,
                LastModifiedDate: 1.772441e9,
                ARN: `arn:aws:ssm:${REGION}:123456789012:parameter${Name}`,
                DataType: 'text',
              },
            }),
          );
          return;
        }
        if (typeof target === 'string' && target.startsWith('DynamoDB_20120810.')) {
          // DynamoDB JSON protocol: no open session, no history; writes succeed.
          const operation = target.slice('DynamoDB_20120810.'.length);
          requests.push(`dynamodb ${operation}`);
          const answer = operation === 'Query' ? { Count: 0, Items: [], ScannedCount: 0 } : {};
          response
            .writeHead(200, { 'content-type': 'application/x-amz-json-1.0' })
            .end(JSON.stringify(answer));
          return;
        }
        const form = new URLSearchParams(body);
        const action = form.get('Action');
        if (action === 'GetTopicAttributes') {
          requests.push(`sns GetTopicAttributes ${form.get('TopicArn')}`);
          response.writeHead(200, { 'content-type': 'text/xml' }).end(
            `<GetTopicAttributesResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
  <GetTopicAttributesResult><Attributes><entry><key>TopicArn</key><value>${form.get('TopicArn')}</value></entry></Attributes></GetTopicAttributesResult>
  <ResponseMetadata><RequestId>057f074c-33a7-11df-9540-99d0768312d3</RequestId></ResponseMetadata>
</GetTopicAttributesResponse>`,
          );
          return;
        }
        if (form.get('DryRun') === 'true') {
          // One refusal, to see UnauthorizedOperation read as denied through the bundled SDK.
          requests.push(`ec2 ${action} DryRun`);
          const refused = action === 'CreateClientVpnRoute';
          response
            .writeHead(refused ? 403 : 412, { 'content-type': 'text/xml' })
            .end(
              refused
                ? ec2ErrorXml(
                    'UnauthorizedOperation',
                    'You are not authorized to perform this operation.',
                  )
                : ec2ErrorXml(
                    'DryRunOperation',
                    'Request would have succeeded, but DryRun flag is set.',
                  ),
            );
          return;
        }
        if (action === 'Publish') {
          requests.push('sns Publish');
          fakeAws.published.push(form);
          response.writeHead(200, { 'content-type': 'text/xml' }).end(PUBLISH_XML);
          return;
        }
        requests.push(`ec2 ${action}`);
        if (fakeAws.refuseAssociations && action === 'AssociateClientVpnTargetNetwork') {
          response.writeHead(400, { 'content-type': 'text/xml' }).end(SUBNET_NOT_FOUND_XML);
          return;
        }
        const xml =
          action === 'DescribeClientVpnTargetNetworks'
            ? fakeAws.refuseAssociations
              ? EMPTY_TARGET_NETWORKS_XML
              : TARGET_NETWORKS_XML
            : action === 'DescribeClientVpnConnections'
              ? CONNECTIONS_XML
              : action === 'DescribeClientVpnEndpoints'
                ? ENDPOINTS_XML
                : action === 'DescribeSubnets'
                  ? SUBNETS_XML
                  : null;
        if (!xml) {
          response
            .writeHead(400, { 'content-type': 'text/xml' })
            .end(
              `<Response><Errors><Error><Code>InvalidAction</Code><Message>${action}</Message></Error></Errors><RequestID>x</RequestID></Response>`,
            );
          return;
        }
        response.writeHead(200, { 'content-type': 'text/xml;charset=UTF-8' }).end(xml);
      });
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fakeAws, { server, url: `https://localhost:${port}` });
}

interface AlbResult {
  statusCode: number;
  statusDescription?: string;
  headers?: Record<string, string>;
  multiValueHeaders?: Record<string, string[]>;
  body: string;
  isBase64Encoded?: boolean;
}

/** Invokes the bundle's handler with `events`, one after another, in a fresh Node process. */
async function invokeBundle(
  events: AlbEvent[],
  extraEnv: Record<string, string> = {},
): Promise<AlbResult[]> {
  const eventsFile = join(directory, `events-${Math.random()}.json`);
  const resultsFile = `${eventsFile}.out`;
  await writeFile(eventsFile, JSON.stringify(events));
  const runner = join(directory, 'runner.mjs');
  await writeFile(
    runner,
    [
      "import { readFileSync, writeFileSync } from 'node:fs';",
      'const { handler } = await import(process.env.BUNDLE_URL);',
      "const events = JSON.parse(readFileSync(process.env.EVENTS_FILE, 'utf8'));",
      'const results = [];',
      'for (const event of events) results.push(await handler(event, { awsRequestId: "test" }));',
      'writeFileSync(process.env.RESULTS_FILE, JSON.stringify(results));',
    ].join('\n'),
  );
  await run(process.execPath, [runner], {
    cwd: directory,
    env: {
      PATH: process.env.PATH ?? '',
      BUNDLE_URL: pathToFileURL(BUNDLE).href,
      EVENTS_FILE: eventsFile,
      RESULTS_FILE: resultsFile,
      NODE_EXTRA_CA_CERTS: join(directory, 'cert.pem'),
      AWS_REGION: REGION,
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_ENDPOINT_URL: fake.url,
      VPN_ENDPOINT_ID: ENDPOINT_ID,
      VPN_SUBNET_IDS: SUBNET,
      SESSIONS_TABLE: 'vpn-portal-sessions',
      IDLE_ALARM_NAME: 'vpn-portal-idle',
      ALB_ARN,
      COGNITO_USER_POOL_ID: POOL_ID,
      COGNITO_CLIENT_ID: CLIENT_ID,
      COGNITO_DOMAIN,
      ALB_KEYS_URL: `${fake.url}/alb-keys`,
      COGNITO_JWKS_URL: `${fake.url}/jwks.json`,
      ...extraEnv,
    },
  });
  return JSON.parse(await readFile(resultsFile, 'utf8')) as AlbResult[];
}

function authHeaders(user = testEmployee, groups: string[] = []): Record<string, string> {
  return {
    'x-amzn-oidc-data': signer.signDataToken(user),
    'x-amzn-oidc-accesstoken': signer.signAccessToken(user, groups),
    'x-amzn-oidc-identity': user.sub,
  };
}

/** A POST as the SPA sends it through the ALB: same origin, JSON. */
function postHeaders(): Record<string, string> {
  return {
    ...authHeaders(),
    origin: 'https://vpn.example.com',
    'sec-fetch-site': 'same-origin',
    'content-type': 'application/json',
  };
}

function header(result: AlbResult, name: string): string | undefined {
  const single = Object.entries(result.headers ?? {}).find(([key]) => key.toLowerCase() === name);
  if (single) return single[1];
  const multi = Object.entries(result.multiValueHeaders ?? {}).find(
    ([key]) => key.toLowerCase() === name,
  );
  return multi?.[1].join(', ');
}

/** Every Set-Cookie the ALB would pass on, in either event mode. */
function setCookies(result: AlbResult): string[] {
  const fromMulti = Object.entries(result.multiValueHeaders ?? {})
    .filter(([key]) => key.toLowerCase() === 'set-cookie')
    .flatMap(([, values]) => values);
  const fromSingle = Object.entries(result.headers ?? {})
    .filter(([key]) => key.toLowerCase() === 'set-cookie')
    .map(([, value]) => value);
  return [...fromMulti, ...fromSingle];
}

beforeAll(async () => {
  if (!existsSync(BUNDLE)) {
    await run(process.execPath, [join(ROOT, 'scripts', 'build-lambda.mjs')], { cwd: ROOT });
  }
  directory = await mkdtemp(join(tmpdir(), 'portal-bundle-'));
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    join(directory, 'key.pem'),
    '-out',
    join(directory, 'cert.pem'),
    '-days',
    '1',
    '-subj',
    '/CN=localhost',
    '-addext',
    'subjectAltName=DNS:localhost,IP:127.0.0.1',
  ]);
  fake = await startFakeAws(join(directory, 'cert.pem'), join(directory, 'key.pem'));
}, 120_000);

afterAll(async () => {
  await new Promise<void>((resolve) => (fake ? fake.server.close(() => resolve()) : resolve()));
  if (directory) await rm(directory, { recursive: true, force: true });
});

describe.each([
  ['multi-value headers', true],
  ['single-value headers', false],
])('the built portal bundle with %s', (_label, multiValue) => {
  it('answers GET /api/status from the live endpoint for a verified user', async () => {
    fake.requests.length = 0;
    const [result] = await invokeBundle([
      albEvent({ path: '/api/status', headers: authHeaders(), multiValue }),
    ]);
    if (!result) throw new Error('no result');

    expect(result.statusCode).toBe(200);
    expect(header(result, 'content-type')).toMatch(/^application\/json/);
    expect(header(result, 'cache-control')).toBe('no-store');
    expect(multiValue ? result.multiValueHeaders : result.headers).toBeDefined();
    const body = JSON.parse(result.body) as StatusBody;
    expect(body).toMatchObject({
      state: 'ready',
      associations: [
        { subnetId: SUBNET, associationId: 'cvpn-assoc-0123456789abcdef0', status: 'associated' },
      ],
      activeConnections: 1,
      autoDisconnectAt: null,
      idleTimeoutMinutes: 30,
      error: null,
    });
    expect(fake.requests).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^GET \/alb-keys\/[0-9a-f-]{36}$/),
        'GET /jwks.json',
        'ec2 DescribeClientVpnTargetNetworks',
        'ec2 DescribeClientVpnConnections',
      ]),
    );
  });

  it('answers GET /api/status with 401 JSON when the ALB headers are missing', async () => {
    const [result] = await invokeBundle([albEvent({ path: '/api/status', multiValue })]);
    if (!result) throw new Error('no result');
    expect(result.statusCode).toBe(401);
    expect(JSON.parse(result.body)).toEqual({
      error: {
        code: 'not_authenticated',
        message: expect.any(String),
        requestId: expect.any(String),
      },
    });
  });

  it('expires all four ALB session cookies on GET /signout and sends the browser to Cognito', async () => {
    const [result] = await invokeBundle([albEvent({ path: '/signout', multiValue })]);
    if (!result) throw new Error('no result');

    expect(result.statusCode).toBe(302);
    const location = new URL(header(result, 'location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(`https://${COGNITO_DOMAIN}/logout`);
    expect(location.searchParams.get('client_id')).toBe(CLIENT_ID);
    const cookies = setCookies(result);
    expect(cookies).toHaveLength(4);
    for (const shard of [0, 1, 2, 3]) {
      expect(cookies).toContainEqual(
        expect.stringMatching(new RegExp(`^AWSELBAuthSessionCookie-${shard}=;.*Max-Age=0`)),
      );
    }
  });
});

describe('the built portal bundle, warm', () => {
  it('fetches the keys once across invocations of the same process', async () => {
    fake.requests.length = 0;
    const results = await invokeBundle([
      albEvent({ path: '/api/me', headers: authHeaders() }),
      albEvent({ path: '/api/me', headers: authHeaders() }),
    ]);
    expect(results.map((result) => result.statusCode)).toEqual([200, 200]);
    expect(fake.requests.filter((request) => request.startsWith('GET '))).toHaveLength(2);
  });
});

describe('the built portal bundle, notifying', () => {
  it('tells of a start AWS refused through SNS and the chat webhook, as the events function would', async () => {
    fake.requests.length = 0;
    fake.refuseAssociations = true;
    try {
      const [result] = await invokeBundle(
        [albEvent({ method: 'POST', path: '/api/connect', headers: postHeaders(), body: '{}' })],
        { NOTIFY_TOPIC_ARN: TOPIC_ARN, CHAT_WEBHOOK_PARAMETER: WEBHOOK_PARAMETER },
      );
      if (!result) throw new Error('no result');

      expect(result.statusCode).toBe(502);
      const { error } = JSON.parse(result.body) as { error: { code: string; requestId: string } };
      expect(error.code).toBe('aws_rejected');
      expect(fake.requests).toEqual(
        expect.arrayContaining(['sns Publish', 'ssm GetParameter', 'POST /webhook']),
      );
      const [publish] = fake.published;
      expect(publish?.get('TopicArn')).toBe(TOPIC_ARN);
      expect(publish?.get('Subject')).toBe(`VPN start for ${testEmployee.email} refused by AWS`);
      expect(publish?.get('Message')).toContain('InvalidSubnetID.NotFound');
      expect(publish?.get('Message')).toContain(`reference ${error.requestId}`);
      const [post] = fake.webhookPosts;
      expect(JSON.parse(post ?? '{}').text).toContain(`reference ${error.requestId}`);
    } finally {
      fake.refuseAssociations = false;
      fake.webhookPosts.length = 0;
      fake.published.length = 0;
    }
  });
});

describe('the built portal bundle, checking the deployment’s health (issue 17)', () => {
  it('answers an administrator from AWS’s own answers, DryRun calls and the events function’s verdicts', async () => {
    fake.requests.length = 0;
    const [result] = await invokeBundle(
      [
        albEvent({
          path: '/api/admin/health',
          headers: authHeaders(testAdmin, [TEST_ADMIN_GROUP]),
        }),
      ],
      {
        EVENTS_FUNCTION_ARN: EVENTS_ARN,
        NOTIFY_TOPIC_ARN: TOPIC_ARN,
        CHAT_WEBHOOK_PARAMETER: WEBHOOK_PARAMETER,
      },
    );
    if (!result) throw new Error('no result');

    expect(result.statusCode).toBe(200);
    const body = JSON.parse(result.body) as HealthBody;
    const check = (id: string) => body.checks.find((entry) => entry.id === id);
    expect(check('endpoint')).toMatchObject({ status: 'ok', finding: 'available' });
    expect(check(`subnet:${SUBNET}`)).toMatchObject({
      status: 'ok',
      finding: 'in-vpc',
      availabilityZone: `${REGION}a`,
    });
    expect(check('permission:portal:AssociateClientVpnTargetNetwork')).toMatchObject({
      status: 'ok',
    });
    expect(check('permission:portal:CreateClientVpnRoute')).toMatchObject({
      status: 'failed',
      finding: 'denied',
      aws: { code: 'UnauthorizedOperation' },
    });
    expect(check('permission:events:TerminateClientVpnConnections')).toMatchObject({
      status: 'failed',
      finding: 'denied',
    });
    expect(check('idle-alarm')).toMatchObject({ status: 'ok', finding: 'wired', state: 'OK' });
    expect(check('notice:topic')).toMatchObject({ status: 'ok', finding: 'reachable' });
    expect(check('notice:webhook')).toMatchObject({ status: 'ok', finding: 'reachable' });
    expect(check('last-run:sweep')).toMatchObject({ status: 'warning', finding: 'never' });

    expect(fake.requests).toEqual(
      expect.arrayContaining([
        'ec2 DescribeClientVpnEndpoints',
        'ec2 DescribeSubnets',
        'ec2 AssociateClientVpnTargetNetwork DryRun',
        'ec2 DisassociateClientVpnTargetNetwork DryRun',
        'ec2 CreateClientVpnRoute DryRun',
        `cloudwatch DescribeAlarms {"AlarmNames":["vpn-portal-idle"]}`,
        `sns GetTopicAttributes ${TOPIC_ARN}`,
        `lambda Invoke ${EVENTS_ARN} RequestResponse {"source":"vpn-portal.health","check":"permissions"}`,
      ]),
    );
    // Nothing was changed: every call that could change something was a DryRun.
    const changes = /^ec2 (Associate|Disassociate|CreateClientVpnRoute|Terminate)/;
    expect(fake.requests.filter((request) => changes.test(request))).toEqual(
      expect.arrayContaining([expect.stringMatching(/ DryRun$/)]),
    );
    for (const request of fake.requests.filter((line) => changes.test(line))) {
      expect(request).toMatch(/ DryRun$/);
    }
  });
});
