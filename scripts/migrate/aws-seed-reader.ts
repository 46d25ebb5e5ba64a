/**
 * The thin AWS side of `npm run migrate-check`: read-only calls with the operator's
 * credentials (SDK v3), mapped to plain facts (seed-facts.ts). What to read next is decided
 * by worth-reading.ts; what the facts mean, by seed-rules.ts. Never bundled into a Lambda:
 * scripts/build-lambda.mjs refuses these clients and this folder as inputs.
 */
import {
  type CloudWatchClient,
  type MetricAlarm,
  paginateDescribeAlarms,
} from '@aws-sdk/client-cloudwatch';
import {
  type Action,
  DescribeLoadBalancerAttributesCommand,
  DescribeTargetHealthCommand,
  type ElasticLoadBalancingV2Client,
  paginateDescribeListeners,
  paginateDescribeLoadBalancers,
  paginateDescribeRules,
  paginateDescribeTargetGroups,
  type RuleCondition,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  GetRolePolicyCommand,
  type IAMClient,
  paginateListAttachedRolePolicies,
  paginateListRolePolicies,
} from '@aws-sdk/client-iam';
import {
  type FunctionConfiguration,
  GetFunctionConfigurationCommand,
  type LambdaClient,
  paginateListFunctions,
} from '@aws-sdk/client-lambda';
import { paginateListSubscriptionsByTopic, type SNSClient } from '@aws-sdk/client-sns';
import { explainAwsError, type ReadPermission } from './migrate-check-error.js';
import { roleNameOf, unqualifiedFunctionArn } from './resource-names.js';
import type {
  AlarmFacts,
  FunctionFacts,
  LoadBalancerFacts,
  RoleFacts,
  RuleFacts,
  SeedScan,
  TargetGroupFacts,
  TopicFacts,
} from './seed-facts.js';
import {
  functionsWorthReading,
  loadBalancersWorthReading,
  rolesWorthReading,
  topicsWorthReading,
} from './worth-reading.js';

export interface SeedReaderClients {
  cloudwatch: CloudWatchClient;
  lambda: LambdaClient;
  iam: IAMClient;
  sns: SNSClient;
  elbv2: ElasticLoadBalancingV2Client;
}

export async function readSeedScan(
  clients: SeedReaderClients,
  endpointId: string,
): Promise<SeedScan> {
  const { cloudwatch, lambda, iam, sns, elbv2 } = clients;
  const alarms = (
    await read('cloudwatch:DescribeAlarms', () =>
      all(
        paginateDescribeAlarms({ client: cloudwatch }, { AlarmTypes: ['MetricAlarm'] }),
        (p) => p.MetricAlarms,
      ),
    )
  ).map(alarmFacts);
  const inventory = (
    await read('lambda:ListFunctions', () =>
      all(paginateListFunctions({ client: lambda }, {}), (p) => p.Functions),
    )
  ).map(functionFacts);

  const lambdaGroups = (
    await read('elasticloadbalancing:DescribeTargetGroups', () =>
      all(paginateDescribeTargetGroups({ client: elbv2 }, {}), (p) => p.TargetGroups),
    )
  ).filter((group) => group.TargetType === 'lambda');
  const targetGroups: TargetGroupFacts[] = [];
  for (const group of lambdaGroups) {
    const health = await read('elasticloadbalancing:DescribeTargetHealth', () =>
      elbv2.send(new DescribeTargetHealthCommand({ TargetGroupArn: group.TargetGroupArn })),
    );
    targetGroups.push({
      arn: group.TargetGroupArn ?? '',
      name: group.TargetGroupName ?? '',
      loadBalancerArns: group.LoadBalancerArns ?? [],
      lambdaTargets: (health.TargetHealthDescriptions ?? []).flatMap((d) => d.Target?.Id ?? []),
    });
  }

  const topics: TopicFacts[] = [];
  for (const arn of topicsWorthReading(alarms, endpointId)) {
    const subscriptions = await read('sns:ListSubscriptionsByTopic', () =>
      all(
        paginateListSubscriptionsByTopic({ client: sns }, { TopicArn: arn }),
        (p) => p.Subscriptions,
      ),
    );
    topics.push({
      arn,
      subscriptions: subscriptions.map((s) => ({
        arn: s.SubscriptionArn ?? '',
        protocol: s.Protocol ?? '',
        endpoint: s.Endpoint ?? '',
      })),
    });
  }

  // The configuration of each function as an alarm or a target group names it (an alias may
  // run another version than the one ListFunctions shows), replacing the inventory's entry.
  const invoked = functionsWorthReading(alarms, topics, targetGroups);
  const functions = new Map(inventory.map((fn) => [fn.arn, fn]));
  for (const arn of invoked) {
    const fn = await readFunction(lambda, arn);
    functions.set(fn.arn, fn);
  }

  const roles: RoleFacts[] = [];
  for (const roleArn of rolesWorthReading([...functions.values()], invoked, endpointId)) {
    roles.push(await readRole(iam, roleArn));
  }

  const loadBalancers: LoadBalancerFacts[] = [];
  const lbArns = loadBalancersWorthReading(
    targetGroups,
    [...functions.values()],
    roles,
    alarms,
    endpointId,
  );
  if (lbArns.length > 0) {
    const described = await read('elasticloadbalancing:DescribeLoadBalancers', () =>
      all(
        paginateDescribeLoadBalancers({ client: elbv2 }, { LoadBalancerArns: lbArns }),
        (p) => p.LoadBalancers,
      ),
    );
    for (const lb of described) loadBalancers.push(await readLoadBalancer(elbv2, lb));
  }

  return {
    endpointId,
    alarms,
    functions: [...functions.values()],
    roles,
    topics,
    targetGroups,
    loadBalancers,
  };
}

