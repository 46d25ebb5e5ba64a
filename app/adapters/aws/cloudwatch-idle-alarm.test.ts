import {
  CloudWatchClient,
  CloudWatchServiceException,
  SetAlarmStateCommand,
} from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CloudWatchIdleAlarm, STATE_REASON_MAX_LENGTH } from './cloudwatch-idle-alarm.js';

/*
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_SetAlarmState.html:
 * StateValue OK | ALARM | INSUFFICIENT_DATA; StateReason is required, at most 1023 characters.
 * The change is temporary: the next evaluation sets the real state, so the alarm can fire again.
 */

const client = new CloudWatchClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
});
const cloudWatch = mockClient(client);
const alarm = new CloudWatchIdleAlarm({
  client,
  alarmName: 'vpn-portal-idle',
  call: { sleep: vi.fn(async (_ms: number) => {}) },
});

beforeEach(() => {
  cloudWatch.reset();
});

describe('CloudWatchIdleAlarm.reset', () => {
  it('sets the alarm back to OK with the reason', async () => {
    cloudWatch.on(SetAlarmStateCommand).resolves({});

    await alarm.reset('Declined: 2 clients are connected.');

    expect(cloudWatch.commandCalls(SetAlarmStateCommand)[0]?.args[0].input).toEqual({
      AlarmName: 'vpn-portal-idle',
      StateValue: 'OK',
      StateReason: 'Declined: 2 clients are connected.',
    });
  });

  it('cuts a reason longer than AWS accepts down to the limit', async () => {
    cloudWatch.on(SetAlarmStateCommand).resolves({});

    await alarm.reset('x'.repeat(5_000));

    const reason = cloudWatch.commandCalls(SetAlarmStateCommand)[0]?.args[0].input.StateReason;
    expect(reason).toHaveLength(STATE_REASON_MAX_LENGTH);
    expect(reason?.endsWith('…')).toBe(true);
  });

  it('reports a missing alarm as AwsCallError("rejected")', async () => {
    cloudWatch.on(SetAlarmStateCommand).rejects(
      new CloudWatchServiceException({
        name: 'ResourceNotFound',
        $fault: 'client',
        $metadata: { httpStatusCode: 404 },
        message: 'Alarm vpn-portal-idle not found',
      }),
    );

    await expect(alarm.reset('declined')).rejects.toMatchObject({
      code: 'aws_rejected',
      operation: 'SetAlarmState',
    });
  });
});
