import { type CloudWatchClient, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import type { IdleAlarm } from '../../ports/idle-alarm.js';
import { type AwsCallOptions, awsCall } from './aws-call.js';

export interface CloudWatchIdleAlarmOptions {
  client: CloudWatchClient;
  alarmName: string;
  call?: AwsCallOptions;
}

/** SetAlarmState's StateReason is limited to 1023 characters (CloudWatch API reference). */
export const STATE_REASON_MAX_LENGTH = 1023;

/** The idle alarm, reset to OK when the handler declines so the alarm can fire again. */
export class CloudWatchIdleAlarm implements IdleAlarm {
  private readonly client: CloudWatchClient;
  private readonly alarmName: string;
  private readonly callOptions: AwsCallOptions;

  constructor(options: CloudWatchIdleAlarmOptions) {
    this.client = options.client;
    this.alarmName = options.alarmName;
    this.callOptions = options.call ?? {};
  }

  async reset(reason: string): Promise<void> {
    await awsCall(
      'SetAlarmState',
      (abortSignal) =>
        this.client.send(
          new SetAlarmStateCommand({
            AlarmName: this.alarmName,
            StateValue: 'OK',
            StateReason: truncateReason(reason),
          }),
          { abortSignal },
        ),
      this.callOptions,
    );
  }
}

function truncateReason(reason: string): string {
  const text = reason.trim() || 'Reset by the auto-disconnect handler.';
  if (text.length <= STATE_REASON_MAX_LENGTH) return text;
  return `${text.slice(0, STATE_REASON_MAX_LENGTH - 1)}…`;
}
