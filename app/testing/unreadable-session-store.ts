import { InMemorySessionStore } from '../adapters/local/in-memory-session-store.js';
import { ResettableSessionStore } from '../local-mode/resettable-session-store.js';
import type { SessionStore } from '../ports/session-store.js';

/**
 * The sessions table as it is when DynamoDB cannot be reached: every call fails. The same
 * outage local mode's simulator switches on.
 */
export function unreadableSessionStore(): SessionStore {
  const store = new ResettableSessionStore(() => new InMemorySessionStore());
  store.setUnavailable(true);
  return store;
}
