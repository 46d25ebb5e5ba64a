import { describe, expect, it } from 'vitest';
import { inlinePolicyAllows } from './iam-policy.js';
import { findSeed, somethingToRetire } from './seed-rules.js';
import {
  ACCOUNT,
  alarm,
  ENDPOINT,
  fn,
  fnArn,
  OTHER_ENDPOINT,
  portalFunction,
  portalOnly,
  portalTargetGroup,
  REGION,
  seedAlarm,
  seedAssociate,
  seedBesidePortal,
  seedDisassociate,
  seedLoadBalancer,
  seedRole,
  seedTargetGroup,
} from './seed-scan-fixtures.js';

const topicArn = `arn:aws:sns:${REGION}:${ACCOUNT}:vpn-idle-topic`;

describe('findSeed: the hand-made setup beside this stack', () => {
  const findings = findSeed(seedBesidePortal());

  it('finds the alarm by its action and its metrics, and says why', () => {
    expect(findings.alarms.map((a) => a.alarm.name)).toEqual(['vpn-idle']);
    expect(findings.alarms[0]?.reasons).toEqual([
      'its action invokes Lambda function vpn-disassociate',
      `it watches AWS/ClientVPN metrics of ${ENDPOINT}`,
      `function vpn-disassociate's environment variable CLIENT_VPN_ENDPOINT_ID names ${ENDPOINT}`,
    ]);
  });

  it('finds the function the alarm invokes, with the role that lets it disassociate', () => {
    expect(findings.disassociateFunctions.map((f) => [f.fn.name, f.reasons])).toEqual([
      [
        'vpn-disassociate',
        [
          'alarm vpn-idle invokes it',
          `function vpn-disassociate's environment variable CLIENT_VPN_ENDPOINT_ID names ${ENDPOINT}`,
          'its role vpn-lambda-role has the managed policy AmazonEC2FullAccess attached',
        ],
      ],
    ]);
  });

  it('finds the associate function behind the ALB: its target group and the counted invocations', () => {
    expect(findings.associateFunctions.map((f) => [f.fn.name, f.reasons])).toEqual([
      [
        'vpn-associate',
        [
          'it is the Lambda target of target group vpn-associate',
          `its environment variable CLIENT_VPN_ENDPOINT_ID names ${ENDPOINT}`,
          'the hand-made alarm vpn-idle counts its invocations',
          'its role vpn-lambda-role has the managed policy AmazonEC2FullAccess attached',
        ],
      ],
    ]);
    expect(findings.targetGroups.map((t) => t.targetGroup.name)).toEqual(['vpn-associate']);
    expect(findings.listenerRules.map((r) => [r.rule.priority, r.listener.port])).toEqual([
      ['10', 443],
    ]);
  });

  it('finds the AmazonEC2FullAccess role, used by both functions, to go with the ALB function', () => {
    expect(findings.roles).toEqual([
      expect.objectContaining({
        hasEc2FullAccess: true,
        seedUsers: ['vpn-disassociate', 'vpn-associate'],
        otherUsers: [],
        usedByAssociate: true,
      }),
    ]);
  });

  it('deletes a load balancer only the hand-made function uses (redirects aside)', () => {
    expect(findings.loadBalancers.map((lb) => [lb.loadBalancer.name, lb.onlySeed])).toEqual([
      ['vpn-alb', true],
    ]);
  });

  it('recognises this stack by its settings, and never counts it as hand-made', () => {
    expect(findings.portal).toEqual({
      functionNames: ['VpnPortal-PortalHandler-AbC', 'VpnPortal-AutoDisconnectHandler-DeF'],
      idleAlarmName: 'VpnPortal-idle',
      idleAlarmFound: true,
      idleTimeoutMinutes: 30,
    });
    const seedNames = [...findings.disassociateFunctions, ...findings.associateFunctions].map(
      (f) => f.fn.name,
    );
    expect(seedNames).not.toContain(portalFunction.name);
    expect(findings.targetGroups.map((t) => t.targetGroup.arn)).not.toContain(
      portalTargetGroup.arn,
    );
    expect(somethingToRetire(findings)).toBe(true);
  });
});

