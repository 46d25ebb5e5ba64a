import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
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
