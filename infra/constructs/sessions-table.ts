import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { SESSIONS_TABLE_SCHEMA } from '../../app/adapters/aws/sessions-table-schema.js';

/**
 * The sessions table: on-demand, point-in-time recovery, TTL on old sessions, and kept when
 * the stack is deleted (it is the usage history administrators look at).
 */
export class SessionsTable extends Construct {
  readonly table: dynamodb.Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: {
        name: SESSIONS_TABLE_SCHEMA.partitionKey,
        type: dynamodb.AttributeType.STRING,
      },
      sortKey: { name: SESSIONS_TABLE_SCHEMA.sortKey, type: dynamodb.AttributeType.STRING },
      timeToLiveAttribute: SESSIONS_TABLE_SCHEMA.timeToLiveAttribute,
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}

/**
 * The calls `DynamoDbTable` (app/adapters/aws/dynamodb-table.ts) makes, the only DynamoDB
 * client in the app: both functions use the whole session store, so both get exactly these.
 * The portal's fleet-wide status snapshot (issue 15) is one more item of the same table,
 * read and written with GetItem, UpdateItem and PutItem: it needs nothing beyond these.
 * No Scan, no batch calls, no stream reads (what `grantReadWriteData` would add), and no
 * index: the table has none. A transaction (TransactWriteItems) has no IAM action of its
 * own; it would need the item actions it contains, plus `dynamodb:ConditionCheckItem`.
 */
export const SESSION_STORE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:Query',
];

/** Lets a function's role make the session store's calls on the sessions table only. */
export function grantSessionStore(table: dynamodb.ITable, grantee: iam.IGrantable): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid: 'SessionStoreCallsOnTheSessionsTable',
      actions: SESSION_STORE_ACTIONS,
      resources: [table.tableArn],
    }),
  );
}
