import { Duration } from 'aws-cdk-lib';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { AuthenticateCognitoAction } from 'aws-cdk-lib/aws-elasticloadbalancingv2-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import type { CognitoAuth } from './cognito-auth.js';

/**
 * What an ALB does with a request for the portal, whichever ALB it is (a new one or a shared
 * listener): sign in with Cognito, then forward to the portal Lambda's target group.
 */
export interface PortalEntrance {
  /** The ARN of the load balancer that signs employees in (ALB_ARN, the JWT `signer`). */
  readonly albArn: string;
  /** The host employees open. */
  readonly host: string;
  /** Routes the ALB's requests to `fn` after Cognito sign-in; returns the target group. */
  forwardAuthenticated(fn: lambda.IFunction, auth: CognitoAuth): elbv2.ApplicationTargetGroup;
}

/**
 * The portal Lambda's target group, with multi-value headers: sign-out sets several
 * `Set-Cookie` headers, and without them only the first would reach the browser.
 */
export function portalTargetGroup(
  scope: Construct,
  fn: lambda.IFunction,
): elbv2.ApplicationTargetGroup {
  return new elbv2.ApplicationTargetGroup(scope, 'PortalTargets', {
    targetType: elbv2.TargetType.LAMBDA,
    targets: [new AccountScopedLambdaTarget(fn)],
    multiValueHeadersEnabled: true,
  });
}

/**
 * `authenticate-cognito`, then forward. `allowHttpsOutbound` lets CDK open HTTPS out of the
 * ALB's security group to Cognito: right for the security group the stack creates, wrong for
 * a shared ALB's, which belongs to someone else and must already allow it.
 */
export function signInThenForward(
  auth: CognitoAuth,
  targetGroup: elbv2.IApplicationTargetGroup,
  options: { allowHttpsOutbound: boolean },
): elbv2.ListenerAction {
  return new AuthenticateCognitoAction({
    userPool: auth.userPool,
    userPoolClient: auth.client,
    userPoolDomain: auth.domain,
    scope: 'openid email profile',
    sessionTimeout: Duration.hours(12),
    onUnauthenticatedRequest: elbv2.UnauthenticatedAction.AUTHENTICATE,
    allowHttpsOutbound: options.allowHttpsOutbound,
    next: elbv2.ListenerAction.forward([targetGroup]),
  });
}

/**
 * A Lambda target whose invoke permission is limited to load balancers of this account
 * (`SourceAccount`). `LambdaTarget` grants any `elasticloadbalancing.amazonaws.com` caller;
 * `SourceArn` cannot name the target group, which must wait for this very permission.
 */
class AccountScopedLambdaTarget implements elbv2.IApplicationLoadBalancerTarget {
  constructor(private readonly fn: lambda.IFunction) {}

  attachToApplicationTargetGroup(
    targetGroup: elbv2.IApplicationTargetGroup,
  ): elbv2.LoadBalancerTargetProps {
    this.fn.addPermission('InvokeByAlb', {
      principal: new iam.ServicePrincipal('elasticloadbalancing.amazonaws.com'),
      sourceAccount: this.fn.env.account,
    });
    const permission = this.fn.permissionsNode.findChild('InvokeByAlb');
    targetGroup.node.addDependency(permission);
    return { targetType: elbv2.TargetType.LAMBDA, targetJson: { id: this.fn.functionArn } };
  }
}