describe('findSeed: what it leaves alone', () => {
  it('finds nothing to retire once only this stack is left', () => {
    const findings = findSeed(portalOnly());
    expect(somethingToRetire(findings)).toBe(false);
    expect(findings.leftAlone).toEqual([]);
  });

  it('ignores an alarm that turns off another endpoint', () => {
    const otherOff = fn('other-off', 'other-role', { ENDPOINT: OTHER_ENDPOINT });
    const otherAlarm = alarm('other-idle', {
      alarmActions: [otherOff.arn],
      metrics: [
        {
          namespace: 'AWS/ClientVPN',
          metricName: 'ActiveConnectionsCount',
          dimensions: { Endpoint: OTHER_ENDPOINT },
        },
      ],
    });
    const findings = findSeed({ ...portalOnly(), alarms: [otherAlarm], functions: [otherOff] });
    expect(findings.alarms).toEqual([]);
    expect(somethingToRetire(findings)).toBe(false);
  });

  it('leaves an alarm on this endpoint that only notifies, and says so', () => {
    const notifying = alarm('vpn-connections-email', {
      alarmActions: [topicArn],
      metrics: [
        {
          namespace: 'AWS/ClientVPN',
          metricName: 'ActiveConnectionsCount',
          dimensions: { Endpoint: ENDPOINT },
        },
      ],
    });
    const findings = findSeed({
      ...portalOnly(),
      alarms: [notifying],
      topics: [
        {
          arn: topicArn,
          subscriptions: [{ arn: `${topicArn}:1`, protocol: 'email', endpoint: 'it@example.com' }],
        },
      ],
    });
    expect(findings.alarms).toEqual([]);
    expect(findings.leftAlone).toEqual([
      {
        what: 'alarm vpn-connections-email',
        why: 'it watches this endpoint but invokes no function (it only notifies): it cannot turn the VPN off',
      },
    ]);
  });

  it('mentions a function that names the endpoint but that nothing invokes', () => {
    const stray = fn('vpn-report', 'report-role', { ENDPOINT_ID: ENDPOINT });
    const findings = findSeed({ ...portalOnly(), functions: [...portalOnly().functions, stray] });
    expect(somethingToRetire(findings)).toBe(false);
    expect(findings.leftAlone.map((l) => l.what)).toEqual(['Lambda function vpn-report']);
  });

  it('keeps a load balancer that also serves other target groups, and a role others use', () => {
    const other = fn('payroll', 'vpn-lambda-role', {});
    const findings = findSeed(
      seedBesidePortal({
        functions: [...seedBesidePortal().functions, other],
        loadBalancers: [seedLoadBalancer([portalTargetGroup.arn])],
      }),
    );
    expect(findings.loadBalancers[0]).toMatchObject({
      onlySeed: false,
      otherTargetGroups: ['VpnPortal-Targets'],
    });
    expect(findings.roles[0]?.otherUsers).toEqual(['payroll']);
  });
});

