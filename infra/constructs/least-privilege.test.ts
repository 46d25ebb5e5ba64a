import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { onlyResource, type SynthResult, synthPortal } from '../test-support.js';

interface Statement {
  Sid?: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

let example: SynthResult;
let template: Template;
// The first synth (cdk-nag included) loads aws-cdk-lib: slower than vitest's 10 s hook default.
beforeAll(() => {
  example = synthPortal();
  template = example.template;
}, 60_000);

/** The statements of the role of the function with this handler. */
function statementsOf(handler: string): Statement[] {
  const [, fn] = onlyResource(template, 'AWS::Lambda::Function', { Handler: handler });
  const roleId = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  const [, policy] = onlyResource(template, 'AWS::IAM::Policy', { Roles: [{ Ref: roleId }] });
  return (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement;
}

const actions = (statement: Statement) =>
  Array.isArray(statement.Action) ? statement.Action : [statement.Action];
const allActions = (handler: string) => statementsOf(handler).flatMap(actions).sort();
const bySid = (handler: string, sid: string) => {
  const statement = statementsOf(handler).find((candidate) => candidate.Sid === sid);
  if (!statement) throw new Error(`${handler} has no statement ${sid}`);
  return statement;
};

/** An ARN as CloudFormation builds it in this stack's region and the deploying account. */
const arn = (service: string, resource: string) => ({
  'Fn::Join': [
    '',
    [`arn:aws:${service}:${example.settings.region}:`, { Ref: 'AWS::AccountId' }, `:${resource}`],
  ],
});

describe('least privilege', () => {
  it('uses no managed policies and no wildcard actions', () => {
    for (const [, role] of Object.entries(template.findResources('AWS::IAM::Role'))) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
    for (const handler of ['portal.handler', 'auto-disconnect.handler']) {
      for (const action of allActions(handler)) expect(action).not.toContain('*');
    }
  });

  it('names "*" only for actions IAM cannot scope, and PutMetricData only in the namespace', () => {
    for (const handler of ['portal.handler', 'auto-disconnect.handler']) {
      const unscoped = statementsOf(handler).filter((statement) => statement.Resource === '*');
      const allowed = ['DescribeClientVpnCannotBeScoped', 'GetMetricDataCannotBeScoped'];
      if (handler === 'portal.handler') allowed.push('PutMetricDataOwnNamespaceOnly');
      expect(unscoped.map((statement) => statement.Sid).sort()).toEqual(allowed.sort());
    }
    expect(bySid('portal.handler', 'DescribeClientVpnCannotBeScoped').Action).toEqual([
      'ec2:DescribeClientVpnConnections',
      'ec2:DescribeClientVpnRoutes',
      'ec2:DescribeClientVpnTargetNetworks',
    ]);
    expect(bySid('portal.handler', 'PutMetricDataOwnNamespaceOnly').Condition).toEqual({
      StringEquals: { 'cloudwatch:namespace': 'VpnPortal' },
    });
  });

  it('changes only the configured endpoint and subnets', () => {
    const expected = [
      arn('ec2', `client-vpn-endpoint/${example.settings.endpointId}`),
      ...example.settings.targetSubnetIds.map((subnetId) => arn('ec2', `subnet/${subnetId}`)),
    ];
    for (const handler of ['portal.handler', 'auto-disconnect.handler']) {
      expect(bySid(handler, 'ChangeThisEndpointOnly').Resource).toEqual(expected);
    }
  });

  it('lets both functions associate, restore routes and disassociate, nothing more', () => {
    // Auto-disconnect's re-check also carries out a connect queued while the VPN was stopping.
    for (const handler of ['portal.handler', 'auto-disconnect.handler']) {
      expect(actions(bySid(handler, 'ChangeThisEndpointOnly')).sort()).toEqual([
        'ec2:AssociateClientVpnTargetNetwork',
        'ec2:CreateClientVpnRoute',
        'ec2:DisassociateClientVpnTargetNetwork',
      ]);
    }
  });

  it('keeps metric publishing with the portal and alarm resets with auto-disconnect', () => {
    expect(allActions('portal.handler')).not.toContain('cloudwatch:SetAlarmState');
    expect(allActions('auto-disconnect.handler')).not.toContain('cloudwatch:PutMetricData');
  });

  it('lets auto-disconnect reset the idle alarm and nothing else', () => {
    const statement = bySid('auto-disconnect.handler', 'ResetTheIdleAlarmOnly');
    expect(statement.Action).toBe('cloudwatch:SetAlarmState');
    expect(statement.Resource).toEqual(arn('cloudwatch', 'alarm:VpnPortal-idle'));
  });

  it('reaches the sessions table and its own log group only', () => {
    const tableId = onlyResource(template, 'AWS::DynamoDB::Table')[0];
    for (const handler of ['portal.handler', 'auto-disconnect.handler']) {
      const dynamo = statementsOf(handler).filter((statement) =>
        actions(statement).some((action) => action.startsWith('dynamodb:')),
      );
      expect(dynamo.map((statement) => statement.Resource)).toEqual([
        { 'Fn::GetAtt': [tableId, 'Arn'] },
      ]);
      const logs = statementsOf(handler).find((statement) =>
        actions(statement).includes('logs:PutLogEvents'),
      );
      expect(logs?.Resource).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/Logs/), 'Arn'] });
    }
  });
});
