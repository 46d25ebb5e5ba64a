import type { EC2Client } from '@aws-sdk/client-ec2';
import { SNSClient } from '@aws-sdk/client-sns';
import type { EndpointSettings } from '../../config/endpoint-settings.js';
import type { HealthSettings } from '../../config/health-settings.js';
import type { NotificationSettings } from '../../config/notification-settings.js';
import type { Settings } from '../../config/settings.js';
import type {
  EventsFunctionPermissions,
  HealthProbes,
  PermissionProbe,
} from '../../ports/health-probes.js';
import { askEventsFunction } from '../events-function-health.js';
import { type AwsCallOptions, awsCall } from './aws-call.js';
import type { AwsClients } from './aws-clients.js';
import { AwsHealthProbes } from './aws-health-probes.js';
import { EC2DryRunProbe } from './ec2-dry-run-probe.js';
import { signedLambdaInvoke } from './lambda-invoke.js';
import type { AwsCredentials } from './signed-post.js';
import { signedGetParameter } from './ssm-get-parameter.js';

/**
 * A health check answers an administrator who is waiting: each call gets 2 s and one retry,
 * so even four DryRun calls in a row stay well inside the invoking portal's patience.
 */
export const HEALTH_CALL: AwsCallOptions = { timeoutMs: 2_000, maxAttempts: 2 };

/**
 * How long the portal waits for the events function's verdicts: a cold start (~1 s), one
 * DescribeClientVpnTargetNetworks and four DryRun calls in parallel. One attempt: the events
 * function runs one at a time, and a sweep that holds it is not over in a second or two.
 */
const EVENTS_FUNCTION_CALL: AwsCallOptions = { timeoutMs: 8_000, maxAttempts: 1 };

/** DryRun calls with the role of the function that builds this (both functions do). */
export function createDryRunProbe(endpoint: EndpointSettings, ec2: EC2Client): PermissionProbe {
  return new EC2DryRunProbe({
    client: ec2,
    endpointId: endpoint.endpointId,
    subnetIds: endpoint.subnetIds,
    extraRoutes: endpoint.extraRoutes,
    call: HEALTH_CALL,
  });
}

export interface AwsHealthOptions {
  settings: Settings;
  /** The endpoint the checks look at (the first: see docs/decisions/014-health-checks.md). */
  endpoint: EndpointSettings;
  health: HealthSettings;
  notifications: NotificationSettings;
  clients: Pick<AwsClients, 'ec2' | 'cloudWatch'>;
  credentials: () => Promise<AwsCredentials>;
  /** `awsServiceEndpoint(env, 'ssm' | 'lambda', region)` (config/aws-endpoint.ts). */
  endpoints: { ssm: string; lambda: string };
  /** Injected by tests; the platform's `fetch` otherwise. */
  fetch?: typeof fetch;
}

export interface AwsHealth {
  probes: HealthProbes;
  permissions: PermissionProbe;
  eventsFunction: EventsFunctionPermissions;
}

/** The portal's side of the health checks against AWS, wired once per cold start. */
export function createAwsHealth(options: AwsHealthOptions): AwsHealth {
  const { settings, notifications, credentials } = options;
  const fetchOption = options.fetch ? { fetch: options.fetch } : {};
  const topic = notifications.topicArn
    ? {
        client: new SNSClient({
          region: settings.region,
          maxAttempts: 1, // awsCall retries (aws-call.ts)
          requestHandler: { connectionTimeout: 1_000, requestTimeout: 3_000 },
        }),
        topicArn: notifications.topicArn,
      }
    : null;
  const webhook = notifications.webhookParameterName
    ? {
        getParameter: signedGetParameter({
          region: settings.region,
          endpoint: options.endpoints.ssm,
          credentials,
          ...fetchOption,
        }),
        parameterName: notifications.webhookParameterName,
      }
    : null;
  const invoke = signedLambdaInvoke({
    region: settings.region,
    endpoint: options.endpoints.lambda,
    credentials,
    ...fetchOption,
  });
  const eventsFunctionArn = options.health.eventsFunctionArn;
  return {
    probes: new AwsHealthProbes({
      ec2: options.clients.ec2,
      cloudWatch: options.clients.cloudWatch,
      endpointId: options.endpoint.endpointId,
      alarmName: options.endpoint.idleAlarmName,
      topic,
      webhook,
      call: HEALTH_CALL,
    }),
    permissions: createDryRunProbe(options.endpoint, options.clients.ec2),
    eventsFunction: {
      check: () =>
        eventsFunctionArn === null
          ? Promise.resolve({
              outcome: 'error',
              aws: {
                code: 'NotConfigured',
                message: 'EVENTS_FUNCTION_ARN is not set, so the events function cannot be asked.',
              },
            })
          : askEventsFunction((event) =>
              awsCall(
                'Invoke',
                (abortSignal) => invoke(eventsFunctionArn, event, abortSignal),
                EVENTS_FUNCTION_CALL,
              ),
            ),
    },
  };
}
