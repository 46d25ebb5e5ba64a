/**
 * The sessions table's key schema, read by the DynamoDB adapter and the CDK stack alike.
 * Sessions live in one partition (`pk = "session"`, `sk = session id`, which sorts by start
 * time); the open-session lock is the item `pk = "lock"`, `sk = "open"`.
 */
export const SESSIONS_TABLE_SCHEMA = {
  partitionKey: 'pk',
  sortKey: 'sk',
  timeToLiveAttribute: 'expiresAt',
} as const;
