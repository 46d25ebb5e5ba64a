import { describe, expect, it } from 'vitest';
import { idleAlarmDefinition } from './idle-alarm-definition.js';

describe('idleAlarmDefinition', () => {
  it('looks at N = idle timeout / 5 periods and needs all N idle', () => {
    const definition = idleAlarmDefinition({
      idleTimeoutMinutes: 30,
      metricNamespace: 'VpnPortal',
    });
    expect(definition).toMatchObject({
      periodSeconds: 300,
      evaluationPeriods: 6,
      datapointsToAlarm: 6,
    });
  });

  it('fills missing data with zero and treats a missing period as idle', () => {
    const definition = idleAlarmDefinition({
      idleTimeoutMinutes: 15,
      metricNamespace: 'VpnPortal',
    });
    expect(definition.expression).toBe('FILL(connects, 0) + FILL(active, 0)');
    expect(definition).toMatchObject({
      threshold: 1,
      comparisonOperator: 'LessThanThreshold',
      treatMissingData: 'breaching',
    });
  });

  it('watches the configured namespace and ActiveConnectionsCount per endpoint', () => {
    const definition = idleAlarmDefinition({ idleTimeoutMinutes: 5, metricNamespace: 'Acme/Vpn' });
    expect(definition.connectRequests).toEqual({
      namespace: 'Acme/Vpn',
      metricName: 'ConnectRequests',
      statistic: 'Sum',
    });
    expect(definition.activeConnections.namespace).toBe('AWS/ClientVPN');
    expect(definition.activeConnections.metricName).toBe('ActiveConnectionsCount');
    expect(definition.dimensionName).toBe('Endpoint');
    expect(definition.evaluationPeriods).toBe(1);
  });

  it.each([7, 0, -5, 12.5])('rejects an idle timeout of %s minutes', (minutes) => {
    expect(() =>
      idleAlarmDefinition({ idleTimeoutMinutes: minutes, metricNamespace: 'VpnPortal' }),
    ).toThrow(/multiple of 5/);
  });
});
