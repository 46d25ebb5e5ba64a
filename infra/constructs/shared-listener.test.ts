import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  EXAMPLE_LISTENER_ARN,
  functionId,
  onlyResource,
  onSharedListener,
  type SynthResult,
  synthPortal,
} from '../test-support.js';

const EXISTING_ALB_ARN =
  'arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:loadbalancer/app/corp-alb/50dc6c495c0c9188';

let shared: SynthResult;
let template: Template;
// The first synth (cdk-nag included) loads aws-cdk-lib: slower than vitest's 10 s hook default.
beforeAll(() => {
  shared = synthPortal(onSharedListener({ priority: 120 }));
  template = shared.template;
}, 60_000);

describe('the portal on an existing HTTPS listener', () => {
  it('adds one rule for its host: Cognito sign-in, then the portal Lambda', () => {
    const [targetGroupId] = onlyResource(template, 'AWS::ElasticLoadBalancingV2::TargetGroup');
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      ListenerArn: EXAMPLE_LISTENER_ARN,
      Priority: 120,
      Conditions: [{ Field: 'host-header', HostHeaderConfig: { Values: ['vpn.example.com'] } }],
      Actions: [
        Match.objectLike({
          Order: 1,
          Type: 'authenticate-cognito',
          AuthenticateCognitoConfig: Match.objectLike({
            OnUnauthenticatedRequest: 'authenticate',
            Scope: 'openid email profile',
          }),
        }),
        {
          Order: 2,
          Type: 'forward',
          TargetGroupArn: { Ref: targetGroupId },
        },
      ],
    });
  });

  it('matches the paths it is given, and the sign-in callback with them', () => {
    const { template: withPaths } = synthPortal(
      onSharedListener({ priority: 9, pathPatterns: ['/vpn/*', '/api/*'] }),
    );
    withPaths.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      Priority: 9,
      Conditions: [
        { Field: 'host-header', HostHeaderConfig: { Values: ['vpn.example.com'] } },
        {
          Field: 'path-pattern',
          PathPatternConfig: { Values: ['/vpn/*', '/api/*', '/oauth2/idpresponse'] },
        },
      ],
    });
  });

  it('creates no load balancer, listener, security group or access-log bucket', () => {
    for (const type of [
      'AWS::ElasticLoadBalancingV2::LoadBalancer',
      'AWS::ElasticLoadBalancingV2::Listener',
      'AWS::EC2::SecurityGroup',
      'AWS::EC2::SecurityGroupIngress',
      'AWS::EC2::SecurityGroupEgress',
      'AWS::S3::Bucket',
    ]) {
      template.resourceCountIs(type, 0);
    }
    expect(Object.keys(template.findOutputs('LoadBalancerDnsName'))).toEqual([]);
  });

  it('synthesises without asking AWS for context (no listener lookup)', () => {
    expect(shared.app.synth().manifest.missing ?? []).toEqual([]);
  });

  it('keeps the Lambda target with multi-value headers, invocable by this account’s ALBs', () => {
    const [, targetGroup] = onlyResource(template, 'AWS::ElasticLoadBalancingV2::TargetGroup', {
      TargetType: 'lambda',
      TargetGroupAttributes: [{ Key: 'lambda.multi_value_headers.enabled', Value: 'true' }],
      Targets: [{ Id: { 'Fn::GetAtt': [functionId(template, 'portal.handler'), 'Arn'] } }],
    });
    const [permissionId] = onlyResource(template, 'AWS::Lambda::Permission', {
      Principal: 'elasticloadbalancing.amazonaws.com',
      SourceAccount: { Ref: 'AWS::AccountId' },
    });
    expect(targetGroup.DependsOn).toContain(permissionId);
  });

  it('has the portal check the existing ALB’s signature', () => {
    for (const handler of ['portal.handler', 'auto-disconnect.handler']) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Handler: handler,
        Environment: { Variables: Match.objectLike({ ALB_ARN: EXISTING_ALB_ARN }) },
      });
    }
  });

  it('sends Cognito back to the shared host', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: ['https://vpn.example.com/oauth2/idpresponse'],
      LogoutURLs: ['https://vpn.example.com/'],
    });
    expect(template.findOutputs('PortalUrl')).toEqual({
      PortalUrl: { Value: 'https://vpn.example.com/' },
    });
  });

  it('still alarms on the portal’s 5xx answers, on the existing ALB', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'VpnPortal-portal-5xx',
      Dimensions: Match.arrayWith([
        { Name: 'LoadBalancer', Value: 'app/corp-alb/50dc6c495c0c9188' },
      ]),
    });
  });
});
