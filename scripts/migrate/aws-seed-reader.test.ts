/**
 * The reader against stubbed SDK v3 clients answering in the shapes of the API references:
 * - CloudWatch DescribeAlarms, MetricAlarm (a metric math alarm lists its metrics in `Metrics`):
 *   https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DescribeAlarms.html
 *   https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_MetricAlarm.html
 * - Lambda ListFunctions, GetFunctionConfiguration, EnvironmentResponse (`Variables` or `Error`):
 *   https://docs.aws.amazon.com/lambda/latest/api/API_ListFunctions.html
 *   https://docs.aws.amazon.com/lambda/latest/api/API_GetFunctionConfiguration.html
 *   https://docs.aws.amazon.com/lambda/latest/api/API_EnvironmentResponse.html
 * - SNS ListSubscriptionsByTopic:
 *   https://docs.aws.amazon.com/sns/latest/api/API_ListSubscriptionsByTopic.html
 * - IAM ListAttachedRolePolicies, ListRolePolicies, GetRolePolicy (the document URL-encoded):
 *   https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListAttachedRolePolicies.html
 *   https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListRolePolicies.html
 *   https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetRolePolicy.html
 * - ELBv2 DescribeTargetGroups, DescribeTargetHealth (a Lambda target's Id is its ARN),
 *   DescribeLoadBalancers, DescribeLoadBalancerAttributes, DescribeListeners, DescribeRules:
 *   https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeTargetGroups.html
 *   https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeTargetHealth.html
 *   https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeRules.html
 * - Errors: IAM `AccessDenied` (403), Lambda `ResourceNotFoundException` (404):
 *   https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html
 *   https://docs.aws.amazon.com/lambda/latest/api/API_GetFunctionConfiguration.html#API_GetFunctionConfiguration_Errors
 */
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import {
  DescribeListenersCommand,
  DescribeLoadBalancerAttributesCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  GetRolePolicyCommand,
  IAMClient,
  IAMServiceException,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
} from '@aws-sdk/client-iam';
import {
  GetFunctionConfigurationCommand,
  LambdaClient,
  ListFunctionsCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-lambda';
import { ListSubscriptionsByTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { readSeedScan } from './aws-seed-reader.js';
import { MigrateCheckError } from './migrate-check-error.js';
import { findSeed } from './seed-rules.js';
import { ENDPOINT, fnArn, lbArn, REGION, roleArn, tgArn } from './seed-scan-fixtures.js';

const cloudwatch = mockClient(CloudWatchClient);
const lambda = mockClient(LambdaClient);
const iam = mockClient(IAMClient);
const sns = mockClient(SNSClient);
const elbv2 = mockClient(ElasticLoadBalancingV2Client);
const clients = () => ({
  cloudwatch: new CloudWatchClient({ region: REGION }),
  lambda: new LambdaClient({ region: REGION }),
  iam: new IAMClient({ region: REGION }),
  sns: new SNSClient({ region: REGION }),
  elbv2: new ElasticLoadBalancingV2Client({ region: REGION }),
});

const topic = `arn:aws:sns:${REGION}:111122223333:vpn-idle`;
const seedTg = tgArn('vpn-associate');
const seedLb = lbArn('vpn-alb');
const listener443 = `arn:aws:elasticloadbalancing:${REGION}:111122223333:listener/app/vpn-alb/50dc6c495c0c9188/f2f7dc8efc522ab2`;

/** The hand-made setup, the way the write-up built it: the alarm → SNS → disassociate function. */
function theSeedAccount() {
  cloudwatch.on(DescribeAlarmsCommand).resolves({
    MetricAlarms: [
      {
        AlarmName: 'vpn-idle',
        AlarmArn: `arn:aws:cloudwatch:${REGION}:111122223333:alarm:vpn-idle`,
        ActionsEnabled: true,
        AlarmActions: [topic],
        OKActions: [],
        InsufficientDataActions: [],
        StateValue: 'OK',
        EvaluationPeriods: 6,
        Threshold: 1,
        ComparisonOperator: 'LessThanThreshold',
        Metrics: [
          {
            Id: 'm1',
            ReturnData: false,
            MetricStat: {
              Metric: {
                Namespace: 'AWS/Lambda',
                MetricName: 'Invocations',
                Dimensions: [{ Name: 'FunctionName', Value: 'vpn-associate' }],
              },
              Period: 300,
              Stat: 'Sum',
            },
          },
          {
            Id: 'm2',
            ReturnData: false,
            MetricStat: {
              Metric: {
                Namespace: 'AWS/ClientVPN',
                MetricName: 'ActiveConnectionsCount',
                Dimensions: [{ Name: 'Endpoint', Value: ENDPOINT }],
              },
              Period: 300,
              Stat: 'Maximum',
            },
          },
          { Id: 'e1', Expression: 'm1+m2', ReturnData: true },
        ],
      },
      {
        AlarmName: 'billing-over-100',
        AlarmArn: `arn:aws:cloudwatch:us-east-1:111122223333:alarm:billing-over-100`,
        ActionsEnabled: true,
        AlarmActions: ['arn:aws:sns:us-east-1:111122223333:finance'],
        Namespace: 'AWS/Billing',
        MetricName: 'EstimatedCharges',
        Dimensions: [{ Name: 'Currency', Value: 'USD' }],
        StateValue: 'OK',
      },
    ],
  });
  lambda.on(ListFunctionsCommand).resolves({
    Functions: [
      {
        FunctionName: 'vpn-disassociate',
        FunctionArn: fnArn('vpn-disassociate'),
        Runtime: 'python3.12',
        Role: roleArn('vpn-lambda-role'),
        Environment: { Variables: { ENDPOINT_ID: ENDPOINT } },
      },
      {
        FunctionName: 'vpn-associate',
        FunctionArn: fnArn('vpn-associate'),
        Runtime: 'python3.12',
        Role: roleArn('vpn-lambda-role'),
        Environment: { Variables: { ENDPOINT_ID: ENDPOINT } },
      },
      {
        FunctionName: 'payroll-export',
        FunctionArn: fnArn('payroll-export'),
        Runtime: 'nodejs22.x',
        Role: roleArn('payroll-role'),
        Environment: { Variables: { BUCKET: 'payroll' } },
      },
    ],
  });
  lambda.on(GetFunctionConfigurationCommand, { FunctionName: fnArn('vpn-disassociate') }).resolves({
    FunctionName: 'vpn-disassociate',
    FunctionArn: fnArn('vpn-disassociate'),
    Role: roleArn('vpn-lambda-role'),
    Environment: { Variables: { ENDPOINT_ID: ENDPOINT } },
  });
  lambda.on(GetFunctionConfigurationCommand, { FunctionName: fnArn('vpn-associate') }).resolves({
    FunctionName: 'vpn-associate',
    FunctionArn: fnArn('vpn-associate'),
    Role: roleArn('vpn-lambda-role'),
    Environment: { Variables: { ENDPOINT_ID: ENDPOINT } },
  });
  sns.on(ListSubscriptionsByTopicCommand, { TopicArn: topic }).resolves({
    Subscriptions: [
      {
        SubscriptionArn: `${topic}:0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d`,
        Owner: '111122223333',
        Protocol: 'lambda',
        Endpoint: fnArn('vpn-disassociate'),
        TopicArn: topic,
      },
    ],
  });
  iam.on(ListAttachedRolePoliciesCommand, { RoleName: 'vpn-lambda-role' }).resolves({
    AttachedPolicies: [
      {
        PolicyName: 'AmazonEC2FullAccess',
        PolicyArn: 'arn:aws:iam::aws:policy/AmazonEC2FullAccess',
      },
    ],
    IsTruncated: false,
  });
  iam.on(ListRolePoliciesCommand, { RoleName: 'vpn-lambda-role' }).resolves({
    PolicyNames: ['logs'],
    IsTruncated: false,
  });
  iam.on(GetRolePolicyCommand, { RoleName: 'vpn-lambda-role', PolicyName: 'logs' }).resolves({
    RoleName: 'vpn-lambda-role',
    PolicyName: 'logs',
    PolicyDocument: encodeURIComponent(
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'logs:*', Resource: '*' }],
      }),
    ),
  });
  elbv2.on(DescribeTargetGroupsCommand).resolves({
    TargetGroups: [
      {
        TargetGroupArn: seedTg,
        TargetGroupName: 'vpn-associate',
        TargetType: 'lambda',
        LoadBalancerArns: [seedLb],
      },
      {
        TargetGroupArn: tgArn('web-servers'),
        TargetGroupName: 'web-servers',
        Protocol: 'HTTP',
        Port: 80,
        TargetType: 'instance',
        LoadBalancerArns: [lbArn('web')],
      },
    ],
  });
  elbv2.on(DescribeTargetHealthCommand, { TargetGroupArn: seedTg }).resolves({
    TargetHealthDescriptions: [
      {
        Target: { Id: fnArn('vpn-associate') },
        TargetHealth: { State: 'unavailable', Reason: 'Target.HealthCheckDisabled' },
      },
    ],
  });
  elbv2.on(DescribeLoadBalancersCommand).resolves({
    LoadBalancers: [
      {
        LoadBalancerArn: seedLb,
        LoadBalancerName: 'vpn-alb',
        DNSName: 'vpn-alb-1234567890.ap-northeast-2.elb.amazonaws.com',
        Type: 'application',
        Scheme: 'internet-facing',
      },
    ],
  });
  elbv2.on(DescribeLoadBalancerAttributesCommand).resolves({
    Attributes: [
      { Key: 'deletion_protection.enabled', Value: 'true' },
      { Key: 'idle_timeout.timeout_seconds', Value: '60' },
    ],
  });
  elbv2.on(DescribeListenersCommand).resolves({
    Listeners: [
      { ListenerArn: listener443, LoadBalancerArn: seedLb, Port: 443, Protocol: 'HTTPS' },
    ],
  });
  elbv2.on(DescribeRulesCommand).resolves({
    Rules: [
      {
        RuleArn: `${listener443.replace(':listener/', ':listener-rule/')}/9683b2d02a6cabee`,
        Priority: 'default',
        IsDefault: true,
        Conditions: [],
        Actions: [
          {
            Type: 'authenticate-cognito',
            Order: 1,
            AuthenticateCognitoConfig: {
              UserPoolArn: `arn:aws:cognito-idp:${REGION}:111122223333:userpool/${REGION}_AbCdEfGhI`,
              UserPoolClientId: '1example23456789',
              UserPoolDomain: 'vpn-old',
            },
          },
          { Type: 'forward', Order: 2, TargetGroupArn: seedTg },
        ],
      },
    ],
  });
}

