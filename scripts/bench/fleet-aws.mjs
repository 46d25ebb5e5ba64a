// The AWS the fleet bench's portal instances talk to (issue 15), in a process of its own so
// that, like the real services, it does not share the instances' CPU. Started by
// fleet-load.ts with fork(); controlled over the IPC channel.
//
// - DynamoDB: dynalite, every answer held back DYNAMODB_LATENCY_MS, operations counted (and
//   conditional writes that failed counted apart).
// - EC2: the Client VPN Describe calls in the EC2 query protocol's XML, every answer after
//   EC2_LATENCY_MS; on command it answers RequestLimitExceeded until a given time.
// - The ALB's and Cognito's public keys over HTTPS (the bundle fetches keys over https only).
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createRequire } from 'node:module';

const EC2_LATENCY_MS = 50;
const DYNAMODB_LATENCY_MS = 5;
const ENDPOINT_ID = process.env.FLEET_ENDPOINT_ID ?? 'cvpn-endpoint-0123456789abcdef0';
const SUBNET = process.env.FLEET_SUBNET ?? 'subnet-0a1b2c3d4e5f60001';
const PROBE_ENDPOINT_ID = 'cvpn-endpoint-0000000000000f100';

const counts = { ec2: {}, dynamodb: {} };
/** When each EC2 call arrived (ms since the epoch), by action: refreshes are found in it. */
const ec2Times = {};
let throttleUntil = 0;
const debugLog = [];
let keys = { albKid: '', albPem: '', jwks: { keys: [] } };

const bump = (table, name) => {
  table[name] = (table[name] ?? 0) + 1;
};
const later = (ms, work) => setTimeout(work, ms);

// ---- DynamoDB: dynalite behind a fixed delay ----
const dynalite = createRequire(import.meta.url)('dynalite')({
  createTableMs: 0,
  deleteTableMs: 0,
  updateTableMs: 0,
});
const [dynaliteHandler] = dynalite.listeners('request');
dynalite.removeAllListeners('request');
dynalite.on('request', (request, response) => {
  const operation = String(request.headers['x-amz-target'] ?? '').replace(/^DynamoDB_\d+\./, '');
  bump(counts.dynamodb, operation);
  if (process.env.FLEET_DEBUG) debugLog.push([Date.now(), 'ddb', operation]);
  response.on('finish', () => {
    if (response.statusCode === 400) bump(counts.dynamodb, `${operation} refused`);
  });
  // The request body waits, paused, until dynalite reads it.
  later(DYNAMODB_LATENCY_MS, () => dynaliteHandler(request, response));
});

// ---- EC2: DescribeClientVpnTargetNetworks / DescribeClientVpnConnections ----
// Elements as in the EC2 API reference:
// docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeClientVpnTargetNetworks.html
// docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeClientVpnConnections.html
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

const connectionsXml = () => `<?xml version="1.0" encoding="UTF-8"?>
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
  </connections>
</DescribeClientVpnConnectionsResponse>`;

// The error response of the EC2 query API ("Error codes for the Amazon EC2 API", example
// error response: docs.aws.amazon.com/ec2/latest/devguide/errors-overview.html#api-error-response);
// RequestLimitExceeded is how EC2 throttles (docs.aws.amazon.com/ec2/latest/devguide/ec2-api-throttling.html).
const errorXml = (code, message) => `<?xml version="1.0" encoding="UTF-8"?>
<Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>ea966190-f9aa-478e-9ede-3a5e9c1d0b7e</RequestID></Response>`;

const ec2 = createHttpServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    const params = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    // The bench's own floor probes name an endpoint of their own: counted apart.
    const probe = params.get('ClientVpnEndpointId') === PROBE_ENDPOINT_ID;
    const action = `${probe ? 'probe:' : ''}${params.get('Action')}`;
    const arrived = Date.now();
    bump(counts.ec2, action);
    if (process.env.FLEET_DEBUG) debugLog.push([arrived, 'ec2', action]);
    ec2Times[action] = [...(ec2Times[action] ?? []), arrived];
    later(EC2_LATENCY_MS, () => {
      if (arrived < throttleUntil) {
        response
          .writeHead(503, { 'content-type': 'text/xml;charset=UTF-8' })
          .end(errorXml('RequestLimitExceeded', 'Request limit exceeded.'));
        return;
      }
      const answered = action.replace('probe:', '');
      const xml =
        answered === 'DescribeClientVpnTargetNetworks'
          ? TARGET_NETWORKS_XML
          : answered === 'DescribeClientVpnConnections'
            ? connectionsXml()
            : null;
      if (!xml) {
        response
          .writeHead(400, { 'content-type': 'text/xml;charset=UTF-8' })
          .end(errorXml('InvalidAction', `${action} is not answered by the bench`));
        return;
      }
      response.writeHead(200, { 'content-type': 'text/xml;charset=UTF-8' }).end(xml);
    });
  });
});

// ---- the ALB's and Cognito's keys ----
const keyServer = createHttpsServer(
  {
    cert: readFileSync(process.env.FLEET_CERT_FILE ?? ''),
    key: readFileSync(process.env.FLEET_KEY_FILE ?? ''),
  },
  (request, response) => {
    const url = request.url ?? '/';
    if (url === `/alb-keys/${keys.albKid}`) {
      response.writeHead(200, { 'content-type': 'text/plain' }).end(keys.albPem);
    } else if (url === '/jwks.json') {
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify(keys.jwks));
    } else {
      response.writeHead(404).end();
    }
  },
);

// Kept-alive connections stay open as long as the SDK keeps them (as AWS's endpoints do): a
// connection closed by the server while a client reuses it would be a reset no AWS makes.
const listen = (server) =>
  new Promise((resolve) => {
    server.keepAliveTimeout = 120_000;
    server.listen(0, '127.0.0.1', () => resolve(server.address().port));
  });

const ports = {
  dynamodb: await listen(dynalite),
  ec2: await listen(ec2),
  keys: await listen(keyServer),
};

process.on('message', (message) => {
  switch (message.type) {
    case 'keys':
      keys = message.keys;
      process.send({ type: 'keys' });
      break;
    case 'throttle':
      throttleUntil = message.until;
      process.send({ type: 'throttle' });
      break;
    case 'counts':
      process.send({ type: 'counts', counts: structuredClone(counts), ec2Times, debugLog });
      break;
    case 'reset':
      counts.ec2 = {};
      counts.dynamodb = {};
      for (const action of Object.keys(ec2Times)) delete ec2Times[action];
      process.send({ type: 'reset' });
      break;
    case 'stop':
      process.exit(0);
  }
});
process.send({ type: 'ready', ports });
