import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { IdleCheckOutcome, IdleCheckTrigger } from '../../core/model/health.js';
import type { IdleCheckRun, LastRuns, RunLog } from '../../ports/run-log.js';
import type { AwsCallOptions } from './aws-call.js';
import { endpointItemKeys, type StorageScope } from './dynamodb-item-keys.js';
import type { Item } from './dynamodb-session-items.js';
import { DynamoDbTable } from './dynamodb-table.js';
import { SESSIONS_TABLE_SCHEMA } from './sessions-table-schema.js';

export interface DynamoDbRunLogOptions {
  client: DynamoDBClient;
  tableName: string;
  /** Whose runs: the first endpoint's under `pk = "run"`, another's under `run#<key>`. */
  scope?: StorageScope;
  call?: AwsCallOptions;
}

/** The partition of the first endpoint's run records: `pk = "run"`, `sk = "alarm" | "sweep"`. */
export const RUN_PARTITION = 'run';

/** A reason longer than this is cut: the record must stay one write unit (1 KB). */
const REASON_MAX_LENGTH = 500;

const TRIGGERS: readonly IdleCheckTrigger[] = ['alarm', 'sweep'];
const OUTCOMES: readonly IdleCheckOutcome[] = [
  'disassociated',
  'declined',
  'nothing',
  'skipped',
  'failed',
];

/**
 * The last run of each idle check as two small items of the sessions table (issue 17): the
 * events function overwrites its trigger's item once per run (one PutItem, under 1 KB), the
 * portal's health check reads both with one Query. The same table, encryption and grants
 * as the sessions: no new resource to pay for or secure. A write never moves a record back
 * in time, should a retried run finish after a newer one.
 */
export class DynamoDbRunLog implements RunLog {
  private readonly table: DynamoDbTable;
  private readonly partition: string;

  constructor(options: DynamoDbRunLogOptions) {
    this.table = new DynamoDbTable(options.client, options.tableName, options.call ?? {});
    this.partition = endpointItemKeys(options.scope ?? null).runPartition;
  }

  async record(run: IdleCheckRun): Promise<void> {
    await this.table.putIf(
      {
        [SESSIONS_TABLE_SCHEMA.partitionKey]: { S: this.partition },
        [SESSIONS_TABLE_SCHEMA.sortKey]: { S: run.trigger },
        at: { N: String(run.at.getTime()) },
        outcome: { S: run.outcome },
        reason: { S: run.reason.slice(0, REASON_MAX_LENGTH) },
      },
      {
        ConditionExpression: 'attribute_not_exists(#at) OR #at <= :at',
        ExpressionAttributeNames: { '#at': 'at' },
        ExpressionAttributeValues: { ':at': { N: String(run.at.getTime()) } },
      },
    );
  }

  async lastRuns(): Promise<LastRuns> {
    const items = await this.table.query({
      KeyConditionExpression: '#pk = :run',
      ExpressionAttributeNames: { '#pk': SESSIONS_TABLE_SCHEMA.partitionKey },
      ExpressionAttributeValues: { ':run': { S: this.partition } },
    });
    const runs: LastRuns = {};
    for (const item of items) {
      const run = toRun(item);
      if (run) runs[run.trigger] = run;
    }
    return runs;
  }
}

/** An item that is not what `record` wrote reads as no run rather than as a wrong one. */
function toRun(item: Item): IdleCheckRun | null {
  const trigger = TRIGGERS.find(
    (candidate) => candidate === item[SESSIONS_TABLE_SCHEMA.sortKey]?.S,
  );
  const outcome = OUTCOMES.find((candidate) => candidate === item.outcome?.S);
  const at = Number(item.at?.N);
  if (!trigger || !outcome || !Number.isFinite(at)) return null;
  return { trigger, outcome, at: new Date(at), reason: item.reason?.S ?? '' };
}
