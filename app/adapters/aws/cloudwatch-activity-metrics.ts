import {
  type CloudWatchClient,
  type MetricDataResult,
  PutMetricDataCommand,
  paginateGetMetricData,
} from '@aws-sdk/client-cloudwatch';
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
const PERIOD_SECONDS = 60;
const QUERY_ID = 'connects';

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

  async lastConnectRequestSince(since: Date, until: Date): Promise<Date | null> {
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
                Id: QUERY_ID,
                ReturnData: true,
                MetricStat: {
                  Metric: {
                    Namespace: this.namespace,
                    MetricName: CONNECT_REQUESTS_METRIC,
                    Dimensions: this.dimensions,
                  },
                  Period: PERIOD_SECONDS,
                  Stat: 'Sum',
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
    return latestActivePeriod(results);
  }
}

/** Pages may arrive in any order and a period may hold 0 (a sum over nothing), so scan all. */
function latestActivePeriod(results: MetricDataResult[]): Date | null {
  let latest: Date | null = null;
  for (const result of results) {
    if (result.Id !== QUERY_ID) continue;
    const timestamps = result.Timestamps ?? [];
    const values = result.Values ?? [];
    for (const [index, timestamp] of timestamps.entries()) {
      const value = values[index] ?? 0;
      if (value > 0 && (latest === null || timestamp.getTime() > latest.getTime())) {
        latest = timestamp;
      }
    }
  }
  return latest;
}
