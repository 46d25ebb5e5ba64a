import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { EndpointSettings } from '../../config/endpoint-settings.js';
import { SESSIONS_TABLE_SCHEMA } from './sessions-table-schema.js';

type Item = Record<string, AttributeValue>;

/**
 * Where one endpoint's items live in the sessions table (issue 18): its sessions (which carry
 * its quiet-connection records), its open-session lock and its status snapshot.
 *
 * The first endpoint of the settings keeps the keys of the single-endpoint version
 * (`pk = "session"`, `"lock"`, `"status"`), so what that version wrote is read as the first
 * endpoint's after the upgrade, with no migration. Every other endpoint's partitions end in
 * its key (`session#staging`, `lock#staging`, `status#staging`): its own lock, so a connect
 * storm on one endpoint never waits on another's, and its own history. Reordering the list
 * therefore moves today's history to whichever endpoint comes first: keep the first first.
 */
export interface EndpointItemKeys {
  /** The partition of the endpoint's sessions (sort key: the session id). */
  sessionPartition: string;
  lock: Item;
  snapshot: Item;
}

/** null: today's keys (the first endpoint); a key: that endpoint's own partitions. */
export type StorageScope = string | null;

export function endpointItemKeys(scope: StorageScope): EndpointItemKeys {
  const partition = (base: string) => (scope === null ? base : `${base}#${scope}`);
  return {
    sessionPartition: partition('session'),
    lock: key(partition('lock'), 'open'),
    snapshot: key(partition('status'), 'snapshot'),
  };
}

/** The first endpoint stores under today's keys; the others under their own key. */
export function storageScope(
  endpoints: readonly Pick<EndpointSettings, 'key'>[],
  endpoint: Pick<EndpointSettings, 'key'>,
): StorageScope {
  return endpoints[0]?.key === endpoint.key ? null : endpoint.key;
}

function key(partition: string, sort: string): Item {
  return {
    [SESSIONS_TABLE_SCHEMA.partitionKey]: { S: partition },
    [SESSIONS_TABLE_SCHEMA.sortKey]: { S: sort },
  };
}
