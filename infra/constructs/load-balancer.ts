import { Duration, Fn, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { CognitoAuth } from './cognito-auth.js';
import { type PortalEntrance, portalTargetGroup, signInThenForward } from './portal-target.js';

export interface PortalLoadBalancerProps {
  vpcId: string;
  /** The portal's host name; without one, the ALB's DNS name (which the certificate misses). */
  domainName: string | undefined;
  subnetIds: string[];
  internetFacing: boolean;
  allowedCidrs: string[];
  certificateArn: string;
  logRetentionDays: number;
}

/**
 * The ALB in front of the portal: HTTPS only (port 80 redirects), a modern TLS policy,
 * Cognito sign-in before any request reaches the Lambda, access logs to S3, deletion
 * protection on.
 */
export class PortalLoadBalancer extends Construct implements PortalEntrance {
  readonly alb: elbv2.ApplicationLoadBalancer;
  readonly albArn: string;
  readonly host: string;
  readonly securityGroup: ec2.SecurityGroup;
  readonly accessLogs: s3.Bucket;
  private readonly props: PortalLoadBalancerProps;

  constructor(scope: Construct, id: string, props: PortalLoadBalancerProps) {
    super(scope, id);
    this.props = props;
    // An imported VPC and explicit subnets: no lookups, so synth needs no AWS account. The
    // AZ list is a deploy-time token; nothing selects subnets by AZ.
    const vpc = ec2.Vpc.fromVpcAttributes(this, 'Vpc', {
      vpcId: props.vpcId,
      availabilityZones: Fn.getAzs(),
    });
    Validations.of(vpc).acknowledge({
      id: 'Annotation::@aws-cdk/aws-ec2:vpcAttributeIsListTokenavailabilityZones',
      reason: 'The ALB gets explicit subnets; nothing selects subnets by AZ at synth.',
    });
    const subnets = props.subnetIds.map((subnetId) => {
      const subnet = ec2.Subnet.fromSubnetId(this, `Subnet-${subnetId}`, subnetId);
      Validations.of(subnet).acknowledge({
        id: 'Annotation::@aws-cdk/aws-ec2:noSubnetRouteTableId',
        reason: 'The stack only places the ALB in these subnets; it never reads their routes.',
      });
      return subnet;
    });

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc,
      description: 'VPN portal ALB: HTTPS (and HTTP to redirect) in; HTTPS out to Cognito',
      allowAllOutbound: false,
    });
    for (const cidr of props.allowedCidrs) {
      this.securityGroup.addIngressRule(ec2.Peer.ipv4(cidr), ec2.Port.tcp(443), 'HTTPS');
      this.securityGroup.addIngressRule(ec2.Peer.ipv4(cidr), ec2.Port.tcp(80), 'redirect to HTTPS');
    }
    if (props.allowedCidrs.includes('0.0.0.0/0')) {
      Validations.of(this.securityGroup).acknowledge({
        id: 'AwsSolutions-EC23',
        reason:
          'Employees open the portal from iPads on any network; only 443 and 80 (a redirect ' +
          'to 443) are open and the ALB signs every request in with Cognito before it is ' +
          'forwarded. Set allowedCidrs to narrow it.',
      });
    }

    this.alb = new elbv2.ApplicationLoadBalancer(this, 'Alb', {
      vpc,
      vpcSubnets: { subnets },
      internetFacing: props.internetFacing,
      securityGroup: this.securityGroup,
      dropInvalidHeaderFields: true,
      http2Enabled: true,
      // Its DNS name is what the portal's domain points at and what Cognito's callback URL
      // may name: deleting it by accident breaks sign-in for everyone. To delete the stack,
      // turn this off first (README, "What the stack sets up, and what it keeps").
      deletionProtection: true,
    });

    this.accessLogs = new s3.Bucket(this, 'AccessLogs', {
      // ALB access logs support SSE-S3 only.
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(props.logRetentionDays) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This bucket only receives the ALB access logs; logging access to it would need ' +
        'another bucket whose logs would need another, and so on.',
    });
    this.alb.logAccessLogs(this.accessLogs, 'alb');

    this.alb.addRedirect({ sourcePort: 80, targetPort: 443, open: false });
    this.albArn = this.alb.loadBalancerArn;
    this.host = props.domainName ?? this.alb.loadBalancerDnsName;
  }

  /**
   * The HTTPS listener: `authenticate-cognito`, then forward to the Lambda target group
   * with multi-value headers (several `Set-Cookie` headers on sign-out).
   */
  forwardAuthenticated(fn: lambda.IFunction, auth: CognitoAuth): elbv2.ApplicationTargetGroup {
    const targetGroup = portalTargetGroup(this, fn);
    this.alb.addListener('Https', {
      port: 443,
      protocol: elbv2.ApplicationProtocol.HTTPS,
      certificates: [elbv2.ListenerCertificate.fromArn(this.props.certificateArn)],
      sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
      open: false,
      // The ALB calls Cognito's token endpoint during sign-in: HTTPS out of its own group.
      defaultAction: signInThenForward(auth, targetGroup, { allowHttpsOutbound: true }),
    });
    return targetGroup;
  }
}