function alarmFacts(alarm: MetricAlarm): AlarmFacts {
  const single = alarm.MetricName
    ? [{ Namespace: alarm.Namespace, MetricName: alarm.MetricName, Dimensions: alarm.Dimensions }]
    : [];
  const fromMath = (alarm.Metrics ?? []).flatMap((query) => query.MetricStat?.Metric ?? []);
  return {
    name: alarm.AlarmName ?? '',
    arn: alarm.AlarmArn ?? '',
    actionsEnabled: alarm.ActionsEnabled ?? true,
    stateValue: alarm.StateValue ?? 'INSUFFICIENT_DATA',
    alarmActions: alarm.AlarmActions ?? [],
    okActions: alarm.OKActions ?? [],
    insufficientDataActions: alarm.InsufficientDataActions ?? [],
    metrics: [...single, ...fromMath].map((metric) => ({
      namespace: metric.Namespace ?? '',
      metricName: metric.MetricName ?? '',
      dimensions: Object.fromEntries(
        (metric.Dimensions ?? []).map((d) => [d.Name ?? '', d.Value ?? '']),
      ),
    })),
  };
}

function functionFacts(config: FunctionConfiguration): FunctionFacts {
  const arn = config.FunctionArn ?? '';
  return {
    arn: unqualifiedFunctionArn(arn) ?? arn,
    name: config.FunctionName ?? '',
    roleArn: config.Role ?? null,
    // `Error` instead of variables: Lambda could not decrypt them for this caller.
    environment: config.Environment?.Error ? 'unreadable' : (config.Environment?.Variables ?? {}),
  };
}

async function readFunction(lambda: LambdaClient, arn: string): Promise<FunctionFacts> {
  try {
    const config = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: arn }));
    return functionFacts(config);
  } catch (error) {
    // An alarm can outlive the function it invokes: that is a finding, not a failure.
    if (error instanceof Error && error.name === 'ResourceNotFoundException') {
      const unqualified = unqualifiedFunctionArn(arn) ?? arn;
      const name = unqualified.split(':').at(-1) ?? unqualified;
      return { arn: unqualified, name, roleArn: null, environment: {}, missing: true };
    }
    throw explainAwsError(error, 'lambda:GetFunctionConfiguration');
  }
}

