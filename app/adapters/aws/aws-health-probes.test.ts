import {
  CloudWatchClient,
  CloudWatchServiceException,
  DescribeAlarmsCommand,
} from '@aws-sdk/client-cloudwatch';
import {
  DescribeClientVpnEndpointsCommand,
  DescribeSubnetsCommand,
  EC2Client,
  EC2ServiceException,
} from '@aws-sdk/client-ec2';
import { GetTopicAttributesCommand, SNSClient, SNSServiceException } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AwsHealthProbes } from './aws-health-probes.js';
import type { GetParameter } from './ssm-get-parameter.js';

/*
 * Shapes and codes from the API references:
 * - EC2, "Error codes for the Amazon EC2 API"
 *   (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html):
 *   InvalidClientVpnEndpointId.NotFound "The specified Client VPN endpoint could not be found",
 *   UnauthorizedOperation "You are not authorized to perform this operation".
 *   DescribeClientVpnEndpoints answers ClientVpnEndpoint objects with Status.Code
 *   (pending-associate | available | deleting | deleted) and VpcId
 *   (API_ClientVpnEndpoint.html, API_ClientVpnEndpointStatus.html); DescribeSubnets answers
 *   Subnet objects with SubnetId, VpcId and AvailabilityZone (API_Subnet.html).
 * - CloudWatch DescribeAlarms answers MetricAlarms with StateValue, StateUpdatedTimestamp,
 *   ActionsEnabled and AlarmActions (API_MetricAlarm.html).
 * - SNS GetTopicAttributes fails with NotFound (NotFoundException in SDK v3) or
 *   AuthorizationError (API_GetTopicAttributes.html).
 * - SSM GetParameter fails with ParameterNotFound (API_GetParameter.html).
 */

const ENDPOINT = 'cvpn-endpoint-0123456789abcdef0';
const ALARM = 'VpnPortal-idle';
const TOPIC = 'arn:aws:sns:ap-northeast-2:123456789012:VpnPortal-NotificationsTopic';
const PARAMETER = '/vpn-portal/chat-webhook-url';
const EVENTS_ARN = 'arn:aws:lambda:ap-northeast-2:123456789012:function:VpnPortal-events';
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

const ec2Client = new EC2Client({ region: 'ap-northeast-2', credentials });
const cloudWatchClient = new CloudWatchClient({ region: 'ap-northeast-2', credentials });
const snsClient = new SNSClient({ region: 'ap-northeast-2', credentials });
const ec2 = mockClient(ec2Client);
const cloudWatch = mockClient(cloudWatchClient);
const sns = mockClient(snsClient);
const call = { sleep: vi.fn(async (_ms: number) => {}), timeoutMs: 50 };

function serviceError<T>(
  Exception: new (options: {
    name: string;
    $fault: 'client' | 'server';
    $metadata: { httpStatusCode: number };
    message: string;
  }) => T,
  name: string,
  message: string,
  httpStatusCode = 400,
): T {
  return new Exception({ name, $fault: 'client', $metadata: { httpStatusCode }, message });
}

function probes(options: { getParameter?: GetParameter; topic?: boolean; webhook?: boolean } = {}) {
  return new AwsHealthProbes({
    ec2: ec2Client,
    cloudWatch: cloudWatchClient,
    endpointId: ENDPOINT,
    alarmName: ALARM,
    topic: options.topic === false ? null : { client: snsClient, topicArn: TOPIC },
    webhook:
      options.webhook === false || !options.getParameter
        ? null
        : { getParameter: options.getParameter, parameterName: PARAMETER },
    call,
  });
}

beforeEach(() => {
  ec2.reset();
  cloudWatch.reset();
  sns.reset();
});

