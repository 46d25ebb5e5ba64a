import { PRICE_REGION, PRICES_CHECKED_ON, type ProductPrices } from './product-prices.js';
import type { PortalUsage, UsageAssumptions } from './product-usage.js';

/**
 * How the portal reaches the employees: through the ALB the stack creates (`own-alb`, the
 * only mode before issue 17), or through a rule on an HTTPS listener the company already has
 * (`shared-listener`), whose ALB the company pays for anyway.
 */
export type LoadBalancerMode = 'own-alb' | 'shared-listener';

/** What the deployed stack holds that costs money whether or not anyone uses the VPN. */
export interface PortalDeployment {
  loadBalancer: LoadBalancerMode;
  /** An internet-facing ALB holds one public IPv4 address per Availability Zone; internal: 0. */
  albPublicIpv4Addresses: number;
  /** The operations topic's key (infra/constructs/operations-alarms.ts). */
  customerManagedKeys: number;
  /** The idle alarm's two metrics plus the three operations alarms'. */
  alarmMetrics: number;
  dashboards: number;
  /** `ConnectRequests` with its `Endpoint` dimension. */
  customMetrics: number;
  portalMemoryMb: number;
  eventsMemoryMb: number;
}

/**
 * The stack as it deploys by default: its own internet-facing ALB in two Availability Zones
 * (the fewest `albSubnetIds` allows), issue 17's dashboard. `infra/product-cost-inventory.test.ts`
 * checks the keys, alarms and memory sizes against the synthesized template. The settings
 * adjust it to what is deployed (`portalDeployment` in config/settings.ts: the load balancer
 * mode the stack passes as PORTAL_LOAD_BALANCER, an alarm and a metric per extra endpoint).
 */
export const DEFAULT_PORTAL_DEPLOYMENT: PortalDeployment = {
  loadBalancer: 'own-alb',
  albPublicIpv4Addresses: 2,
  customerManagedKeys: 1,
  alarmMetrics: 5,
  dashboards: 1,
  customMetrics: 1,
  portalMemoryMb: 512,
  eventsMemoryMb: 256,
};

export type ProductCostItem = 'load-balancer' | 'lambda' | 'dynamodb' | 'kms' | 'cloudwatch';

/** One priced quantity; the part names its unit (the SPA words it in each language). */
export type ProductCostPartName =
  | 'alb-hours'
  | 'alb-lcu-hours'
  | 'public-ipv4-hours'
  | 'lambda-requests'
  | 'lambda-gb-seconds'
  | 'dynamodb-read-units'
  | 'dynamodb-write-units'
  | 'kms-key-months'
  | 'alarm-metric-months'
  | 'dashboard-months'
  | 'custom-metric-months'
  | 'metric-api-calls'
  | 'log-gb-ingested';

export interface ProductCostPart {
  part: ProductCostPartName;
  quantity: number;
  costUsd: number;
}

export interface ProductCostLine {
  item: ProductCostItem;
  costUsd: number;
  parts: ProductCostPart[];
  /** The load balancer line only: a shared listener's ALB is paid for by its owner. */
  loadBalancerMode?: LoadBalancerMode;
}

export interface ProductCostReport {
  /** Every line is an estimate from list prices (see `pricesCheckedOn`). */
  costUsd: number;
  lines: ProductCostLine[];
  usage: PortalUsage;
  priceRegion: string;
  pricesCheckedOn: string;
}

export interface ProductCostInput {
  usage: PortalUsage;
  now: Date;
  deployment: PortalDeployment;
  prices: ProductPrices;
  assumptions: UsageAssumptions;
}

const HOUR_MS = 3_600_000;
/** An LCU covers 0.4 GB processed per hour when the targets are Lambda functions. */
const LAMBDA_TARGET_GB_PER_LCU_HOUR = 0.4;

