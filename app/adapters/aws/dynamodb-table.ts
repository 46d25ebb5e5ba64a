import {
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  paginateQuery,
  type QueryCommandInput,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { type AwsCallOptions, awsCall, awsErrorName } from './aws-call.js';
import type { Item } from './dynamodb-session-items.js';

export interface Condition {
  ConditionExpression: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Item;
}

const CONDITION_FAILED = 'ConditionalCheckFailedException';

/**
 * The DynamoDB calls the session store and the status snapshot make, each through awsCall. Conditional writes
 * answer `false` when the condition does not hold instead of throwing: for the store that
 * is an expected answer ("someone else holds the lock"), not a failure.
 */
export class DynamoDbTable {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
    private readonly callOptions: AwsCallOptions,
  ) {}

  /** Strongly consistent: the lock must be read as it is now, not as it was. */
  async get(key: Item): Promise<Item | undefined> {
    const output = await awsCall(
      'GetItem',
      (abortSignal) =>
        this.client.send(
          new GetItemCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
          { abortSignal },
        ),
      this.callOptions,
    );
    return output.Item;
  }

  async putIf(item: Item, condition?: Condition): Promise<boolean> {
    return this.conditional(() =>
      awsCall(
        'PutItem',
        (abortSignal) =>
          this.client.send(
            new PutItemCommand({ TableName: this.tableName, Item: item, ...condition }),
            { abortSignal },
          ),
        this.callOptions,
      ),
    );
  }

  async updateIf(key: Item, updateExpression: string, condition: Condition): Promise<boolean> {
    return this.conditional(() => this.update(key, updateExpression, condition, 'NONE'));
  }

  /** Like updateIf, but answers the item as written (`null` when the condition failed). */
  async updateIfReturning(
    key: Item,
    updateExpression: string,
    condition: Condition,
  ): Promise<Item | null> {
    let written: Item | undefined;
    const applied = await this.conditional(async () => {
      written = (await this.update(key, updateExpression, condition, 'ALL_NEW')).Attributes;
    });
    return applied ? (written ?? {}) : null;
  }

  async deleteIf(key: Item, condition: Condition): Promise<boolean> {
    return this.conditional(() =>
      awsCall(
        'DeleteItem',
        (abortSignal) =>
          this.client.send(
            new DeleteItemCommand({ TableName: this.tableName, Key: key, ...condition }),
            { abortSignal },
          ),
        this.callOptions,
      ),
    );
  }

  /** Every page (up to `maxItems`) in one awsCall, so a retry restarts a consistent listing. */
  async query(
    input: Omit<QueryCommandInput, 'TableName'>,
    maxItems = Number.POSITIVE_INFINITY,
  ): Promise<Item[]> {
    return awsCall(
      'Query',
      async (abortSignal) => {
        const items: Item[] = [];
        const pages = paginateQuery(
          { client: this.client },
          { ...input, TableName: this.tableName, ConsistentRead: true },
          { abortSignal },
        );
        for await (const page of pages) {
          items.push(...(page.Items ?? []));
          if (items.length >= maxItems) break;
        }
        return items.slice(0, maxItems);
      },
      this.callOptions,
    );
  }

  private update(
    key: Item,
    updateExpression: string,
    condition: Condition,
    returnValues: 'NONE' | 'ALL_NEW',
  ) {
    return awsCall(
      'UpdateItem',
      (abortSignal) =>
        this.client.send(
          new UpdateItemCommand({
            TableName: this.tableName,
            Key: key,
            UpdateExpression: updateExpression,
            ...condition,
            ...(returnValues === 'ALL_NEW' ? { ReturnValues: returnValues } : {}),
          }),
          { abortSignal },
        ),
      this.callOptions,
    );
  }

  private async conditional(write: () => Promise<unknown>): Promise<boolean> {
    try {
      await write();
      return true;
    } catch (error) {
      if (awsErrorName(error) === CONDITION_FAILED) return false;
      throw error;
    }
  }
}
