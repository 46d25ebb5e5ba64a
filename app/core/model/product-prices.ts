/**
 * What the portal itself costs to run, priced (issue 17: savings net of the product's own
 * cost). Every figure is an ESTIMATE: AWS list prices for us-east-1 (N. Virginia), on-demand,
 * before any free tier (the free tiers are account-wide, shared with whatever else the account
 * runs) and before taxes, as the pages below showed them on the date in PRICES_CHECKED_ON.
 * Other regions cost more or less; the admin view says which region and date these are.
 * The README's "What the portal itself costs" repeats this table (a test keeps them equal).
 */
export const PRICES_CHECKED_ON = '2026-11-30';
export const PRICE_REGION = 'us-east-1';

export interface ListPrice {
  usd: number;
  /** What one `usd` buys, in the price page's own words. */
  per: string;
  source: string;
}

export const PRODUCT_PRICES = {
  albHour: {
    usd: 0.0225,
    per: 'Application Load Balancer-hour (or partial hour)',
    source: 'https://aws.amazon.com/elasticloadbalancing/pricing/',
  },
  albLcuHour: {
    usd: 0.008,
    per: 'LCU-hour (or partial hour)',
    source: 'https://aws.amazon.com/elasticloadbalancing/pricing/',
  },
  publicIpv4Hour: {
    usd: 0.005,
    per: 'public IPv4 address-hour (an internet-facing ALB holds one per Availability Zone)',
    source: 'https://aws.amazon.com/vpc/pricing/',
  },
  lambdaRequest: {
    usd: 0.2 / 1_000_000,
    per: 'request ($0.20 per 1M requests)',
    source: 'https://aws.amazon.com/lambda/pricing/',
  },
  lambdaArmGbSecond: {
    usd: 0.0000133334,
    per: 'GB-second on Arm (first 7.5 billion GB-seconds a month)',
    source: 'https://aws.amazon.com/lambda/pricing/',
  },
  dynamoDbReadRequestUnit: {
    usd: 0.125 / 1_000_000,
    per: 'read request unit, on-demand ($0.125 per million)',
    source: 'https://aws.amazon.com/dynamodb/pricing/on-demand/',
  },
  dynamoDbWriteRequestUnit: {
    usd: 0.625 / 1_000_000,
    per: 'write request unit, on-demand ($0.625 per million)',
    source: 'https://aws.amazon.com/dynamodb/pricing/on-demand/',
  },
  kmsKeyMonth: {
    usd: 1,
    per: 'customer managed key-month (prorated hourly)',
    source: 'https://aws.amazon.com/kms/pricing/',
  },
  alarmMetricMonth: {
    usd: 0.1,
    per: 'standard-resolution alarm metric-month (a metric math alarm pays per metric in it)',
    source: 'https://aws.amazon.com/cloudwatch/pricing/',
  },
  dashboardMonth: {
    usd: 3,
    per: 'dashboard-month',
    source: 'https://aws.amazon.com/cloudwatch/pricing/',
  },
  customMetricMonth: {
    usd: 0.3,
    per: 'custom metric-month (first 10,000; prorated by the hours it is sent)',
    source: 'https://aws.amazon.com/cloudwatch/pricing/',
  },
  metricApiCall: {
    usd: 0.01 / 1_000,
    per: 'PutMetricData request, or metric requested by GetMetricData ($0.01 per 1,000)',
    source: 'https://aws.amazon.com/cloudwatch/pricing/',
  },
  logsIngestedGb: {
    usd: 0.5,
    per: 'GB of log data ingested (Lambda logs, first 10 TB)',
    source: 'https://aws.amazon.com/cloudwatch/pricing/',
  },
} as const satisfies Record<string, ListPrice>;

export type ProductPrices = { [K in keyof typeof PRODUCT_PRICES]: number };

/** The table's amounts alone: what the arithmetic reads (tests pass their own). */
export function productPriceAmounts(): ProductPrices {
  const entries = Object.entries(PRODUCT_PRICES).map(([key, price]) => [key, price.usd]);
  return Object.fromEntries(entries) as ProductPrices;
}