describe('findSeed: the hand-made setup in other shapes', () => {
  it('follows an alarm through SNS to the Lambda function subscribed to the topic', () => {
    const viaTopic = { ...seedAlarm, alarmActions: [topicArn] };
    const findings = findSeed(
      seedBesidePortal({
        alarms: [viaTopic],
        topics: [
          {
            arn: topicArn,
            subscriptions: [
              { arn: `${topicArn}:a`, protocol: 'lambda', endpoint: seedDisassociate.arn },
              { arn: `${topicArn}:b`, protocol: 'email', endpoint: 'it@example.com' },
            ],
          },
        ],
      }),
    );
    expect(findings.alarms[0]?.reasons[0]).toBe(
      `its action publishes to SNS topic ${topicArn}, which invokes Lambda function vpn-disassociate`,
    );
    expect(findings.topics[0]?.otherSubscriptions.map((s) => s.protocol)).toEqual(['email']);
  });

  it('reads a version or alias in the action as the function itself', () => {
    const aliased = { ...seedAlarm, alarmActions: [`${seedDisassociate.arn}:live`] };
    const findings = findSeed(seedBesidePortal({ alarms: [aliased] }));
    expect(findings.disassociateFunctions.map((f) => f.fn.name)).toEqual(['vpn-disassociate']);
  });

  it('finds the endpoint in an inline policy when the environment does not name it', () => {
    const quiet = { ...seedDisassociate, environment: {} };
    const role = {
      ...seedRole,
      attachedPolicyArns: [],
      inlinePolicies: [
        {
          name: 'vpn-off',
          document: JSON.stringify({
            Version: '2012-10-17',
            Statement: {
              Effect: 'Allow',
              Action: 'ec2:DisassociateClientVpnTargetNetwork',
              Resource: `arn:aws:ec2:${REGION}:${ACCOUNT}:client-vpn-endpoint/${ENDPOINT}`,
            },
          }),
        },
      ],
    };
    const noMetrics = { ...seedAlarm, metrics: [] };
    const findings = findSeed(
      seedBesidePortal({ alarms: [noMetrics], functions: [quiet, seedAssociate], roles: [role] }),
    );
    expect(findings.disassociateFunctions[0]?.reasons).toEqual([
      'alarm vpn-idle invokes it',
      `function vpn-disassociate's role has an inline policy vpn-off naming ${ENDPOINT}`,
      "its role's inline policy vpn-off allows ec2:DisassociateClientVpnTargetNetwork",
    ]);
    expect(findings.roles[0]?.hasEc2FullAccess).toBe(false);
  });

  it('still retires an alarm whose function is gone', () => {
    const findings = findSeed(seedBesidePortal({ functions: [seedAssociate, portalFunction] }));
    expect(findings.disassociateFunctions[0]).toMatchObject({
      fn: { name: 'vpn-disassociate', missing: true },
      reasons: ['alarm vpn-idle invokes it', 'it no longer exists'],
    });
  });

  it('lists the listener whose default action forwards to the hand-made function', () => {
    const lb = seedLoadBalancer();
    const https = lb.listeners[0];
    if (!https) throw new Error('fixture has an HTTPS listener');
    https.rules = [
      {
        arn: 'default-rule',
        isDefault: true,
        priority: 'default',
        forwardsTo: [seedTargetGroup.arn],
        conditions: [],
      },
    ];
    const findings = findSeed(seedBesidePortal({ loadBalancers: [lb] }));
    expect(findings.listenerRules).toEqual([]);
    expect(findings.loadBalancers[0]?.defaultListeners.map((l) => l.port)).toEqual([443]);
  });

  it('does not mistake an alarm that invokes some other automation for the seed', () => {
    const resizer = fn('resize-images', 'images-role', { BUCKET: 'images' });
    const other = alarm('queue-depth', {
      alarmActions: [fnArn('resize-images')],
      metrics: [
        { namespace: 'AWS/SQS', metricName: 'ApproximateNumberOfMessagesVisible', dimensions: {} },
      ],
    });
    const findings = findSeed({ ...portalOnly(), alarms: [other], functions: [resizer] });
    expect(findings.alarms).toEqual([]);
  });
});

describe('inlinePolicyAllows', () => {
  const policy = (statement: object) =>
    JSON.stringify({ Version: '2012-10-17', Statement: statement });
  const action = 'ec2:DisassociateClientVpnTargetNetwork';

  it.each([
    ['ec2:*'],
    ['*'],
    ['ec2:Disassociate*'],
    ['EC2:disassociateclientvpntargetnetwork'],
    [['ec2:DescribeClientVpnEndpoints', 'ec2:DisassociateClientVpnTargetNetwork']],
  ])('allows %j', (actions) => {
    expect(
      inlinePolicyAllows(policy([{ Effect: 'Allow', Action: actions, Resource: '*' }]), action),
    ).toBe(true);
  });

  it('does not count a Deny, another action, or a document that is not a policy', () => {
    expect(inlinePolicyAllows(policy({ Effect: 'Deny', Action: 'ec2:*' }), action)).toBe(false);
    expect(inlinePolicyAllows(policy({ Effect: 'Allow', Action: 'ec2:Describe*' }), action)).toBe(
      false,
    );
    expect(inlinePolicyAllows('not json', action)).toBe(false);
  });
});