describe('AwsHealthProbes.describeEndpoint', () => {
  it('reads the endpoint’s state and VPC, asking for this endpoint only', async () => {
    ec2.on(DescribeClientVpnEndpointsCommand).resolves({
      ClientVpnEndpoints: [
        {
          ClientVpnEndpointId: ENDPOINT,
          Status: { Code: 'pending-associate' },
          VpcId: 'vpc-0123456789abcdef0',
        },
      ],
    });

    await expect(probes().describeEndpoint()).resolves.toEqual({
      outcome: 'found',
      state: 'pending-associate',
      vpcId: 'vpc-0123456789abcdef0',
    });
    expect(ec2.commandCalls(DescribeClientVpnEndpointsCommand)[0]?.args[0].input).toEqual({
      ClientVpnEndpointIds: [ENDPOINT],
    });
  });

  it('reads InvalidClientVpnEndpointId.NotFound, or an empty answer, as not found', async () => {
    ec2
      .on(DescribeClientVpnEndpointsCommand)
      .rejects(
        serviceError(
          EC2ServiceException,
          'InvalidClientVpnEndpointId.NotFound',
          `The ClientVpnEndpointId '${ENDPOINT}' does not exist`,
        ),
      );
    await expect(probes().describeEndpoint()).resolves.toEqual({ outcome: 'not-found' });

    ec2.reset();
    ec2.on(DescribeClientVpnEndpointsCommand).resolves({ ClientVpnEndpoints: [] });
    await expect(probes().describeEndpoint()).resolves.toEqual({ outcome: 'not-found' });
  });

  it('quotes AWS for any other refusal', async () => {
    ec2
      .on(DescribeClientVpnEndpointsCommand)
      .rejects(
        serviceError(
          EC2ServiceException,
          'UnauthorizedOperation',
          'You are not authorized to perform this operation.',
          403,
        ),
      );

    await expect(probes().describeEndpoint()).resolves.toEqual({
      outcome: 'error',
      aws: {
        code: 'UnauthorizedOperation',
        message: 'You are not authorized to perform this operation.',
      },
    });
  });
});