beforeEach(() => {
  for (const mock of [cloudwatch, lambda, iam, sns, elbv2]) mock.reset();
});

describe('readSeedScan', () => {
  it('reads the hand-made setup from API-shaped answers, and the rules recognise it', async () => {
    theSeedAccount();
    const scan = await readSeedScan(clients(), ENDPOINT);

    expect(scan.alarms[0]?.metrics).toEqual([
      {
        namespace: 'AWS/Lambda',
        metricName: 'Invocations',
        dimensions: { FunctionName: 'vpn-associate' },
      },
      {
        namespace: 'AWS/ClientVPN',
        metricName: 'ActiveConnectionsCount',
        dimensions: { Endpoint: ENDPOINT },
      },
    ]);
    expect(scan.topics[0]?.subscriptions[0]).toMatchObject({
      protocol: 'lambda',
      endpoint: fnArn('vpn-disassociate'),
    });
    expect(scan.roles).toEqual([
      {
        arn: roleArn('vpn-lambda-role'),
        name: 'vpn-lambda-role',
        attachedPolicyArns: ['arn:aws:iam::aws:policy/AmazonEC2FullAccess'],
        // Decoded from IAM's URL encoding.
        inlinePolicies: [
          {
            name: 'logs',
            document:
              '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"logs:*","Resource":"*"}]}',
          },
        ],
      },
    ]);
    expect(scan.targetGroups).toEqual([
      {
        arn: seedTg,
        name: 'vpn-associate',
        loadBalancerArns: [seedLb],
        lambdaTargets: [fnArn('vpn-associate')],
      },
    ]);
    expect(scan.loadBalancers[0]).toMatchObject({
      name: 'vpn-alb',
      deletionProtection: true,
      listeners: [{ port: 443, rules: [{ isDefault: true, forwardsTo: [seedTg] }] }],
    });

    const findings = findSeed(scan);
    expect(findings.alarms.map((a) => a.alarm.name)).toEqual(['vpn-idle']);
    expect(findings.disassociateFunctions.map((f) => f.fn.name)).toEqual(['vpn-disassociate']);
    expect(findings.associateFunctions.map((f) => f.fn.name)).toEqual(['vpn-associate']);
    expect(findings.loadBalancers[0]?.defaultListeners.map((l) => l.port)).toEqual([443]);
  });

  it('reads only what could be the hand-made setup', async () => {
    theSeedAccount();
    await readSeedScan(clients(), ENDPOINT);
    // The billing alarm's topic is not this endpoint's; payroll's role is nobody's business here.
    expect(
      sns.commandCalls(ListSubscriptionsByTopicCommand).map((c) => c.args[0].input.TopicArn),
    ).toEqual([topic]);
    expect(
      iam.commandCalls(ListAttachedRolePoliciesCommand).map((c) => c.args[0].input.RoleName),
    ).toEqual(['vpn-lambda-role']);
    // Only the Lambda target group's health, only its load balancer.
    expect(elbv2.commandCalls(DescribeTargetHealthCommand)).toHaveLength(1);
    expect(
      elbv2.commandCalls(DescribeLoadBalancersCommand)[0]?.args[0].input.LoadBalancerArns,
    ).toEqual([seedLb]);
  });

  it('calls an environment Lambda cannot decrypt for this caller unreadable', async () => {
    theSeedAccount();
    lambda
      .on(GetFunctionConfigurationCommand, { FunctionName: fnArn('vpn-disassociate') })
      .resolves({
        FunctionName: 'vpn-disassociate',
        FunctionArn: fnArn('vpn-disassociate'),
        Role: roleArn('vpn-lambda-role'),
        Environment: {
          Error: {
            ErrorCode: 'AccessDeniedException',
            Message:
              'Lambda was unable to decrypt the environment variables because KMS access was denied.',
          },
        },
      });
    const scan = await readSeedScan(clients(), ENDPOINT);
    expect(scan.functions.find((f) => f.name === 'vpn-disassociate')?.environment).toBe(
      'unreadable',
    );
  });

  it('notes an alarm’s function that no longer exists instead of failing', async () => {
    theSeedAccount();
    lambda.on(GetFunctionConfigurationCommand, { FunctionName: fnArn('vpn-disassociate') }).rejects(
      new ResourceNotFoundException({
        $metadata: { httpStatusCode: 404 },
        message: `Function not found: ${fnArn('vpn-disassociate')}`,
        Type: 'User',
      }),
    );
    const scan = await readSeedScan(clients(), ENDPOINT);
    expect(scan.functions.find((f) => f.name === 'vpn-disassociate')).toMatchObject({
      missing: true,
    });
  });

  it('stops with the missing permission named when IAM refuses a read', async () => {
    theSeedAccount();
    iam.on(ListAttachedRolePoliciesCommand).rejects(
      new IAMServiceException({
        name: 'AccessDenied',
        $fault: 'client',
        $metadata: { httpStatusCode: 403 },
        message:
          'User: arn:aws:sts::111122223333:assumed-role/Auditor/alex is not authorized to perform: iam:ListAttachedRolePolicies on resource: role vpn-lambda-role because no identity-based policy allows the iam:ListAttachedRolePolicies action',
      }),
    );
    const failure = readSeedScan(clients(), ENDPOINT);
    await expect(failure).rejects.toBeInstanceOf(MigrateCheckError);
    await expect(failure).rejects.toMatchObject({
      kind: 'access-denied',
      message: expect.stringMatching(
        /^Access denied: these credentials may not call iam:ListAttachedRolePolicies /,
      ),
    });
  });
});
