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

/** A configured endpoint: its id and its target subnets. */
export interface ClientVpnTarget {
  endpointId: string;
  subnetIds: string[];
}

export interface ClientVpnPolicyProps {
  /** Every endpoint the stack manages (issue 18), with its subnets. */
  endpoints: readonly ClientVpnTarget[];
  changes: ClientVpnChange[];
}

/**
 * Least-privilege EC2 access for the configured Client VPN endpoints (SPEC section 4, rule 6).
 *
 * - `ec2:DescribeClientVpn*` calls do not support resource-level permissions (IAM's service
 *   authorization reference lists no resource type for them), so they must name `*`: they
 *   only read Client VPN configuration and state.
 * - The calls that change something are limited to the endpoints and their target subnets,
 *   listed ARN by ARN. In the service authorization reference for Amazon EC2
 *   (docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html),
 *   `AssociateClientVpnTargetNetwork`, `DisassociateClientVpnTargetNetwork` and
 *   `CreateClientVpnRoute` take the `client-vpn-endpoint` and `subnet` resource types, and
 *   IAM checks the ARN of each resource the call touches against the statement.
 * - IAM checks each ARN on its own, not which subnet goes with which endpoint, so one
 *   statement per endpoint would allow no less than one statement for all; which subnets
 *   belong to which endpoint is the settings' rule (a subnet under two endpoints stops synth).
 * - The statement keeps its single-endpoint Sid, so a single-endpoint stack's policy does not
 *   change on upgrade.
 */
export function clientVpnStatements(scope: Construct, props: ClientVpnPolicyProps) {
  const stack = Stack.of(scope);
  const endpointArns = props.endpoints.map(({ endpointId }) => endpointArn(scope, endpointId));
  const subnetArns = props.endpoints.flatMap(({ subnetIds }) =>
    subnetIds.map((subnetId) =>
      stack.formatArn({ service: 'ec2', resource: 'subnet', resourceName: subnetId }),
    ),
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
        resources: [...endpointArns, ...subnetArns],
      }),
    );
  }
  return statements;
}

/** `arn:<partition>:ec2:<region>:<account>:client-vpn-endpoint/<id>` */
export function endpointArn(scope: Construct, endpointId: string): string {
  return Stack.of(scope).formatArn({
    service: 'ec2',
    resource: 'client-vpn-endpoint',
    resourceName: endpointId,
  });
}

/**
 * `ec2:TerminateClientVpnConnections` on the configured endpoints only (its resource type in
 * IAM's service authorization reference is `client-vpn-endpoint`): the sweep ends a
 * connection that moved no meaningful traffic for the quiet time (SPEC section 4, rule 11).
 */
export function terminateConnectionsStatement(
  scope: Construct,
  endpointIds: readonly string[],
): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid: 'EndConnectionsOfThisEndpointOnly',
    actions: ['ec2:TerminateClientVpnConnections'],
    resources: endpointIds.map((endpointId) => endpointArn(scope, endpointId)),
  });
}

/**
 * The portal's setup page (issue 16) reads an endpoint's client configuration and its
 * authentication, nothing else. In IAM's service authorization reference for Amazon EC2
 * (docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html),
 * `ExportClientVpnClientConfiguration` takes the `client-vpn-endpoint` resource type, so it
 * is limited to the configured endpoints' ARNs; `DescribeClientVpnEndpoints` lists no
 * resource type (as the Client VPN guide's read-only example policy shows,
 * cvpn-authentication.html), so it must name `*`. Both only read.
 */
export function clientSetupStatements(scope: Construct, endpointIds: readonly string[]) {
  return [
    new iam.PolicyStatement({
      sid: 'DescribeClientVpnEndpointsCannotBeScoped',
      actions: ['ec2:DescribeClientVpnEndpoints'],
      resources: ['*'],
    }),
    new iam.PolicyStatement({
      sid: 'ExportThisEndpointsConfigurationOnly',
      actions: ['ec2:ExportClientVpnClientConfiguration'],
      resources: endpointIds.map((endpointId) => endpointArn(scope, endpointId)),
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
      'Every action that changes something is scoped to the endpoints, subnets, alarms or table.',
  });
}