describe('AwsHealthProbes.describeSubnets', () => {
  it('filters by id, so a subnet AWS does not know is left out instead of failing the call', async () => {
    ec2.on(DescribeSubnetsCommand).resolves({
      Subnets: [
        {
          SubnetId: 'subnet-0a1b2c3d4e5f60001',
          VpcId: 'vpc-0123456789abcdef0',
          AvailabilityZone: 'ap-northeast-2a',
        },
      ],
    });

    await expect(
      probes().describeSubnets(['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60009']),
    ).resolves.toEqual({
      outcome: 'found',
      subnets: [
        {
          subnetId: 'subnet-0a1b2c3d4e5f60001',
          vpcId: 'vpc-0123456789abcdef0',
          availabilityZone: 'ap-northeast-2a',
        },
      ],
    });
    expect(ec2.commandCalls(DescribeSubnetsCommand)[0]?.args[0].input).toEqual({
      Filters: [
        { Name: 'subnet-id', Values: ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60009'] },
      ],
    });
  });
});

describe('AwsHealthProbes.describeIdleAlarm', () => {
  it('reads the one alarm’s state, since when, and what it invokes', async () => {
    const since = new Date('2026-03-02T08:30:00Z');
    cloudWatch.on(DescribeAlarmsCommand).resolves({
      MetricAlarms: [
        {
          AlarmName: ALARM,
          StateValue: 'ALARM',
          StateUpdatedTimestamp: since,
          ActionsEnabled: true,
          AlarmActions: [EVENTS_ARN],
        },
      ],
    });

    await expect(probes().describeIdleAlarm()).resolves.toEqual({
      outcome: 'found',
      state: 'ALARM',
      stateSince: since,
      actionsEnabled: true,
      alarmActions: [EVENTS_ARN],
    });
    expect(cloudWatch.commandCalls(DescribeAlarmsCommand)[0]?.args[0].input).toEqual({
      AlarmNames: [ALARM],
    });
  });

  it('reads no such alarm as not found, and an access refusal in AWS’s words', async () => {
    cloudWatch.on(DescribeAlarmsCommand).resolves({ MetricAlarms: [] });
    await expect(probes().describeIdleAlarm()).resolves.toEqual({ outcome: 'not-found' });

    cloudWatch.reset();
    cloudWatch
      .on(DescribeAlarmsCommand)
      .rejects(
        serviceError(
          CloudWatchServiceException,
          'AccessDenied',
          'User is not authorized to perform: cloudwatch:DescribeAlarms',
          403,
        ),
      );
    await expect(probes().describeIdleAlarm()).resolves.toEqual({
      outcome: 'error',
      aws: {
        code: 'AccessDenied',
        message: 'User is not authorized to perform: cloudwatch:DescribeAlarms',
      },
    });
  });
});

describe('AwsHealthProbes notice channels', () => {
  it('finds the topic reachable with GetTopicAttributes, not found, or refused', async () => {
    sns.on(GetTopicAttributesCommand).resolves({ Attributes: { TopicArn: TOPIC } });
    await expect(probes().topic()).resolves.toEqual({ outcome: 'reachable', topicArn: TOPIC });
    expect(sns.commandCalls(GetTopicAttributesCommand)[0]?.args[0].input).toEqual({
      TopicArn: TOPIC,
    });

    sns.reset();
    sns
      .on(GetTopicAttributesCommand)
      .rejects(serviceError(SNSServiceException, 'NotFoundException', 'Topic does not exist', 404));
    await expect(probes().topic()).resolves.toEqual({ outcome: 'not-found', topicArn: TOPIC });

    sns.reset();
    sns
      .on(GetTopicAttributesCommand)
      .rejects(
        serviceError(
          SNSServiceException,
          'AuthorizationError',
          'User is not authorized to perform: SNS:GetTopicAttributes',
          403,
        ),
      );
    await expect(probes().topic()).resolves.toMatchObject({
      outcome: 'error',
      aws: { code: 'AuthorizationError' },
    });
  });

  it('says a channel that is not configured is off, without a call', async () => {
    await expect(probes({ topic: false }).topic()).resolves.toEqual({ outcome: 'off' });
    await expect(probes().webhook()).resolves.toEqual({ outcome: 'off' });
    expect(sns.calls()).toHaveLength(0);
  });

  it('reads the webhook’s parameter and says whether it holds an https URL, never the URL', async () => {
    const url = 'https://hooks.slack.com/services/T000/B000/SECRET';
    const asked: string[] = [];
    const getParameter: GetParameter = async (name) => {
      asked.push(name);
      return { Parameter: { Value: url } };
    };

    const answer = await probes({ getParameter }).webhook();

    expect(answer).toEqual({ outcome: 'readable', parameterName: PARAMETER, https: true });
    expect(JSON.stringify(answer)).not.toContain('SECRET');
    expect(asked).toEqual([PARAMETER]);
    await expect(
      probes({
        getParameter: async () => ({ Parameter: { Value: 'http://chat.local/hook' } }),
      }).webhook(),
    ).resolves.toMatchObject({ outcome: 'readable', https: false });
  });

  it('reads ParameterNotFound as not found and any other error in AWS’s words', async () => {
    const failing =
      (name: string, message: string): GetParameter =>
      async () => {
        throw Object.assign(new Error(message), {
          name,
          $fault: 'client',
          $metadata: { httpStatusCode: 400 },
        });
      };
    await expect(
      probes({ getParameter: failing('ParameterNotFound', '') }).webhook(),
    ).resolves.toEqual({ outcome: 'not-found', parameterName: PARAMETER });
    await expect(
      probes({
        getParameter: failing('AccessDeniedException', 'not authorized to perform: kms:Decrypt'),
      }).webhook(),
    ).resolves.toEqual({
      outcome: 'error',
      parameterName: PARAMETER,
      aws: { code: 'AccessDeniedException', message: 'not authorized to perform: kms:Decrypt' },
    });
  });
});
