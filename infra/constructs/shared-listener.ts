import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { ALB_SIGN_IN_CALLBACK_PATH } from '../shared-listener-settings.js';
import type { CognitoAuth } from './cognito-auth.js';
import { type PortalEntrance, portalTargetGroup, signInThenForward } from './portal-target.js';

export interface SharedListenerProps {
  listenerArn: string;
  /** The load balancer of that listener (derived from its ARN in the settings). */
  albArn: string;
  host: string;
  priority: number;
  /** Empty: every path of the host. */
  pathPatterns: string[];
}

/**
 * The portal on an HTTPS listener the company already runs (issue 17): one listener rule,
 * matching the portal's host (and paths), that signs in with Cognito and forwards to the
 * portal's target group. No load balancer, listener, security group or access-log bucket of
 * its own: the ALB's owner keeps those, and this stack changes none of them.
 */
export class SharedListener extends Construct implements PortalEntrance {
  readonly albArn: string;
  readonly host: string;
  private readonly props: SharedListenerProps;
  private readonly listener: elbv2.IApplicationListener;

  constructor(scope: Construct, id: string, props: SharedListenerProps) {
    super(scope, id);
    this.props = props;
    this.albArn = props.albArn;
    this.host = props.host;
    // CDK's import wants the ALB's security group, only to open ports to targets that have
    // one and HTTPS out to Cognito. The portal Lambda runs outside any VPC (the ALB invokes
    // it through Lambda's API, past every security group), and the shared ALB's group
    // belongs to its owner: it must already let employees in on 443 and the ALB out to
    // Cognito. So the group is imported immutable, never rendered, and needs no setting.
    const unusedSecurityGroup = ec2.SecurityGroup.fromSecurityGroupId(
      this,
      'AlbSecurityGroup',
      'sg-00000000000000000',
      { mutable: false, allowAllOutbound: true },
    );
    this.listener = elbv2.ApplicationListener.fromApplicationListenerAttributes(this, 'Listener', {
      listenerArn: props.listenerArn,
      securityGroup: unusedSecurityGroup,
      defaultPort: 443,
    });
  }

  forwardAuthenticated(fn: lambda.IFunction, auth: CognitoAuth): elbv2.ApplicationTargetGroup {
    const targetGroup = portalTargetGroup(this, fn);
    new elbv2.ApplicationListenerRule(this, 'Rule', {
      listener: this.listener,
      priority: this.props.priority,
      conditions: ruleConditions(this.props),
      action: signInThenForward(auth, targetGroup, { allowHttpsOutbound: false }),
    });
    return targetGroup;
  }
}

function ruleConditions(props: SharedListenerProps): elbv2.ListenerCondition[] {
  const host = elbv2.ListenerCondition.hostHeaders([props.host]);
  if (props.pathPatterns.length === 0) return [host];
  // Cognito sends the browser back to the callback path, and the ALB completes the sign-in
  // only for a request that matches this rule: without it, sign-in would loop.
  const paths = [...props.pathPatterns, ALB_SIGN_IN_CALLBACK_PATH];
  return [host, elbv2.ListenerCondition.pathPatterns([...new Set(paths)])];
}
