import {
  CloudWatchClient,
  CloudWatchServiceException,
  GetMetricDataCommand,
  PutMetricDataCommand,
} from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AwsCallError } from '../../core/model/errors.js';
import { CloudWatchActivityMetrics } from './cloudwatch-activity-metrics.js';

/*
 * Request and answer shapes from the CloudWatch API reference:
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricData.html
 * (Namespace, MetricData[].MetricName/Dimensions/Timestamp/Value/Unit) and
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html
 * (MetricDataQueries with MetricStat Period/Stat, MetricDataResults[].Id/Timestamps/Values,
 * paginated with NextToken; ScanBy TimestampDescending returns newest first).
 * CloudWatch throttles with "Throttling" (HTTP 400). Client VPN publishes ActiveConnectionsCount
 * (namespace AWS/ClientVPN, dimension Endpoint) every 5 minutes:
 * https://docs.aws.amazon.com/vpn/latest/clientvpn-admin/monitoring-cloudwatch.html
 */

const ENDPOINT = 'cvpn-endpoint-0123456789abcdef0';
const client = new CloudWatchClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
});
const cloudWatch = mockClient(client);
const sleep = vi.fn(async (_ms: number) => {});
const metrics = new CloudWatchActivityMetrics({
  client,
  namespace: 'VpnPortal',
  endpointId: ENDPOINT,
  call: { sleep, timeoutMs: 50 },
});

const SINCE = new Date('2026-11-29T08:30:00Z');
const UNTIL = new Date('2026-11-29T09:00:00Z');

beforeEach(() => {
  cloudWatch.reset();
  sleep.mockClear();
});

describe('CloudWatchActivityMetrics.recordConnectRequest', () => {
  it('publishes one ConnectRequests data point for the endpoint', async () => {
    cloudWatch.on(PutMetricDataCommand).resolves({});
    const at = new Date('2026-11-29T09:00:12Z');

    await metrics.recordConnectRequest(at);

    expect(cloudWatch.commandCalls(PutMetricDataCommand)[0]?.args[0].input).toEqual({
      Namespace: 'VpnPortal',
      MetricData: [
        {
          MetricName: 'ConnectRequests',
          Dimensions: [{ Name: 'Endpoint', Value: ENDPOINT }],
          Timestamp: at,
          Value: 1,
          Unit: 'Count',
        },
      ],
    });
  });

  it('retries a throttled publish and then reports AwsCallError("throttled")', async () => {
    cloudWatch.on(PutMetricDataCommand).rejects(
      new CloudWatchServiceException({
        name: 'Throttling',
        $fault: 'client',
        $metadata: { httpStatusCode: 400 },
        message: 'Rate exceeded',
      }),
    );

    const failure = await metrics.recordConnectRequest(UNTIL).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(AwsCallError);
    expect(failure).toMatchObject({ code: 'aws_throttled', operation: 'PutMetricData' });
    expect(cloudWatch.commandCalls(PutMetricDataCommand)).toHaveLength(3);
  });
});

describe('CloudWatchActivityMetrics.lastActivitySince', () => {
  it('asks in one call for the per-minute sum of connect requests and the 5-minute maximum of active connections', async () => {
    cloudWatch.on(GetMetricDataCommand).resolves({ MetricDataResults: [] });

    await metrics.lastActivitySince(SINCE, UNTIL);

    expect(cloudWatch.commandCalls(GetMetricDataCommand)[0]?.args[0].input).toMatchObject({
      StartTime: SINCE,
      EndTime: UNTIL,
      MetricDataQueries: [
        {
          MetricStat: {
            Metric: {
              Namespace: 'VpnPortal',
              MetricName: 'ConnectRequests',
              Dimensions: [{ Name: 'Endpoint', Value: ENDPOINT }],
            },
            Period: 60,
            Stat: 'Sum',
          },
        },
        {
          Id: 'active',
          MetricStat: {
            Metric: {
              Namespace: 'AWS/ClientVPN',
              MetricName: 'ActiveConnectionsCount',
              Dimensions: [{ Name: 'Endpoint', Value: ENDPOINT }],
            },
            Period: 300,
            Stat: 'Maximum',
          },
        },
      ],
    });
  });

  it('counts a period with a connected client until its end, never past the window', async () => {
    cloudWatch.on(GetMetricDataCommand).resolves({
      MetricDataResults: [
        {
          Id: 'active',
          StatusCode: 'Complete',
          Timestamps: [new Date('2026-11-29T08:55:00Z'), new Date('2026-11-29T08:45:00Z')],
          Values: [0, 1],
        },
        {
          Id: 'connects',
          StatusCode: 'Complete',
          Timestamps: [new Date('2026-11-29T08:48:00Z')],
          Values: [1],
        },
      ],
    });
    await expect(metrics.lastActivitySince(SINCE, UNTIL)).resolves.toEqual(
      new Date('2026-11-29T08:50:00Z'),
    );

    cloudWatch.reset();
    cloudWatch.on(GetMetricDataCommand).resolves({
      MetricDataResults: [
        {
          Id: 'active',
          StatusCode: 'PartialData',
          Timestamps: [new Date('2026-11-29T08:55:00Z')],
          Values: [2],
        },
      ],
    });
    await expect(
      metrics.lastActivitySince(SINCE, new Date('2026-11-29T08:57:00Z')),
    ).resolves.toEqual(new Date('2026-11-29T08:57:00Z'));
  });

  it('returns the latest period holding a request, reading every page', async () => {
    cloudWatch
      .on(GetMetricDataCommand)
      .resolvesOnce({
        MetricDataResults: [
          {
            Id: 'connects',
            Label: 'ConnectRequests',
            StatusCode: 'PartialData',
            Timestamps: [new Date('2026-11-29T08:41:00Z'), new Date('2026-11-29T08:40:00Z')],
            Values: [0, 2],
          },
        ],
        NextToken: 'page-2',
      })
      .resolvesOnce({
        MetricDataResults: [
          {
            Id: 'connects',
            StatusCode: 'Complete',
            Timestamps: [new Date('2026-11-29T08:52:00Z'), new Date('2026-11-29T08:33:00Z')],
            Values: [1, 1],
          },
        ],
      });

    const latest = await metrics.lastActivitySince(SINCE, UNTIL);

    expect(latest).toEqual(new Date('2026-11-29T08:52:00Z'));
    const calls = cloudWatch.commandCalls(GetMetricDataCommand);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.args[0].input).toMatchObject({ NextToken: 'page-2' });
  });

  it('returns null when nobody asked or connected in the window (CloudWatch returns no data points)', async () => {
    cloudWatch.on(GetMetricDataCommand).resolves({
      MetricDataResults: [
        { Id: 'connects', StatusCode: 'Complete', Timestamps: [], Values: [] },
        { Id: 'active', StatusCode: 'Complete', Timestamps: [], Values: [] },
      ],
    });

    await expect(metrics.lastActivitySince(SINCE, UNTIL)).resolves.toBeNull();
  });

  it('reports CloudWatch not answering in time as unavailable', async () => {
    cloudWatch.on(GetMetricDataCommand).callsFake(() => new Promise(() => {}));

    await expect(metrics.lastActivitySince(SINCE, UNTIL)).rejects.toMatchObject({
      code: 'aws_unavailable',
      operation: 'GetMetricData',
    });
  });
});
