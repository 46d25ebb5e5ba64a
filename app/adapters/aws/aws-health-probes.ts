import { type CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import {
  DescribeClientVpnEndpointsCommand,
  DescribeSubnetsCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { GetTopicAttributesCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { AlarmStateValue } from '../../core/model/health.js';
import type {
  AlarmProbe,
  EndpointProbe,
  HealthProbes,
  SubnetFacts,
  SubnetsProbe,
  TopicProbe,
  WebhookProbe,
} from '../../ports/health-probes.js';
import { type AwsCallOptions, awsCall, awsErrorName, awsWords } from './aws-call.js';
import type { GetParameter } from './ssm-get-parameter.js';

export interface AwsHealthProbesOptions {
  ec2: EC2Client;
  cloudWatch: CloudWatchClient;
  endpointId: string;
  alarmName: string;
  /** The notices' SNS topic and a client for it; null when the topic is off. */
  topic: { client: SNSClient; topicArn: string } | null;
  /** The chat webhook's SSM parameter and GetParameter; null when the webhook is off. */
  webhook: { getParameter: GetParameter; parameterName: string } | null;
  call?: AwsCallOptions;
}

/**
 * EC2 error codes ("Error codes for the Amazon EC2 API", client errors for specific actions:
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html).
 */
const ENDPOINT_NOT_FOUND = 'InvalidClientVpnEndpointId.NotFound';
/** SNS GetTopicAttributes: `NotFound` on the wire, `NotFoundException` in SDK v3. */
const TOPIC_NOT_FOUND = new Set(['NotFound', 'NotFoundException']);
/** SSM GetParameter (https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetParameter.html). */
const PARAMETER_NOT_FOUND = 'ParameterNotFound';

/**
 * The health checks' reads with the portal's role, each one read-only call on one named
 * resource: DescribeClientVpnEndpoints and DescribeSubnets (EC2 cannot scope Describe calls),
 * DescribeAlarms on the idle alarm, GetTopicAttributes on the topic, GetParameter on the
 * webhook's parameter (which the portal may read anyway, to send notices). The parameter's
 * value is only looked at, never returned.
 */
export class AwsHealthProbes implements HealthProbes {
  private readonly callOptions: AwsCallOptions;

  constructor(private readonly options: AwsHealthProbesOptions) {
    this.callOptions = options.call ?? {};
  }

  async describeEndpoint(): Promise<EndpointProbe> {
    const { ec2, endpointId } = this.options;
    try {
      const output = await awsCall(
        'DescribeClientVpnEndpoints',
        (abortSignal) =>
          ec2.send(new DescribeClientVpnEndpointsCommand({ ClientVpnEndpointIds: [endpointId] }), {
            abortSignal,
          }),
        this.callOptions,
      );
      const endpoint = output.ClientVpnEndpoints?.find(
        (candidate) => candidate.ClientVpnEndpointId === endpointId,
      );
      if (!endpoint) return { outcome: 'not-found' };
      return {
        outcome: 'found',
        state: endpoint.Status?.Code ?? 'unknown',
        vpcId: endpoint.VpcId ?? null,
      };
    } catch (error) {
      if (awsErrorName(error) === ENDPOINT_NOT_FOUND) return { outcome: 'not-found' };
      return { outcome: 'error', aws: awsWords(error) };
    }
  }

  async describeSubnets(subnetIds: readonly string[]): Promise<SubnetsProbe> {
    try {
      // A filter, not SubnetIds: an unknown id is then left out instead of failing the call.
      const output = await awsCall(
        'DescribeSubnets',
        (abortSignal) =>
          this.options.ec2.send(
            new DescribeSubnetsCommand({
              Filters: [{ Name: 'subnet-id', Values: [...subnetIds] }],
            }),
            { abortSignal },
          ),
        this.callOptions,
      );
      const subnets: SubnetFacts[] = [];
      for (const subnet of output.Subnets ?? []) {
        if (subnet.SubnetId && subnet.VpcId && subnet.AvailabilityZone) {
          subnets.push({
            subnetId: subnet.SubnetId,
            vpcId: subnet.VpcId,
            availabilityZone: subnet.AvailabilityZone,
          });
        }
      }
      return { outcome: 'found', subnets };
    } catch (error) {
      return { outcome: 'error', aws: awsWords(error) };
    }
  }

  async describeIdleAlarm(): Promise<AlarmProbe> {
    try {
      // Metric alarms only (the default): a grant scoped to the one alarm's ARN allows it,
      // where composite alarms would need DescribeAlarms on "*" (CloudWatch API reference).
      const output = await awsCall(
        'DescribeAlarms',
        (abortSignal) =>
          this.options.cloudWatch.send(
            new DescribeAlarmsCommand({ AlarmNames: [this.options.alarmName] }),
            { abortSignal },
          ),
        this.callOptions,
      );
      const alarm = output.MetricAlarms?.find(
        (candidate) => candidate.AlarmName === this.options.alarmName,
      );
      if (!alarm) return { outcome: 'not-found' };
      return {
        outcome: 'found',
        state: alarmState(alarm.StateValue),
        stateSince: alarm.StateUpdatedTimestamp ?? null,
        actionsEnabled: alarm.ActionsEnabled !== false,
        alarmActions: alarm.AlarmActions ?? [],
      };
    } catch (error) {
      return { outcome: 'error', aws: awsWords(error) };
    }
  }

  async topic(): Promise<TopicProbe> {
    const topic = this.options.topic;
    if (!topic) return { outcome: 'off' };
    try {
      await awsCall(
        'GetTopicAttributes',
        (abortSignal) =>
          topic.client.send(new GetTopicAttributesCommand({ TopicArn: topic.topicArn }), {
            abortSignal,
          }),
        this.callOptions,
      );
      return { outcome: 'reachable', topicArn: topic.topicArn };
    } catch (error) {
      const code = awsErrorName(error) ?? '';
      if (TOPIC_NOT_FOUND.has(code)) return { outcome: 'not-found', topicArn: topic.topicArn };
      return { outcome: 'error', topicArn: topic.topicArn, aws: awsWords(error) };
    }
  }

  async webhook(): Promise<WebhookProbe> {
    const webhook = this.options.webhook;
    if (!webhook) return { outcome: 'off' };
    const { parameterName } = webhook;
    try {
      const answer = await awsCall(
        'GetParameter',
        (abortSignal) => webhook.getParameter(parameterName, abortSignal),
        this.callOptions,
      );
      return { outcome: 'readable', parameterName, https: isHttpsUrl(answer.Parameter?.Value) };
    } catch (error) {
      if (awsErrorName(error) === PARAMETER_NOT_FOUND)
        return { outcome: 'not-found', parameterName };
      return { outcome: 'error', parameterName, aws: awsWords(error) };
    }
  }
}

function alarmState(value: string | undefined): AlarmStateValue {
  return value === 'OK' || value === 'ALARM' ? value : 'INSUFFICIENT_DATA';
}

function isHttpsUrl(value: string | undefined): boolean {
  if (!value) return false;
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}