async function readRole(iam: IAMClient, arn: string): Promise<RoleFacts> {
  const RoleName = roleNameOf(arn);
  const attached = await read('iam:ListAttachedRolePolicies', () =>
    all(paginateListAttachedRolePolicies({ client: iam }, { RoleName }), (p) => p.AttachedPolicies),
  );
  const inlineNames = await read('iam:ListRolePolicies', () =>
    all(paginateListRolePolicies({ client: iam }, { RoleName }), (p) => p.PolicyNames),
  );
  const inlinePolicies = [];
  for (const PolicyName of inlineNames) {
    const policy = await read('iam:GetRolePolicy', () =>
      iam.send(new GetRolePolicyCommand({ RoleName, PolicyName })),
    );
    // IAM returns the document URL-encoded (RFC 3986); the SDK passes it on as it came.
    inlinePolicies.push({
      name: PolicyName,
      document: decodeURIComponent(policy.PolicyDocument ?? ''),
    });
  }
  return {
    arn,
    name: RoleName,
    attachedPolicyArns: attached.flatMap((p) => p.PolicyArn ?? []),
    inlinePolicies,
  };
}

async function readLoadBalancer(
  elbv2: ElasticLoadBalancingV2Client,
  lb: { LoadBalancerArn?: string; LoadBalancerName?: string; DNSName?: string },
): Promise<LoadBalancerFacts> {
  const arn = lb.LoadBalancerArn ?? '';
  const attributes = await read('elasticloadbalancing:DescribeLoadBalancerAttributes', () =>
    elbv2.send(new DescribeLoadBalancerAttributesCommand({ LoadBalancerArn: arn })),
  );
  const listeners = await read('elasticloadbalancing:DescribeListeners', () =>
    all(paginateDescribeListeners({ client: elbv2 }, { LoadBalancerArn: arn }), (p) => p.Listeners),
  );
  const listenerFacts = [];
  for (const listener of listeners) {
    const rules = await read('elasticloadbalancing:DescribeRules', () =>
      all(
        paginateDescribeRules({ client: elbv2 }, { ListenerArn: listener.ListenerArn }),
        (p) => p.Rules,
      ),
    );
    listenerFacts.push({
      arn: listener.ListenerArn ?? '',
      port: listener.Port ?? 0,
      protocol: listener.Protocol ?? '',
      rules: rules.map(
        (rule): RuleFacts => ({
          arn: rule.RuleArn ?? '',
          isDefault: rule.IsDefault ?? false,
          priority: rule.Priority ?? '',
          forwardsTo: (rule.Actions ?? []).flatMap(forwardTargets),
          conditions: (rule.Conditions ?? []).map(describeCondition),
        }),
      ),
    });
  }
  return {
    arn,
    name: lb.LoadBalancerName ?? '',
    dnsName: lb.DNSName ?? '',
    deletionProtection: (attributes.Attributes ?? []).some(
      (a) => a.Key === 'deletion_protection.enabled' && a.Value === 'true',
    ),
    listeners: listenerFacts,
  };
}

/** A forward action names its group directly or in a weighted ForwardConfig. */
function forwardTargets(action: Action): string[] {
  if (action.Type !== 'forward') return [];
  const weighted = (action.ForwardConfig?.TargetGroups ?? []).flatMap(
    (t) => t.TargetGroupArn ?? [],
  );
  return [...new Set([...(action.TargetGroupArn ? [action.TargetGroupArn] : []), ...weighted])];
}

function describeCondition(condition: RuleCondition): string {
  const values =
    condition.HostHeaderConfig?.Values ??
    condition.PathPatternConfig?.Values ??
    condition.Values ??
    [];
  return `${condition.Field ?? 'condition'} ${values.join(' ')}`.trim();
}

/** Every item of every page. */
async function all<Page, Item>(
  pages: AsyncIterable<Page>,
  items: (page: Page) => Item[] | undefined,
): Promise<Item[]> {
  const found: Item[] = [];
  for await (const page of pages) found.push(...(items(page) ?? []));
  return found;
}

/** One read, its failure explained with the IAM permission it needed. */
async function read<T>(permission: ReadPermission, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw explainAwsError(error, permission);
  }
}
