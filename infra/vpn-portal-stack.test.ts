import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { SESSIONS_TABLE_SCHEMA } from '../app/adapters/aws/sessions-table-schema.js';
import { functionId, onlyResource, type SynthResult, synthPortal } from './test-support.js';

let example: SynthResult;
let template: Template;
// The first synth (cdk-nag included) loads aws-cdk-lib: slower than vitest's 10 s hook default.
beforeAll(() => {
  example = synthPortal();
  template = example.template;
}, 60_000);

describe('load balancer', () => {
  it('is internet-facing by default and internal when the setting says so', () => {
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Scheme: 'internet-facing',
      Subnets: example.settings.albSubnetIds,
    });
    synthPortal({ internetFacing: false }).template.hasResourceProperties(
      'AWS::ElasticLoadBalancingV2::LoadBalancer',
      { Scheme: 'internal' },
    );
  });

  it('is protected from deletion', () => {
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      LoadBalancerAttributes: Match.arrayWith([
        { Key: 'deletion_protection.enabled', Value: 'true' },
      ]),
    });
  });

  it('signs in with Cognito on HTTPS, then forwards to the portal Lambda', () => {
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 443,
      Protocol: 'HTTPS',
      SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
      Certificates: [{ CertificateArn: example.settings.certificateArn }],
      DefaultActions: [
        Match.objectLike({
          Order: 1,
          Type: 'authenticate-cognito',
          AuthenticateCognitoConfig: Match.objectLike({ OnUnauthenticatedRequest: 'authenticate' }),
        }),
        Match.objectLike({ Order: 2, Type: 'forward', TargetGroupArn: Match.anyValue() }),
      ],
    });
  });

  it('redirects port 80 to 443', () => {
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80,
      DefaultActions: [
        {
          Type: 'redirect',
          RedirectConfig: { Port: '443', Protocol: 'HTTPS', StatusCode: 'HTTP_301' },
        },
      ],
    });
  });

  it('uses a Lambda target group with multi-value headers, invocable by this account only', () => {
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

  it('opens 443 and 80 only, and talks out only on 443 (to Cognito)', () => {
    const [, group] = onlyResource(template, 'AWS::EC2::SecurityGroup');
    const ingress = group.Properties.SecurityGroupIngress as { FromPort: number; ToPort: number }[];
    expect(ingress.map((rule) => [rule.FromPort, rule.ToPort]).sort()).toEqual([
      [443, 443],
      [80, 80],
    ]);
    expect(group.Properties.SecurityGroupEgress).toEqual([
      expect.objectContaining({ FromPort: 443, ToPort: 443, IpProtocol: 'tcp' }),
    ]);
    expect(template.findResources('AWS::EC2::SecurityGroupIngress')).toEqual({});
  });

  it('writes access logs to an encrypted bucket that refuses plain HTTP', () => {
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      LoadBalancerAttributes: Match.arrayWith([{ Key: 'access_logs.s3.enabled', Value: 'true' }]),
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });
});

describe('cognito', () => {
  it('creates a pool with the admin group, a hosted-UI domain and an ALB client', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'vpn-admins' });
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: 'example-vpn-portal',
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      CallbackURLs: ['https://vpn.example.com/oauth2/idpresponse'],
      LogoutURLs: ['https://vpn.example.com/'],
    });
  });

  it("uses the ALB's DNS name for the callback when no domain name is set", () => {
    const { template: noDomain } = synthPortal({ domainName: undefined });
    const albId = onlyResource(noDomain, 'AWS::ElasticLoadBalancingV2::LoadBalancer')[0];
    noDomain.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: [
        {
          'Fn::Join': [
            '',
            ['https://', { 'Fn::GetAtt': [albId, 'DNSName'] }, '/oauth2/idpresponse'],
          ],
        },
      ],
    });
  });

  it('imports an existing pool and client instead of creating them', () => {
    const cognito = {
      mode: 'import' as const,
      userPoolId: 'ap-northeast-2_AbCdEf123',
      clientId: 'abcdefghij1234567890abcdef',
      domain: 'auth.example.com',
    };
    const { template: imported } = synthPortal({ cognito });
    imported.resourceCountIs('AWS::Cognito::UserPool', 0);
    imported.resourceCountIs('AWS::Cognito::UserPoolClient', 0);
    imported.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      DefaultActions: Match.arrayWith([
        Match.objectLike({
          AuthenticateCognitoConfig: Match.objectLike({
            UserPoolClientId: cognito.clientId,
            UserPoolDomain: cognito.domain,
          }),
        }),
      ]),
    });
    imported.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          COGNITO_USER_POOL_ID: cognito.userPoolId,
          COGNITO_CLIENT_ID: cognito.clientId,
          COGNITO_DOMAIN: 'auth.example.com',
        }),
      },
    });
  });
});

describe('sessions table', () => {
  it('is on demand with PITR and TTL, keyed per the schema, and retained', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        TimeToLiveSpecification: {
          AttributeName: SESSIONS_TABLE_SCHEMA.timeToLiveAttribute,
          Enabled: true,
        },
        KeySchema: [
          { AttributeName: SESSIONS_TABLE_SCHEMA.partitionKey, KeyType: 'HASH' },
          { AttributeName: SESSIONS_TABLE_SCHEMA.sortKey, KeyType: 'RANGE' },
        ],
      }),
    });
  });
});

describe('no lookups', () => {
  it('synthesises without asking AWS for context', () => {
    const assembly = example.app.synth();
    expect(assembly.manifest.missing ?? []).toEqual([]);
  });
});
