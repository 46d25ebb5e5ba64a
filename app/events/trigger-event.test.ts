import { describe, expect, it } from 'vitest';
import { InvalidEventError } from '../core/model/errors.js';
import { parseTriggerEvent } from './trigger-event.js';

const ALARM = 'vpn-portal-idle';

/**
 * The event CloudWatch passes to a Lambda alarm action, as in the CloudWatch User Guide,
 * "Lambda alarm actions" (docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html).
 */
function alarmEvent(state: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA', alarmName = ALARM) {
  return {
    source: 'aws.cloudwatch',
    alarmArn: `arn:aws:cloudwatch:eu-west-1:123456789012:alarm:${alarmName}`,
    accountId: '123456789012',
    time: '2026-03-02T10:00:00.000+0000',
    region: 'eu-west-1',
    alarmData: {
      alarmName,
      state: {
        value: state,
        reason:
          'Threshold Crossed: 6 out of the last 6 datapoints were less than the threshold (1.0).',
        timestamp: '2026-03-02T10:00:00.000+0000',
      },
      previousState: {
        value: 'OK',
        reason: 'Set by the portal.',
        timestamp: '2026-03-02T09:00:00.000+0000',
      },
      configuration: { description: 'VPN idle', metrics: [] },
    },
  };
}

/** EventBridge "Scheduled Event" (EventBridge User Guide, example event for a schedule). */
const scheduledEvent = {
  version: '0',
  id: '53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa',
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: '123456789012',
  time: '2026-03-02T10:15:00Z',
  region: 'eu-west-1',
  resources: ['arn:aws:events:eu-west-1:123456789012:rule/vpn-portal-sweep'],
  detail: {},
};

describe('parseTriggerEvent', () => {
  it('reads the idle alarm event in state ALARM', () => {
    expect(parseTriggerEvent(alarmEvent('ALARM'), ALARM)).toEqual({
      trigger: 'alarm',
      alarmState: 'ALARM',
    });
  });

  it('reads an alarm event in state OK, which the handler then skips', () => {
    expect(parseTriggerEvent(alarmEvent('OK'), ALARM)).toEqual({
      trigger: 'alarm',
      alarmState: 'OK',
    });
  });

  it('reads the scheduled safety-net event as a sweep', () => {
    expect(parseTriggerEvent(scheduledEvent, ALARM)).toEqual({ trigger: 'sweep' });
  });

  it('rejects an alarm event from another alarm, naming both', () => {
    expect(() => parseTriggerEvent(alarmEvent('ALARM', 'someone-elses-alarm'), ALARM)).toThrow(
      /someone-elses-alarm.*vpn-portal-idle/,
    );
  });

  it.each([
    ['null', null],
    ['a string', 'ALARM'],
    ['an empty object', {}],
    ['an S3 event', { source: 'aws.s3', 'detail-type': 'Object Created' }],
    [
      'an EventBridge event that is not a schedule',
      { ...scheduledEvent, 'detail-type': 'EC2 State' },
    ],
    ['an alarm event without alarmData', { source: 'aws.cloudwatch', alarmArn: 'arn:aws:x' }],
    [
      'an alarm event with an unknown state',
      { ...alarmEvent('ALARM'), alarmData: { alarmName: ALARM, state: { value: 'RED' } } },
    ],
  ])('rejects %s with InvalidEventError', (_label, event) => {
    expect(() => parseTriggerEvent(event, ALARM)).toThrow(InvalidEventError);
  });

  it('names the source of an unknown event in the error', () => {
    expect(() => parseTriggerEvent({ source: 'aws.s3' }, ALARM)).toThrow(/source: aws\.s3/);
  });
});
