import * as z from './validation.js';

/**
 * The idle alarm, defined once: the CDK stack builds the CloudWatch alarm from it and local
 * mode's evaluator applies the same rule to its recorded periods (SPEC section 4, rules 1–2).
 */
export const ALARM_PERIOD_SECONDS = 300;

/**
 * The safety net beside the alarm (SPEC section 4, rule 4): an EventBridge schedule runs the
 * same decision this often, in case an alarm was missed. The stack's rule and local mode's
 * sweep both take it from here.
 */
export const SWEEP_INTERVAL_MINUTES = 15;

const PERIOD_MINUTES = ALARM_PERIOD_SECONDS / 60;
const MAX_IDLE_TIMEOUT_MINUTES = 24 * 60;

/**
 * How long past the idle timeout the sweep leaves the alarm to act first (SPEC section 4,
 * rule 12). The alarm needs N whole idle periods after the period that held the last
 * activity, so it can fire up to one period (5 min) after idle + timeout; CloudWatch
 * evaluates a 5-minute alarm every minute over a sliding window
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarm-evaluation-window.html),
 * and a period's data points and the asynchronous Lambda action take a few minutes more:
 * another 5 minutes of margin. A sweep that still finds the VPN idle after that knows the
 * alarm missed, and says so.
 */
export const SWEEP_WAITS_FOR_ALARM_MINUTES = PERIOD_MINUTES + 5;

/**
 * The idle timeout (IDLE_TIMEOUT_MINUTES, the stack's `idleTimeoutMinutes`): whole alarm
 * periods, from one period to one day.
 */
export const idleTimeoutMinutesSchema = z.number().check(
  z.refine(Number.isInteger, { error: 'must be a whole number of minutes', abort: true }),
  z.gte(PERIOD_MINUTES, { error: `must be at least ${PERIOD_MINUTES}` }),
  z.lte(MAX_IDLE_TIMEOUT_MINUTES, {
    error: `must be at most ${MAX_IDLE_TIMEOUT_MINUTES} (one day)`,
  }),
  z.multipleOf(PERIOD_MINUTES, {
    error: `must be a multiple of ${PERIOD_MINUTES} (the idle alarm looks at ${PERIOD_MINUTES}-minute periods)`,
  }),
);

export interface IdleAlarmDefinition {
  periodSeconds: number;
  /** N: the periods looked at, N × 5 minutes = the idle timeout. */
  evaluationPeriods: number;
  /** M: how many of them must be idle. All of them, so the alarm never fires early. */
  datapointsToAlarm: number;
  /** Metric math over `connects` (VpnPortal ConnectRequests) and `active` (ActiveConnectionsCount). */
  expression: string;
  threshold: number;
  comparisonOperator: 'LessThanThreshold';
  /** No data means nobody did anything: idle, never "stay on". */
  treatMissingData: 'breaching';
  connectRequests: { namespace: string; metricName: 'ConnectRequests'; statistic: 'Sum' };
  activeConnections: {
    namespace: 'AWS/ClientVPN';
    metricName: 'ActiveConnectionsCount';
    statistic: 'Maximum';
  };
  dimensionName: 'Endpoint';
}

export function idleAlarmDefinition(options: {
  idleTimeoutMinutes: number;
  metricNamespace: string;
}): IdleAlarmDefinition {
  if (!idleTimeoutMinutesSchema.safeParse(options.idleTimeoutMinutes).success) {
    throw new Error(
      `The idle timeout must be a multiple of ${PERIOD_MINUTES} minutes from ${PERIOD_MINUTES} to ${MAX_IDLE_TIMEOUT_MINUTES}, got ${options.idleTimeoutMinutes}.`,
    );
  }
  const periods = options.idleTimeoutMinutes / PERIOD_MINUTES;
  return {
    periodSeconds: ALARM_PERIOD_SECONDS,
    evaluationPeriods: periods,
    datapointsToAlarm: periods,
    expression: 'FILL(connects, 0) + FILL(active, 0)',
    threshold: 1,
    comparisonOperator: 'LessThanThreshold',
    treatMissingData: 'breaching',
    connectRequests: {
      namespace: options.metricNamespace,
      metricName: 'ConnectRequests',
      statistic: 'Sum',
    },
    activeConnections: {
      namespace: 'AWS/ClientVPN',
      metricName: 'ActiveConnectionsCount',
      statistic: 'Maximum',
    },
    dimensionName: 'Endpoint',
  };
}