/** The portal's own AWS bill for the month so far (UTC), line by line. */
export function productCostThisMonth(input: ProductCostInput): ProductCostReport {
  const { usage, deployment: stack, prices, assumptions: assume } = input;
  const monthStart = Date.UTC(input.now.getUTCFullYear(), input.now.getUTCMonth(), 1);
  const nextMonth = Date.UTC(input.now.getUTCFullYear(), input.now.getUTCMonth() + 1, 1);
  const elapsedMs = Math.max(0, input.now.getTime() - monthStart);
  // Monthly charges are prorated by the hour: the month so far pays its share.
  const monthShare = elapsedMs / (nextMonth - monthStart);
  const hoursInMonth = (nextMonth - monthStart) / HOUR_MS;
  // "Each hour or partial hour" the ALB runs.
  const albHours = Math.ceil(elapsedMs / HOUR_MS);
  const invocations = usage.portalRequests + usage.eventsInvocations;

  const ownAlb = stack.loadBalancer === 'own-alb';
  const processedGb = (usage.portalRequests * assume.albBytesPerRequest) / 1e9;
  const loadBalancer = line('load-balancer', [
    ...(ownAlb
      ? [
          part('alb-hours', albHours, prices.albHour),
          part('public-ipv4-hours', albHours * stack.albPublicIpv4Addresses, prices.publicIpv4Hour),
        ]
      : []),
    // On a shared listener too: the portal's requests add capacity units to its owner's bill.
    part('alb-lcu-hours', processedGb / LAMBDA_TARGET_GB_PER_LCU_HOUR, prices.albLcuHour),
  ]);
  loadBalancer.loadBalancerMode = stack.loadBalancer;

  const gbSeconds =
    (usage.portalRequests * assume.portalDurationMs * stack.portalMemoryMb +
      usage.eventsInvocations * assume.eventsDurationMs * stack.eventsMemoryMb) /
    1000 /
    1024;
  const lambda = line('lambda', [
    part('lambda-requests', invocations, prices.lambdaRequest),
    part('lambda-gb-seconds', gbSeconds, prices.lambdaArmGbSecond),
  ]);

  const reads =
    usage.statusPolls * assume.dynamoDbReadsPerPoll +
    usage.eventsInvocations * assume.dynamoDbReadsPerEventsRun;
  const writes =
    usage.statusPolls * assume.dynamoDbWritesPerPoll +
    usage.eventsInvocations * assume.dynamoDbWritesPerEventsRun +
    usage.sessions * assume.dynamoDbWritesPerSession +
    usage.connectRequests;
  const dynamodb = line('dynamodb', [
    part('dynamodb-read-units', reads, prices.dynamoDbReadRequestUnit),
    part('dynamodb-write-units', writes, prices.dynamoDbWriteRequestUnit),
  ]);

  const kms = line('kms', [
    part('kms-key-months', stack.customerManagedKeys * monthShare, prices.kmsKeyMonth),
  ]);

  const metricCalls =
    usage.connectRequests + usage.eventsInvocations * assume.metricsPerGetMetricData;
  const customMetricMonths = (stack.customMetrics * usage.hoursWithConnectRequests) / hoursInMonth;
  const cloudwatch = line('cloudwatch', [
    part('alarm-metric-months', stack.alarmMetrics * monthShare, prices.alarmMetricMonth),
    part('dashboard-months', stack.dashboards * monthShare, prices.dashboardMonth),
    part('custom-metric-months', customMetricMonths, prices.customMetricMonth),
    part('metric-api-calls', metricCalls, prices.metricApiCall),
    part(
      'log-gb-ingested',
      (invocations * assume.logBytesPerInvocation) / 1e9,
      prices.logsIngestedGb,
    ),
  ]);

  const lines = [loadBalancer, lambda, dynamodb, kms, cloudwatch];
  return {
    costUsd: roundCents100(lines.reduce((sum, l) => sum + l.costUsd, 0)),
    lines,
    usage,
    priceRegion: PRICE_REGION,
    pricesCheckedOn: PRICES_CHECKED_ON,
  };
}

function part(name: ProductCostPartName, quantity: number, unitPriceUsd: number): ProductCostPart {
  return {
    part: name,
    quantity: roundQuantity(quantity),
    costUsd: roundCents100(quantity * unitPriceUsd),
  };
}

function line(item: ProductCostItem, parts: ProductCostPart[]): ProductCostLine {
  return { item, costUsd: roundCents100(parts.reduce((sum, p) => sum + p.costUsd, 0)), parts };
}

/**
 * Hundredths of a cent: most lines are a few cents a month, which whole cents would show as
 * nothing; the SPA rounds for display.
 */
function roundCents100(usd: number): number {
  return Math.round(usd * 10_000) / 10_000;
}

/** Four significant figures: 0.003 GB and 1,234,567 requests both stay readable. */
function roundQuantity(value: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(4));
}

/**
 * What the portal saved this month after paying for itself: always-on minus what the VPN
 * cost minus what the portal cost. Negative when the portal cost more than it saved (early
 * in a month, or a VPN used around the clock); the admin view shows that as it is.
 */
export function netSavingsUsd(
  month: { alwaysOnCostUsd: number; costUsd: number },
  productUsd: number,
) {
  return Math.round((month.alwaysOnCostUsd - month.costUsd - productUsd) * 100) / 100;
}
