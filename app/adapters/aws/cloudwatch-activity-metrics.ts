import {
  type CloudWatchClient,
  type MetricDataResult,
  PutMetricDataCommand,
  paginateGetMetricData,
} from '@aws-sdk/client-cloudwatch';
import { ALARM_PERIOD_SECONDS } from '../../config/idle-alarm-definition.js';
import type { ActivityMetrics } from '../../ports/activity-metrics.js';
import { type AwsCallOptions, awsCall } from './aws-call.js';

export interface CloudWatchActivityMetricsOptions {
  client: CloudWatchClient;
  /** METRIC_NAMESPACE; the IAM policy limits PutMetricData to it. */
  namespace: string;
  endpointId: string;
  call?: AwsCallOptions;
}

/** The metric the idle alarm adds to ActiveConnectionsCount (SPEC section 4, rule 1). */
const CONNECT_REQUESTS_METRIC = 'ConnectRequests';
const CONNECT_PERIOD_SECONDS = 60;
/**
 * Client VPN publishes its metrics every 5 minutes
 * (https://docs.aws.amazon.com/vpn/latest/clientvpn-admin/monitoring-cloudwatch.html).
 */
const ACTIVE_PERIOD_SECONDS = ALARM_PERIOD_SECONDS;
const CONNECTS_ID = 'connects';
const ACTIVE_ID = 'active';

/** Connect requests as a custom CloudWatch metric, one data point per request. */
export class CloudWatchActivityMetrics implements ActivityMetrics {
  private readonly client: CloudWatchClient;
  private readonly namespace: string;
  private readonly dimensions: { Name: string; Value: string }[];
  private readonly callOptions: AwsCallOptions;

  constructor(options: CloudWatchActivityMetricsOptions) {
    this.client = options.client;
    this.namespace = options.namespace;
    this.dimensions = [{ Name: 'Endpoint', Value: options.endpointId }];
    this.callOptions = options.call ?? {};
  }

  async recordConnectRequest(at: Date): Promise<void> {
    await awsCall(
      'PutMetricData',
      (abortSignal) =>
        this.client.send(
          new PutMetricDataCommand({
            Namespace: this.namespace,
            MetricData: [
              {
                MetricName: CONNECT_REQUESTS_METRIC,
                Dimensions: this.dimensions,
                Timestamp: at,
                Value: 1,
                Unit: 'Count',
              },
            ],
          }),
          { abortSignal },
        ),
      this.callOptions,
    );
  }

  /** One GetMetricData call for both metrics the idle alarm watches. */
  async lastActivitySince(since: Date, until: Date): Promise<Date | null> {
    const results = await awsCall(
      'GetMetricData',
      async (abortSignal) => {
        const found: MetricDataResult[] = [];
        const pages = paginateGetMetricData(
          { client: this.client },
          {
            StartTime: since,
            EndTime: until,
            ScanBy: 'TimestampDescending',
            MetricDataQueries: [
              {
                Id: CONNECTS_ID,
                ReturnData: true,
                MetricStat: {
                  Metric: {
                    Namespace: this.namespace,
                    MetricName: CONNECT_REQUESTS_METRIC,
                    Dimensions: this.dimensions,
                  },
                  Period: CONNECT_PERIOD_SECONDS,
                  Stat: 'Sum',
                },
              },
              {
                Id: ACTIVE_ID,
                ReturnData: true,
                MetricStat: {
                  Metric: {
                    Namespace: 'AWS/ClientVPN',
                    MetricName: 'ActiveConnectionsCount',
                    Dimensions: this.dimensions,
                  },
                  Period: ACTIVE_PERIOD_SECONDS,
                  Stat: 'Maximum',
                },
              },
            ],
          },
          { abortSignal },
        );
        for await (const page of pages) found.push(...(page.MetricDataResults ?? []));
        return found;
      },
      this.callOptions,
    );
    return latestActivity(results, until);
  }
}

/**
 * Pages may arrive in any order and a period may hold 0 (a sum over nothing), so scan all.
 * A connect request counts at its minute's start; a connected client until its period's end.
 */
function latestActivity(results: MetricDataResult[], until: Date): Date | null {
  let latest: number | null = null;
  for (const result of results) {
    const lasts = result.Id === ACTIVE_ID ? ACTIVE_PERIOD_SECONDS * 1000 : 0;
    if (result.Id !== CONNECTS_ID && result.Id !== ACTIVE_ID) continue;
    const values = result.Values ?? [];
    for (const [index, timestamp] of (result.Timestamps ?? []).entries()) {
      if ((values[index] ?? 0) <= 0) continue;
      const at = Math.min(timestamp.getTime() + lasts, until.getTime());
      if (latest === null || at > latest) latest = at;
    }
  }
  return latest === null ? null : new Date(latest);
}
