import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHANGES_EACH_FUNCTION_MAKES } from '../../app/core/model/health.js';
import {
  firstEndpointOf,
  functionId,
  onlyResource,
  type SynthResult,
  synthPortal,
} from '../test-support.js';
import { SESSION_STORE_ACTIONS } from './sessions-table.js';

interface Statement {
  Sid?: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

let example: SynthResult;
let template: Template;
/** The example without warm-ups: the one difference in a role is auto-disconnect's. */
let noWarmUp: Template;
// The first synth (cdk-nag included) loads aws-cdk-lib: slower than vitest's 10 s hook default.
beforeAll(() => {
  example = synthPortal();
  template = example.template;
  noWarmUp = synthPortal({ warmUp: undefined }).template;
}, 120_000);

/** The statements of the role of the function with this handler. */
function statementsOf(handler: string, from: Template = template): Statement[] {
  const [, fn] = onlyResource(from, 'AWS::Lambda::Function', { Handler: handler });
  const roleId = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  const [, policy] = onlyResource(from, 'AWS::IAM::Policy', { Roles: [{ Ref: roleId }] });
  return (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement;
}

const actions = (statement: Statement) =>
  Array.isArray(statement.Action) ? statement.Action : [statement.Action];
const allActions = (handler: string, from: Template = template) =>
  statementsOf(handler, from).flatMap(actions).sort();
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
    const unscoped = (handler: string, from?: Template) =>
      statementsOf(handler, from)
        .filter((statement) => statement.Resource === '*')
        .map((statement) => statement.Sid)
        .sort();
    expect(unscoped('portal.handler')).toEqual([
      'DescribeClientVpnCannotBeScoped',
      'DescribeClientVpnEndpointsCannotBeScoped',
      'DescribeSubnetsCannotBeScoped',
      'PutMetricDataOwnNamespaceOnly',
    ]);
    expect(unscoped('auto-disconnect.handler')).toEqual([
      'DescribeClientVpnCannotBeScoped',
      'GetMetricDataCannotBeScoped',
      'PutMetricDataOwnNamespaceOnly',
    ]);
    expect(unscoped('auto-disconnect.handler', noWarmUp)).toEqual([
      'DescribeClientVpnCannotBeScoped',
      'GetMetricDataCannotBeScoped',
    ]);
    expect(bySid('portal.handler', 'DescribeClientVpnCannotBeScoped').Action).toEqual([
      'ec2:DescribeClientVpnConnections',
      'ec2:DescribeClientVpnRoutes',
      'ec2:DescribeClientVpnTargetNetworks',
    ]);
    for (const handler of ['portal.handler', 'auto-disconnect.handler']) {
      expect(bySid(handler, 'PutMetricDataOwnNamespaceOnly').Condition).toEqual({
        StringEquals: { 'cloudwatch:namespace': 'VpnPortal' },
      });
    }
  });

  it('changes only the configured endpoint and subnets', () => {
    const expected = [
      arn('ec2', `client-vpn-endpoint/${firstEndpointOf(example.settings).endpointId}`),
      ...firstEndpointOf(example.settings).subnetIds.map((subnetId) =>
        arn('ec2', `subnet/${subnetId}`),
      ),
    ];
    for (const handler of ['portal.handler', 'auto-disconnect.handler']) {
      expect(bySid(handler, 'ChangeThisEndpointOnly').Resource).toEqual(expected);
    }
  });

  it('lets only the portal export the configuration, of this endpoint only (issue 16)', () => {
    // Service authorization reference (list_amazonec2.html): ExportClientVpnClientConfiguration
    // takes the client-vpn-endpoint resource; DescribeClientVpnEndpoints takes none.
    expect(bySid('portal.handler', 'ExportThisEndpointsConfigurationOnly')).toMatchObject({
      Action: 'ec2:ExportClientVpnClientConfiguration',
      Resource: arn('ec2', `client-vpn-endpoint/${firstEndpointOf(example.settings).endpointId}`),
    });
    expect(bySid('portal.handler', 'DescribeClientVpnEndpointsCannotBeScoped')).toMatchObject({
      Action: 'ec2:DescribeClientVpnEndpoints',
      Resource: '*',
    });
    const setupActions = [
      'ec2:DescribeClientVpnEndpoints',
      'ec2:ExportClientVpnClientConfiguration',
    ];
    expect(allActions('auto-disconnect.handler')).not.toEqual(
      expect.arrayContaining([setupActions[0]]),
    );
    expect(allActions('auto-disconnect.handler')).not.toEqual(
      expect.arrayContaining([setupActions[1]]),
    );
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

  it('gives each role exactly the actions its code calls', () => {
    const logs = ['logs:CreateLogStream', 'logs:PutLogEvents'];
    const clientVpn = [
      'ec2:AssociateClientVpnTargetNetwork',
      'ec2:CreateClientVpnRoute',
      'ec2:DescribeClientVpnConnections',
      'ec2:DescribeClientVpnRoutes',
      'ec2:DescribeClientVpnTargetNetworks',
      'ec2:DisassociateClientVpnTargetNetwork',
    ];
    const sessionStore = [
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ];
    // Connect publishes ConnectRequests; nothing in the portal reads metrics. It tells of a
    // refused start and of Disconnect now on the notifications topic. The health panel
    // (issue 17) reads the subnets, the idle alarm and the topic, and asks the events function.
    expect(allActions('portal.handler')).toEqual(
      [
        ...logs,
        ...clientVpn,
        ...sessionStore,
        'cloudwatch:DescribeAlarms',
        'cloudwatch:PutMetricData',
        'ec2:DescribeClientVpnEndpoints',
        'ec2:DescribeSubnets',
        'ec2:ExportClientVpnClientConfiguration',
        'lambda:InvokeFunction',
        'sns:GetTopicAttributes',
        'sns:Publish',
      ].sort(),
    );
    // The re-check reads ConnectRequests and may reset the alarm; notices go to SNS.
    // The sweep ends a connection that moved no traffic for the quiet time (issue 14).
    const autoDisconnect = [
      ...logs,
      ...clientVpn,
      ...sessionStore,
      'cloudwatch:GetMetricData',
      'cloudwatch:SetAlarmState',
      'ec2:TerminateClientVpnConnections',
      'sns:Publish',
    ];
    expect(allActions('auto-disconnect.handler', noWarmUp)).toEqual(autoDisconnect.sort());
    // A warm-up is a connect: with warm-ups it publishes ConnectRequests too.
    expect(allActions('auto-disconnect.handler')).toEqual(
      [...autoDisconnect, 'cloudwatch:PutMetricData'].sort(),
    );
  });

  it('grants no action the code never calls', () => {
    const unused = [
      'dynamodb:Scan',
      'dynamodb:BatchGetItem',
      'dynamodb:BatchWriteItem',
      'dynamodb:ConditionCheckItem',
      'dynamodb:DescribeTable',
      'dynamodb:GetRecords',
      'dynamodb:GetShardIterator',
      'dynamodb:DescribeStream',
      'dynamodb:ListStreams',
    ];
    for (const handler of ['portal.handler', 'auto-disconnect.handler']) {
      for (const action of unused) expect(allActions(handler)).not.toContain(action);
    }
    expect(allActions('portal.handler')).not.toContain('cloudwatch:GetMetricData');
    expect(allActions('portal.handler')).not.toContain('cloudwatch:SetAlarmState');
    expect(allActions('auto-disconnect.handler', noWarmUp)).not.toContain(
      'cloudwatch:PutMetricData',
    );
  });

  it('lets auto-disconnect end client connections of the configured endpoint only, and the portal none', () => {
    const statement = bySid('auto-disconnect.handler', 'EndConnectionsOfThisEndpointOnly');
    expect(statement.Action).toBe('ec2:TerminateClientVpnConnections');
    expect(statement.Resource).toEqual(
      arn('ec2', `client-vpn-endpoint/${firstEndpointOf(example.settings).endpointId}`),
    );
    expect(statement.Condition).toBeUndefined();
    expect(allActions('portal.handler')).not.toContain('ec2:TerminateClientVpnConnections');
  });

  it('lets each function make exactly the changes the health panel proves it may (issue 17)', () => {
    // A DryRun needs the very permission it proves: the grants the DryRun calls rely on are
    // the ones the functions' own work needs, named in one place for both.
    const changes = (handler: string) =>
      statementsOf(handler)
        .filter(
          (statement) =>
            statement.Sid === 'ChangeThisEndpointOnly' ||
            statement.Sid === 'EndConnectionsOfThisEndpointOnly',
        )
        .flatMap(actions)
        .sort();
    expect(changes('portal.handler')).toEqual(
      CHANGES_EACH_FUNCTION_MAKES.portal.map((action) => `ec2:${action}`).sort(),
    );
    expect(changes('auto-disconnect.handler')).toEqual(
      CHANGES_EACH_FUNCTION_MAKES.events.map((action) => `ec2:${action}`).sort(),
    );
  });

  it('lets the portal read the idle alarm, the topic and the subnets, and invoke the events function alone', () => {
    expect(bySid('portal.handler', 'DescribeTheIdleAlarmOnly')).toMatchObject({
      Action: 'cloudwatch:DescribeAlarms',
      Resource: arn('cloudwatch', 'alarm:VpnPortal-idle'),
    });
    const events = functionId(template, 'auto-disconnect.handler');
    expect(bySid('portal.handler', 'AskTheEventsFunctionOnly')).toMatchObject({
      Action: 'lambda:InvokeFunction',
      Resource: { 'Fn::GetAtt': [events, 'Arn'] },
    });
    const [topic] = onlyResource(template, 'AWS::SNS::Topic', {
      DisplayName: 'VPN portal notifications',
    });
    expect(bySid('portal.handler', 'SeeTheNotificationsTopic')).toMatchObject({
      Action: 'sns:GetTopicAttributes',
      Resource: { Ref: topic },
    });
    expect(bySid('portal.handler', 'DescribeSubnetsCannotBeScoped')).toMatchObject({
      Action: 'ec2:DescribeSubnets',
      Resource: '*',
    });
    // The events function needs nothing new: its DryRun calls use the grants its work needs.
    for (const action of [
      'cloudwatch:DescribeAlarms',
      'ec2:DescribeSubnets',
      'lambda:InvokeFunction',
      'sns:GetTopicAttributes',
    ]) {
      expect(allActions('auto-disconnect.handler')).not.toContain(action);
    }
  });

  it('tells the portal which function to ask, by its ARN', () => {
    const [, portal] = onlyResource(template, 'AWS::Lambda::Function', {
      Handler: 'portal.handler',
    });
    const environment = (portal.Properties.Environment as { Variables: Record<string, unknown> })
      .Variables;
    expect(environment.EVENTS_FUNCTION_ARN).toEqual({
      'Fn::GetAtt': [functionId(template, 'auto-disconnect.handler'), 'Arn'],
    });
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
      expect(dynamo).toEqual([
        {
          Sid: 'SessionStoreCallsOnTheSessionsTable',
          Effect: 'Allow',
          Action: [
            'dynamodb:DeleteItem',
            'dynamodb:GetItem',
            'dynamodb:PutItem',
            'dynamodb:Query',
            'dynamodb:UpdateItem',
          ],
          Resource: { 'Fn::GetAtt': [tableId, 'Arn'] },
        },
      ]);
      const logs = statementsOf(handler).find((statement) =>
        actions(statement).includes('logs:PutLogEvents'),
      );
      expect(logs?.Resource).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/Logs/), 'Arn'] });
    }
  });

  it('needs no grant for the status snapshot beyond the session store’s', () => {
    // The snapshot adapter goes through DynamoDbTable, whose calls are granted above; these
    // are the table methods it uses and the actions they send.
    const adapters = fileURLToPath(new URL('../../app/adapters/aws/', import.meta.url));
    const source = readFileSync(join(adapters, 'dynamodb-status-snapshots.ts'), 'utf8');
    const actionOf: Record<string, string> = {
      get: 'dynamodb:GetItem',
      putIf: 'dynamodb:PutItem',
      updateIf: 'dynamodb:UpdateItem',
      updateIfReturning: 'dynamodb:UpdateItem',
      deleteIf: 'dynamodb:DeleteItem',
      query: 'dynamodb:Query',
    };
    const used = [...source.matchAll(/this\.table\.(\w+)\(/g)].map((match) => match[1] ?? '');
    expect(new Set(used)).toEqual(new Set(['get', 'putIf', 'updateIf', 'updateIfReturning']));
    for (const method of used) expect(SESSION_STORE_ACTIONS).toContain(actionOf[method]);
    expect(allActions('portal.handler')).toEqual(
      expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem']),
    );
  });

  it('grants the session store exactly the DynamoDB calls its adapter makes', () => {
    // Every DynamoDB call goes through awsCall('<Operation>', …) in dynamodb-table.ts, and no
    // other file sends a DynamoDB command: a new call there must come with its grant here.
    const adapters = fileURLToPath(new URL('../../app/adapters/aws/', import.meta.url));
    const source = readFileSync(join(adapters, 'dynamodb-table.ts'), 'utf8');
    const calls = [...source.matchAll(/awsCall\(\s*'(\w+)'/g)].map(
      (match) => `dynamodb:${match[1]}`,
    );
    expect(calls.sort()).toEqual([...SESSION_STORE_ACTIONS].sort());
    const sendingDynamoDb = readdirSync(adapters)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .filter((file) =>
        /import\s*\{[^}]*\b(\w+Command|paginate\w+)\b[^}]*\}\s*from\s*'@aws-sdk\/client-dynamodb'/.test(
          readFileSync(join(adapters, file), 'utf8'),
        ),
      );
    expect(sendingDynamoDb).toEqual(['dynamodb-table.ts']);
  });
});
