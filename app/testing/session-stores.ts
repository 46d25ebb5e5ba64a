import { DynamoDbSessionStore } from '../adapters/aws/dynamodb-session-store.js';
import { InMemorySessionStore } from '../adapters/local/in-memory-session-store.js';
import type { SessionStore } from '../ports/session-store.js';
import type { DynaliteFixture } from './dynalite.js';

/** Both session stores, each fresh per call, for tests that must hold against either. */
export function sessionStoresUnderTest(
  dynalite: () => DynaliteFixture,
): [string, () => Promise<SessionStore>][] {
  return [
    ['in memory', async () => new InMemorySessionStore()],
    [
      'DynamoDB (dynalite)',
      async () =>
        new DynamoDbSessionStore({
          client: dynalite().client,
          tableName: await dynalite().createSessionsTable(),
        }),
    ],
  ];
}
