import { PutMetricDataCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { firstEndpoint, loadSettings } from '../../config/settings.js';
import { createAwsClients } from './aws-clients.js';
import { createAwsAdapters } from './create-aws-adapters.js';

describe('createAwsAdapters', () => {
  it('wires the namespace, endpoint and alarm name from the settings', async () => {
    const settings = loadSettings(
      { AWS_REGION: 'eu-west-1', METRIC_NAMESPACE: 'VpnPortalTest', IDLE_ALARM_NAME: 'idle-test' },
      'local',
    );
    const clients = createAwsClients(settings);
    const cloudWatch = mockClient(clients.cloudWatch);
    cloudWatch.on(PutMetricDataCommand).resolves({});
    cloudWatch.on(SetAlarmStateCommand).resolves({});
    const adapters = createAwsAdapters(settings, firstEndpoint(settings), { clients });

    await adapters.metrics.recordConnectRequest(new Date('2026-11-29T09:00:00Z'));
    await adapters.alarm.reset('declined');

    expect(cloudWatch.commandCalls(PutMetricDataCommand)[0]?.args[0].input).toMatchObject({
      Namespace: 'VpnPortalTest',
      MetricData: [
        { Dimensions: [{ Name: 'Endpoint', Value: firstEndpoint(settings).endpointId }] },
      ],
    });
    expect(cloudWatch.commandCalls(SetAlarmStateCommand)[0]?.args[0].input).toMatchObject({
      AlarmName: 'idle-test',
    });
  });

  it("wires another endpoint's id and idle alarm, beside the first (issue 18)", async () => {
    // Local mode's settings list two endpoints: Seoul office first, Staging second.
    const settings = loadSettings({ AWS_REGION: 'eu-west-1', IDLE_ALARM_NAME: 'idle' }, 'local');
    const staging = settings.endpoints[1];
    if (!staging) throw new Error('local mode lists a second endpoint');
    const clients = createAwsClients(settings);
    const cloudWatch = mockClient(clients.cloudWatch);
    cloudWatch.on(PutMetricDataCommand).resolves({});
    cloudWatch.on(SetAlarmStateCommand).resolves({});
    const adapters = createAwsAdapters(settings, staging, { clients });

    await adapters.metrics.recordConnectRequest(new Date('2026-11-29T09:00:00Z'));
    await adapters.alarm.reset('declined');

    expect(staging.endpointId).not.toBe(firstEndpoint(settings).endpointId);
    expect(cloudWatch.commandCalls(PutMetricDataCommand)[0]?.args[0].input).toMatchObject({
      MetricData: [{ Dimensions: [{ Name: 'Endpoint', Value: staging.endpointId }] }],
    });
    expect(cloudWatch.commandCalls(SetAlarmStateCommand)[0]?.args[0].input).toMatchObject({
      AlarmName: 'idle-staging',
    });
  });
});
