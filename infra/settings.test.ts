import { describe, expect, it } from 'vitest';
import {
  cognitoHostedUiHost,
  type InfraSettingsInput,
  loadBalancerSettings,
  parseInfraSettings,
} from './settings.js';
import { EXAMPLE_LISTENER_ARN, exampleSettings, onSharedListener } from './test-support.js';

const withSetting = (overrides: Record<string, unknown>) => ({ ...exampleSettings, ...overrides });
const errorFor = (raw: unknown) => {
  try {
    parseInfraSettings(raw);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the settings to be rejected');
};

describe('infra settings', () => {
  it('accepts the committed example and fills in the defaults', () => {
    const { alarmEmail: _email, extraRoutes: _routes, ...minimal } = exampleSettings;
    const settings = parseInfraSettings({
      ...minimal,
      prices: undefined,
      idleTimeoutMinutes: undefined,
    });
    expect(settings).toMatchObject({
      stackName: 'VpnPortal',
      endpoints: [{ idleTimeoutMinutes: 30, quietConnectionMinutes: 60, extraRoutes: [] }],
      adminGroup: 'vpn-admins',
      metricNamespace: 'VpnPortal',
      prices: { associationHourUsd: 0.1, connectionHourUsd: 0.05 },
      logRetentionDays: 90,
    });
    // Today's single-endpoint fields: a list of one, as the functions read today's variables.
    expect(settings.endpoints).toEqual([
      {
        key: 'vpn',
        endpointId: exampleSettings.endpointId,
        names: { ko: 'VPN', ja: 'VPN', en: 'VPN' },
        subnetIds: exampleSettings.targetSubnetIds,
        extraRoutes: [],
        idleTimeoutMinutes: 30,
        quietConnectionMinutes: 60,
        warmUps: exampleSettings.warmUp?.entries,
        groups: null,
      },
    ]);
    expect(settings.alarmEmail).toBeUndefined();
  });

  it('creates an internet-facing ALB open to everyone unless told otherwise', () => {
    const { internetFacing: _scheme, allowedCidrs: _cidrs, ...rest } = exampleSettings;
    expect(loadBalancerSettings(parseInfraSettings(rest))).toEqual({
      mode: 'create',
      internetFacing: true,
      subnetIds: exampleSettings.albSubnetIds,
      allowedCidrs: ['0.0.0.0/0'],
      certificateArn: exampleSettings.certificateArn,
      domainName: 'vpn.example.com',
    });
  });

  it('adds the portal to an existing listener instead, and signs with that ALB', () => {
    const settings = parseInfraSettings(
      withSetting(onSharedListener({ priority: 7, pathPatterns: ['/vpn/*'] })),
    );
    expect(loadBalancerSettings(settings)).toEqual({
      mode: 'shared',
      listenerArn: EXAMPLE_LISTENER_ARN,
      albArn:
        'arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:loadbalancer/app/corp-alb/50dc6c495c0c9188',
      host: 'vpn.example.com',
      priority: 7,
      pathPatterns: ['/vpn/*'],
    });
  });

  it('accepts the settings as a JSON string, as `cdk -c vpnPortal=…` passes them', () => {
    expect(parseInfraSettings(JSON.stringify(exampleSettings)).endpoints[0]?.endpointId).toBe(
      exampleSettings.endpointId,
    );
    expect(errorFor('{not json')).toBe('Setting vpnPortal is not valid JSON');
    expect(errorFor(undefined)).toBe('Setting vpnPortal is missing from the CDK context');
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['VPC id', { vpcId: 'vpc-1' }, 'vpnPortal.vpcId must look like vpc-0123456789abcdef0'],
    ['endpoint id', { endpointId: 'cvpn-1' }, 'vpnPortal.endpointId must look like cvpn-endpoint-'],
    [
      'target subnet',
      { targetSubnetIds: ['subnet-0a1b2c3d4e5f60001', 'sub-2'] },
      'vpnPortal.targetSubnetIds[1] must look like subnet-',
    ],
    ['no target subnet', { targetSubnetIds: [] }, 'vpnPortal.targetSubnetIds must list at least'],
    [
      'extra route outside the target subnets',
      { extraRoutes: [{ cidr: '0.0.0.0/0', subnetId: 'subnet-0a1b2c3d4e5f69999' }] },
      'vpnPortal.extraRoutes[0].subnetId must be one of targetSubnetIds',
    ],
    [
      'extra route CIDR',
      { extraRoutes: [{ cidr: 'everywhere', subnetId: 'subnet-0a1b2c3d4e5f60001' }] },
      'vpnPortal.extraRoutes[0].cidr must be an IPv4 CIDR',
    ],
    [
      'idle minutes',
      { idleTimeoutMinutes: 32 },
      'vpnPortal.idleTimeoutMinutes must be a multiple of 5',
    ],
    [
      'quiet minutes',
      { quietConnectionMinutes: 10 },
      'vpnPortal.quietConnectionMinutes must be 0 (off) or a whole number of minutes from 15 to 1440',
    ],
    [
      'one ALB subnet',
      { albSubnetIds: ['subnet-0a1b2c3d4e5f61001'] },
      'vpnPortal.albSubnetIds must list at least two',
    ],
    [
      'certificate',
      { certificateArn: 'my-cert' },
      'vpnPortal.certificateArn must be an ACM certificate ARN',
    ],
    [
      'certificate in another region',
      { certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc' },
      "vpnPortal.certificateArn must be in the stack's region ap-northeast-2",
    ],
    ['domain name', { domainName: 'not a host' }, 'vpnPortal.domainName must be a host name'],
    [
      'Cognito mode',
      { cognito: { mode: 'maybe' } },
      'vpnPortal.cognito.mode must be { "mode": "create"',
    ],
    [
      'imported client',
      { cognito: { mode: 'import', userPoolId: 'ap-northeast-2_Abc', domain: 'x' } },
      'vpnPortal.cognito.clientId is required',
    ],
    [
      'price',
      { prices: { associationHourUsd: -1 } },
      'vpnPortal.prices.associationHourUsd must be a price',
    ],
    ['scheme', { internetFacing: 'yes' }, 'vpnPortal.internetFacing is invalid'],
    ['alarm e-mail', { alarmEmail: 'ops' }, 'vpnPortal.alarmEmail must be an e-mail address'],
    [
      'log retention',
      { logRetentionDays: 10 },
      "vpnPortal.logRetentionDays must be one of CloudWatch's",
    ],
    ['unknown key', { vpcID: 'vpc-0a1b2c3d4e5f67890' }, 'vpnPortal is invalid: Unrecognized key'],
    [
      'no ALB subnets for the ALB the stack creates',
      { albSubnetIds: undefined },
      'vpnPortal.albSubnetIds is required (two subnets in different AZs for the ALB the stack creates), unless sharedListener is set',
    ],
  ])('names the wrong setting: %s', (_name, overrides, message) => {
    expect(errorFor(withSetting(overrides))).toContain(`Setting ${message}`);
  });

  const onListener = (
    shared: Parameters<typeof onSharedListener>[0],
    more: Record<string, unknown> = {},
  ) => withSetting({ ...onSharedListener(shared), ...more });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'no host',
      onListener({}, { domainName: undefined }),
      'vpnPortal.domainName is required with sharedListener: the listener rule matches this host',
    ],
    [
      'priority 0',
      onListener({ priority: 0 }),
      'vpnPortal.sharedListener.priority must be a whole number from 1 to 50000',
    ],
    [
      'priority 50001',
      onListener({ priority: 50_001 }),
      'vpnPortal.sharedListener.priority must be a whole number from 1 to 50000',
    ],
    [
      'a fractional priority',
      onListener({ priority: 1.5 }),
      'vpnPortal.sharedListener.priority must be a whole number',
    ],
    [
      'no priority',
      onListener({ priority: undefined }),
      'vpnPortal.sharedListener.priority is required',
    ],
    [
      'an NLB listener',
      onListener({ listenerArn: EXAMPLE_LISTENER_ARN.replace('/app/', '/net/') }),
      'vpnPortal.sharedListener.listenerArn must be the ARN of an Application Load Balancer listener',
    ],
    [
      'the load balancer instead of its listener',
      onListener({
        listenerArn:
          'arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:loadbalancer/app/corp-alb/50dc6c495c0c9188',
      }),
      'vpnPortal.sharedListener.listenerArn must be the ARN of an Application Load Balancer listener',
    ],
    [
      'a listener in another region',
      onListener({ listenerArn: EXAMPLE_LISTENER_ARN.replace('ap-northeast-2', 'us-east-1') }),
      "vpnPortal.sharedListener.listenerArn must be in the stack's region ap-northeast-2 (got us-east-1)",
    ],
    [
      'a listener in another account',
      onListener({}, { account: '210987654321' }),
      "vpnPortal.sharedListener.listenerArn must be in the stack's account 210987654321 (got 123456789012)",
    ],
    [
      'a path pattern without a slash',
      onListener({ pathPatterns: ['vpn/*'] }),
      'vpnPortal.sharedListener.pathPatterns[0] must be an ALB path pattern',
    ],
    [
      'four path patterns',
      onListener({ pathPatterns: ['/a', '/b', '/c', '/d'] }),
      'vpnPortal.sharedListener.pathPatterns must list at most 3 path patterns',
    ],
    [
      'a certificate as well',
      onListener({}, { certificateArn: exampleSettings.certificateArn }),
      'vpnPortal.certificateArn must be left out with sharedListener: add the certificate for domainName to the existing listener instead',
    ],
    [
      'allowed CIDRs as well',
      onListener({}, { allowedCidrs: ['10.0.0.0/8'] }),
      "vpnPortal.allowedCidrs must be left out with sharedListener: the existing ALB's security group decides who may connect",
    ],
    [
      'ALB subnets as well',
      onListener({}, { albSubnetIds: exampleSettings.albSubnetIds }),
      'vpnPortal.albSubnetIds must be left out with sharedListener',
    ],
    [
      'a scheme as well',
      onListener({}, { internetFacing: false }),
      'vpnPortal.internetFacing must be left out with sharedListener',
    ],
  ])('names the wrong shared-listener setting: %s', (_name, raw, message) => {
    expect(errorFor(raw)).toContain(`Setting ${message}`);
  });

  it('names a missing required setting', () => {
    const { certificateArn: _cert, ...rest } = exampleSettings as InfraSettingsInput;
    expect(errorFor(rest)).toBe(
      "Setting vpnPortal.certificateArn is required (the new listener's certificate for the ALB the stack creates), unless sharedListener is set",
    );
  });

  it('derives the hosted-UI host from a prefix or takes a custom domain as is', () => {
    expect(
      cognitoHostedUiHost({ mode: 'create', domainPrefix: 'acme-vpn' }, 'ap-northeast-2'),
    ).toBe('acme-vpn.auth.ap-northeast-2.amazoncognito.com');
    expect(
      cognitoHostedUiHost(
        { mode: 'import', userPoolId: 'x_y', clientId: 'abc', domain: 'auth.example.com' },
        'ap-northeast-2',
      ),
    ).toBe('auth.example.com');
  });
});
