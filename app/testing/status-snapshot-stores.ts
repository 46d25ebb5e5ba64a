import { DynamoDbStatusSnapshots } from '../adapters/aws/dynamodb-status-snapshots.js';
import { InMemoryStatusSnapshots } from '../adapters/local/in-memory-status-snapshots.js';
import type { StatusSnapshotStore } from '../ports/status-snapshots.js';
import type { DynaliteFixture } from './dynalite.js';

/** Both status snapshot stores, each fresh per call, for tests that must hold against either. */
export function statusSnapshotStoresUnderTest(
  dynalite: () => DynaliteFixture,
): [string, () => Promise<StatusSnapshotStore>][] {
  return [
    ['in memory', async () => new InMemoryStatusSnapshots()],
    [
      'DynamoDB (dynalite)',
      async () =>
        new DynamoDbStatusSnapshots({
          client: dynalite().client,
          tableName: await dynalite().createSessionsTable(),
        }),
    ],
  ];
}
