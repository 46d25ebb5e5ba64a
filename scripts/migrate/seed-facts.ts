/**
 * What `npm run migrate-check` read from the account, as plain data: the rules
 * (seed-rules.ts) and the plan (retirement-plan.ts) work on this alone, so their tests need no
 * AWS and no mocks. The reader (aws-seed-reader.ts) is the only part that talks to AWS.
 */

export interface MetricFacts {
  namespace: string;
  metricName: string;
  dimensions: Record<string, string>;
}

export interface AlarmFacts {
  name: string;
  arn: string;
  actionsEnabled: boolean;
  stateValue: string;
  alarmActions: string[];
  okActions: string[];
  insufficientDataActions: string[];
  /** The alarm's one metric, or every metric of its math expression. */
  metrics: MetricFacts[];
}

export interface FunctionFacts {
  /** Unqualified: `arn:aws:lambda:<region>:<account>:function:<name>`. */
  arn: string;
  name: string;
  roleArn: string | null;
  /** `unreadable`: Lambda returned an error for it (a KMS key the caller may not use). */
  environment: Record<string, string> | 'unreadable';
  /** An alarm or a target group names a function that does not exist (any more). */
  missing?: boolean;
}

export interface InlinePolicyFacts {
  name: string;
  /** The policy document as JSON text (IAM sends it URL-encoded; the reader decodes it). */
  document: string;
}

export interface RoleFacts {
  arn: string;
  name: string;
  attachedPolicyArns: string[];
  inlinePolicies: InlinePolicyFacts[];
}

export interface TopicFacts {
  arn: string;
  subscriptions: { arn: string; protocol: string; endpoint: string }[];
}

export interface TargetGroupFacts {
  arn: string;
  name: string;
  loadBalancerArns: string[];
  /** Function ARNs registered as targets (as registered: possibly with a qualifier). */
  lambdaTargets: string[];
}

export interface RuleFacts {
  arn: string;
  isDefault: boolean;
  priority: string;
  /** Target groups its actions forward to, through `authenticate-cognito` or not. */
  forwardsTo: string[];
  /** e.g. `host-header vpn.example.com`, for the report. */
  conditions: string[];
}

export interface ListenerFacts {
  arn: string;
  port: number;
  protocol: string;
  rules: RuleFacts[];
}

export interface LoadBalancerFacts {
  arn: string;
  name: string;
  dnsName: string;
  deletionProtection: boolean;
  listeners: ListenerFacts[];
}

export interface SeedScan {
  endpointId: string;
  alarms: AlarmFacts[];
  /** Every function of the account's region (ListFunctions), plus any referenced elsewhere. */
  functions: FunctionFacts[];
  /** The roles of the functions worth a closer look (see `functionsWorthReading`). */
  roles: RoleFacts[];
  topics: TopicFacts[];
  /** Target groups whose target type is `lambda`. */
  targetGroups: TargetGroupFacts[];
  /** The load balancers of target groups worth a closer look. */
  loadBalancers: LoadBalancerFacts[];
}

export const EC2_FULL_ACCESS = 'arn:aws:iam::aws:policy/AmazonEC2FullAccess';
