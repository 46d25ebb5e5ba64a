/**
 * Plain-data accounts for the migrate-check tests: the hand-made setup as SPEC section 1
 * describes it, this stack deployed beside it, and the variations a real account adds.
 */
import type {
  AlarmFacts,
  FunctionFacts,
  LoadBalancerFacts,
  RoleFacts,
  SeedScan,
  TargetGroupFacts,
} from './seed-facts.js';

export const ENDPOINT = 'cvpn-endpoint-0123456789abcdef0';
export const OTHER_ENDPOINT = 'cvpn-endpoint-0fedcba9876543210';
export const ACCOUNT = '111122223333';
export const REGION = 'ap-northeast-2';

export const fnArn = (name: string) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;
export const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
export const alarmArn = (name: string) => `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:${name}`;
export const tgArn = (name: string) =>
  `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/${name}/6d0ecf831eec9f09`;
export const lbArn = (name: string) =>
  `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/app/${name}/50dc6c495c0c9188`;
export const listenerArn = (lb: string, port: number) =>
  `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:listener/app/${lb}/50dc6c495c0c9188/${port}`;
export const ruleArn = (lb: string, port: number, id: string) =>
  `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:listener-rule/app/${lb}/50dc6c495c0c9188/${port}/${id}`;

export function fn(
  name: string,
  role: string,
  environment: FunctionFacts['environment'],
): FunctionFacts {
  return { arn: fnArn(name), name, roleArn: roleArn(role), environment };
}

export function alarm(
  name: string,
  overrides: Partial<AlarmFacts> & Pick<AlarmFacts, 'alarmActions' | 'metrics'>,
): AlarmFacts {
  return {
    name,
    arn: alarmArn(name),
    actionsEnabled: true,
    stateValue: 'OK',
    okActions: [],
    insufficientDataActions: [],
    ...overrides,
  };
}

/** The seed's one role, as the write-up made it: AmazonEC2FullAccess plus basic logging. */
export const seedRole: RoleFacts = {
  arn: roleArn('vpn-lambda-role'),
  name: 'vpn-lambda-role',
  attachedPolicyArns: [
    'arn:aws:iam::aws:policy/AmazonEC2FullAccess',
    'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
  ],
  inlinePolicies: [],
};

export const seedDisassociate = fn('vpn-disassociate', 'vpn-lambda-role', {
  CLIENT_VPN_ENDPOINT_ID: ENDPOINT,
});
export const seedAssociate = fn('vpn-associate', 'vpn-lambda-role', {
  CLIENT_VPN_ENDPOINT_ID: ENDPOINT,
  TARGET_SUBNET_ID: 'subnet-0a1b2c3d4e5f60001',
});

/** "associate Lambda invocations + ActiveConnectionsCount < 1 for 6 × 5 min". */
export const seedAlarm = alarm('vpn-idle', {
  alarmActions: [fnArn('vpn-disassociate')],
  metrics: [
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
  ],
});

export const seedTargetGroup: TargetGroupFacts = {
  arn: tgArn('vpn-associate'),
  name: 'vpn-associate',
  loadBalancerArns: [lbArn('vpn-alb')],
  lambdaTargets: [fnArn('vpn-associate')],
};

export function seedLoadBalancer(extraForwards: string[] = []): LoadBalancerFacts {
  return {
    arn: lbArn('vpn-alb'),
    name: 'vpn-alb',
    dnsName: 'vpn-alb-1234567890.ap-northeast-2.elb.amazonaws.com',
    deletionProtection: false,
    listeners: [
      {
        arn: listenerArn('vpn-alb', 443),
        port: 443,
        protocol: 'HTTPS',
        rules: [
          {
            arn: ruleArn('vpn-alb', 443, 'seed'),
            isDefault: false,
            priority: '10',
            forwardsTo: [seedTargetGroup.arn],
            conditions: ['host-header vpn-old.example.com'],
          },
          ...extraForwards.map((arn, index) => ({
            arn: ruleArn('vpn-alb', 443, `other-${index}`),
            isDefault: false,
            priority: String(20 + index),
            forwardsTo: [arn],
            conditions: ['host-header other.example.com'],
          })),
          {
            arn: ruleArn('vpn-alb', 443, 'default'),
            isDefault: true,
            priority: 'default',
            forwardsTo: [],
            conditions: [],
          },
        ],
      },
      {
        arn: listenerArn('vpn-alb', 80),
        port: 80,
        protocol: 'HTTP',
        rules: [
          {
            arn: ruleArn('vpn-alb', 80, 'default'),
            isDefault: true,
            priority: 'default',
            forwardsTo: [],
            conditions: [],
          },
        ],
      },
    ],
  };
}

/** This stack's two functions and its idle alarm, deployed for ENDPOINT. */
const portalEnvironment = {
  VPN_ENDPOINT_ID: ENDPOINT,
  VPN_SUBNET_IDS: 'subnet-0a1b2c3d4e5f60001',
  SESSIONS_TABLE: 'VpnPortal-SessionsTable-1ABC',
  IDLE_ALARM_NAME: 'VpnPortal-idle',
  IDLE_TIMEOUT_MINUTES: '30',
};
export const portalFunction = fn(
  'VpnPortal-PortalHandler-AbC',
  'VpnPortal-PortalRole',
  portalEnvironment,
);
export const portalEvents = fn(
  'VpnPortal-AutoDisconnectHandler-DeF',
  'VpnPortal-EventsRole',
  portalEnvironment,
);
export const portalAlarm = alarm('VpnPortal-idle', {
  alarmActions: [portalEvents.arn],
  metrics: [
    { namespace: 'VpnPortal', metricName: 'ConnectRequests', dimensions: { Endpoint: ENDPOINT } },
    {
      namespace: 'AWS/ClientVPN',
      metricName: 'ActiveConnectionsCount',
      dimensions: { Endpoint: ENDPOINT },
    },
  ],
});
export const portalTargetGroup: TargetGroupFacts = {
  arn: tgArn('VpnPortal-Targets'),
  name: 'VpnPortal-Targets',
  loadBalancerArns: [lbArn('VpnPortal-Alb')],
  lambdaTargets: [portalFunction.arn],
};

/** The account of issue 17's story: the hand-made setup, and this stack deployed beside it. */
export function seedBesidePortal(overrides: Partial<SeedScan> = {}): SeedScan {
  return {
    endpointId: ENDPOINT,
    alarms: [seedAlarm, portalAlarm],
    functions: [seedDisassociate, seedAssociate, portalFunction, portalEvents],
    roles: [seedRole],
    topics: [],
    targetGroups: [seedTargetGroup, portalTargetGroup],
    loadBalancers: [seedLoadBalancer()],
    ...overrides,
  };
}

/** Only this stack: what the account looks like once the hand-made setup is gone. */
export function portalOnly(): SeedScan {
  return {
    endpointId: ENDPOINT,
    alarms: [portalAlarm],
    functions: [portalFunction, portalEvents],
    roles: [],
    topics: [],
    targetGroups: [portalTargetGroup],
    loadBalancers: [],
  };
}
