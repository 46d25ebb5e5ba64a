import { Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';

/** The Describe calls the EC2 Client VPN adapter makes; listed one by one, no wildcard. */
export const CLIENT_VPN_DESCRIBE_ACTIONS = [
  'ec2:DescribeClientVpnTargetNetworks',
  'ec2:DescribeClientVpnConnections',
  'ec2:DescribeClientVpnRoutes',
];

export type ClientVpnChange = 'associate' | 'disassociate' | 'createRoute';

const CHANGE_ACTIONS: Record<ClientVpnChange, string> = {
  associate: 'ec2:AssociateClientVpnTargetNetwork',
  disassociate: 'ec2:DisassociateClientVpnTargetNetwork',
  createRoute: 'ec2:CreateClientVpnRoute',
};

export interface ClientVpnPolicyProps {
  endpointId: string;
  subnetIds: string[];
  changes: ClientVpnChange[];
}

/**
 * Least-privilege EC2 access for one Client VPN endpoint (SPEC section 4, rule 6).
 *
 * - `ec2:DescribeClientVpn*` calls do not support resource-level permissions (IAM's service
 *   authorization reference lists no resource type for them), so they must name `*`: they
 *   only read Client VPN configuration and state.
 * - The calls that change something are limited to the endpoint and the configured target
 *   subnets (IAM evaluates the ARN of each resource the call touches).
 */
export function clientVpnStatements(scope: Construct, props: ClientVpnPolicyProps) {
  const stack = Stack.of(scope);
  const endpointArn = stack.formatArn({
    service: 'ec2',
    resource: 'client-vpn-endpoint',
    resourceName: props.endpointId,
  });
  const subnetArns = props.subnetIds.map((subnetId) =>
    stack.formatArn({ service: 'ec2', resource: 'subnet', resourceName: subnetId }),
  );
  const statements = [
    new iam.PolicyStatement({
      sid: 'DescribeClientVpnCannotBeScoped',
      actions: CLIENT_VPN_DESCRIBE_ACTIONS,
      resources: ['*'],
    }),
  ];
  if (props.changes.length > 0) {
    statements.push(
      new iam.PolicyStatement({
        sid: 'ChangeThisEndpointOnly',
        actions: props.changes.map((change) => CHANGE_ACTIONS[change]),
        resources: [endpointArn, ...subnetArns],
      }),
    );
  }
  return statements;
}

/**
 * `ec2:TerminateClientVpnConnections` on this endpoint only (its resource type in IAM's
 * service authorization reference is `client-vpn-endpoint`): the sweep ends a connection
 * that moved no meaningful traffic for the quiet time (SPEC section 4, rule 11).
 */
export function terminateConnectionsStatement(
  scope: Construct,
  endpointId: string,
): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid: 'EndConnectionsOfThisEndpointOnly',
    actions: ['ec2:TerminateClientVpnConnections'],
    resources: [
      Stack.of(scope).formatArn({
        service: 'ec2',
        resource: 'client-vpn-endpoint',
        resourceName: endpointId,
      }),
    ],
  });
}

/**
 * The portal's setup page (issue 16) reads the endpoint's client configuration and its
 * authentication, nothing else. In IAM's service authorization reference for Amazon EC2
 * (docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html),
 * `ExportClientVpnClientConfiguration` takes the `client-vpn-endpoint` resource type, so it
 * is limited to this endpoint's ARN; `DescribeClientVpnEndpoints` lists no resource type
 * (as the Client VPN guide's read-only example policy shows, cvpn-authentication.html), so
 * it must name `*`. Both only read.
 */
export function clientSetupStatements(scope: Construct, endpointId: string) {
  const endpointArn = Stack.of(scope).formatArn({
    service: 'ec2',
    resource: 'client-vpn-endpoint',
    resourceName: endpointId,
  });
  return [
    new iam.PolicyStatement({
      sid: 'DescribeClientVpnEndpointsCannotBeScoped',
      actions: ['ec2:DescribeClientVpnEndpoints'],
      resources: ['*'],
    }),
    new iam.PolicyStatement({
      sid: 'ExportThisEndpointsConfigurationOnly',
      actions: ['ec2:ExportClientVpnClientConfiguration'],
      resources: [endpointArn],
    }),
  ];
}

/** `cloudwatch:PutMetricData` only into the project's namespace. */
export function putMetricStatement(namespace: string): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid: 'PutMetricDataOwnNamespaceOnly',
    actions: ['cloudwatch:PutMetricData'],
    resources: ['*'],
    conditions: { StringEquals: { 'cloudwatch:namespace': namespace } },
  });
}

/** `cloudwatch:GetMetricData` has no resource-level permissions: it must name `*`. */
export function getMetricDataStatement(): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid: 'GetMetricDataCannotBeScoped',
    actions: ['cloudwatch:GetMetricData'],
    resources: ['*'],
  });
}

/**
 * cdk-nag flags `Resource::*`; each statement that names it does so because IAM offers no
 * narrower resource for the action (or, for PutMetricData, narrows it with a condition).
 */
export function acknowledgeUnscopableActions(role: iam.IRole): void {
  Validations.of(role).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason:
      'Only actions without resource-level permissions name "*": ec2:DescribeClientVpn* ' +
      'and, for the portal, ec2:DescribeClientVpnEndpoints and ec2:DescribeSubnets (read-only), cloudwatch:GetMetricData (read-only) and cloudwatch:PutMetricData, ' +
      'which is limited to the project namespace by the cloudwatch:namespace condition. ' +
      'Every action that changes something is scoped to the endpoint, subnets, alarm or table.',
  });
}
