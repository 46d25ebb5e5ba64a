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
  const periodMinutes = ALARM_PERIOD_SECONDS / 60;
  if (
    !Number.isInteger(options.idleTimeoutMinutes) ||
    options.idleTimeoutMinutes < periodMinutes ||
    options.idleTimeoutMinutes % periodMinutes !== 0
  ) {
    throw new Error(
      `The idle timeout must be a positive multiple of ${periodMinutes} minutes, got ${options.idleTimeoutMinutes}.`,
    );
  }
  const periods = options.idleTimeoutMinutes / periodMinutes;
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
