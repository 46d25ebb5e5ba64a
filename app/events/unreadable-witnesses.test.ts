import {
  CloudWatchClient,
  CloudWatchServiceException,
  GetMetricDataCommand,
  SetAlarmStateCommand,
} from '@aws-sdk/client-cloudwatch';
import {
  DynamoDBClient,
  DynamoDBServiceException,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import {
  DescribeClientVpnConnectionsCommand,
  DescribeClientVpnTargetNetworksCommand,
  DisassociateClientVpnTargetNetworkCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { marshall } from '@aws-sdk/util-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAwsAdapters } from '../adapters/aws/create-aws-adapters.js';
import { firstEndpoint, loadSettings, vpnPolicy } from '../config/settings.js';
import { newSession } from '../core/model/session-lifecycle.js';
import type { Logger } from '../logging/logger.js';
import { createIdleCheckHandler } from './idle-check-handler.js';

/*
 * The events function on the real AWS adapters, with DynamoDB and GetMetricData failing
 * as the SDK reports it (a 500 InternalServerError / a ThrottlingException), and EC2
 * answering with shapes from the API reference:
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeClientVpnTargetNetworks.html
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeClientVpnConnections.html
 * (ConnectionEndTime is "-" while active; ended connections stay listed for 60 minutes).
 */
const settings = loadSettings(
  { AWS_REGION: 'ap-northeast-2', IDLE_ALARM_NAME: 'VpnPortal-idle' },
  'local',
);
const endpoint = firstEndpoint(settings);
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
const clients = {
  ec2: new EC2Client({ region: 'ap-northeast-2', credentials }),
  cloudWatch: new CloudWatchClient({ region: 'ap-northeast-2', credentials }),
  dynamoDb: new DynamoDBClient({ region: 'ap-northeast-2', credentials }),
};
const ec2 = mockClient(clients.ec2);
const cloudWatch = mockClient(clients.cloudWatch);
const dynamoDb = mockClient(clients.dynamoDb);
const NOW = new Date('2026-11-30T10:00:00Z');

const warnings: Record<string, unknown>[] = [];
const logger: Logger = {
  info: () => {},
  warn: (_message, fields) => warnings.push(fields ?? {}),
  error: () => {},
  child: () => logger,
};

function handler() {
  const call = { sleep: async () => {}, timeoutMs: 50 };
  return createIdleCheckHandler({
    ...createAwsAdapters(settings, endpoint, { clients, call, logger }),
    clock: { now: () => NOW },
    policy: vpnPolicy(settings, endpoint),
    logger,
    idleAlarmName: 'VpnPortal-idle',
  });
}

const sweepEvent = {
  source: 'aws.events',
  'detail-type': 'Scheduled Event',
  id: '0b2f3c55-1c3a-4f59-9c1e-7d6a1f0b2a11',
  account: '123456789012',
  region: 'ap-northeast-2',
  time: NOW.toISOString(),
  resources: ['arn:aws:events:ap-northeast-2:123456789012:rule/vpn-auto-disconnect-sweep'],
  detail: {},
};

beforeEach(() => {
  ec2.reset();
  cloudWatch.reset();
  dynamoDb.reset();
  warnings.length = 0;
  ec2.on(DescribeClientVpnTargetNetworksCommand).resolves({
    ClientVpnTargetNetworks: [
      {
        AssociationId: 'cvpn-assoc-0aaa',
        TargetNetworkId: endpoint.subnetIds[0],
        ClientVpnEndpointId: endpoint.endpointId,
        Status: { Code: 'associated' },
      },
    ],
  });
  ec2.on(DescribeClientVpnConnectionsCommand).resolves({
    Connections: [
      {
        ClientVpnEndpointId: endpoint.endpointId,
        ConnectionId: 'cvpn-connection-0aaa',
        Username: 'kim.minji',
        ConnectionEstablishedTime: '2026-11-30 08:00:00',
        ConnectionEndTime: '2026-11-30 09:10:00',
        Status: { Code: 'terminated' },
      },
    ],
  });
  ec2.on(DisassociateClientVpnTargetNetworkCommand).resolves({
    AssociationId: 'cvpn-assoc-0aaa',
    Status: { Code: 'disassociating' },
  });
  cloudWatch.on(SetAlarmStateCommand).resolves({});
});

const dynamoDown = () =>
  new DynamoDBServiceException({
    name: 'InternalServerError',
    $fault: 'server',
    $metadata: { httpStatusCode: 500 },
    message: 'Internal server error',
  });
const metricsThrottled = () =>
  new CloudWatchServiceException({
    name: 'ThrottlingException',
    $fault: 'client',
    $metadata: { httpStatusCode: 400 },
    message: 'Rate exceeded',
  });

describe('the events function when a witness cannot be read', () => {
  it('removes the idle association with the sessions table down, and logs what it could not read', async () => {
    dynamoDb.on(GetItemCommand).rejects(dynamoDown());
    dynamoDb.on(PutItemCommand).rejects(dynamoDown());
    cloudWatch.on(GetMetricDataCommand).resolves({ MetricDataResults: [] });

    const result = await handler()(sweepEvent);

    expect(ec2.commandCalls(DisassociateClientVpnTargetNetworkCommand)).toHaveLength(1);
    expect(result).toMatchObject({ unreadable: ['sessions'], closing: 'unrecorded' });
    expect(warnings).toContainEqual(expect.objectContaining({ witness: 'sessions' }));
  });

  it('removes the idle association with GetMetricData failing', async () => {
    // The session kim started at 08:00; nobody asked since.
    const session = newSession({
      startedBy: 'kim',
      now: new Date('2026-11-30T08:00:00Z'),
      subnetCount: 1,
    });
    const stored = { ...session, readyAt: '2026-11-30T08:05:00.000Z', users: ['kim'] };
    dynamoDb.on(GetItemCommand, { Key: marshall({ pk: 'lock', sk: 'open' }) }).resolves({
      Item: marshall({ pk: 'lock', sk: 'open', sessionId: session.id, session: stored }),
    });
    dynamoDb
      .on(GetItemCommand, { Key: marshall({ pk: 'session', sk: session.id }) })
      .resolves({ Item: marshall({ pk: 'session', sk: session.id, ...stored }) });
    dynamoDb.on(PutItemCommand).resolves({});
    cloudWatch.on(GetMetricDataCommand).rejects(metricsThrottled());

    const result = await handler()(sweepEvent);

    expect(ec2.commandCalls(DisassociateClientVpnTargetNetworkCommand)).toHaveLength(1);
    expect(result).toMatchObject({ unreadable: ['metrics'] });
    expect(warnings).toContainEqual(expect.objectContaining({ witness: 'metrics' }));
  });
});
