import { readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SessionConflictError } from '../../core/model/errors.js';
import type { VpnSession } from '../../core/model/vocabulary.js';
import type { SessionStore } from '../../ports/session-store.js';

export interface InMemorySessionStoreOptions {
  /** Keep history across restarts of the local server in this JSON file. */
  filePath?: string;
}

interface StoreFile {
  version: 1;
  openSessionId: string | null;
  sessions: VpnSession[];
}

/**
 * Sessions in a Map, optionally mirrored to a JSON file. JavaScript runs `open` without an
 * await between the check and the claim, so two concurrent opens cannot both win.
 */
export class InMemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, VpnSession>();
  private openSessionId: string | null = null;
  private readonly filePath: string | undefined;
  private lastWrite: Promise<void> = Promise.resolve();
  private writeCount = 0;

  constructor(options: InMemorySessionStoreOptions = {}) {
    this.filePath = options.filePath;
    if (this.filePath) this.load(this.filePath);
  }

  async getOpen(): Promise<VpnSession | null> {
    const open = this.openSessionId ? this.sessions.get(this.openSessionId) : undefined;
    return open ? structuredClone(open) : null;
  }

  async open(candidate: VpnSession): Promise<{ session: VpnSession; created: boolean }> {
    const current = this.openSessionId ? this.sessions.get(this.openSessionId) : undefined;
    if (current) return { session: structuredClone(current), created: false };
    this.openSessionId = candidate.id;
    this.sessions.set(candidate.id, structuredClone(candidate));
    await this.persist();
    return { session: structuredClone(candidate), created: true };
  }

  async save(session: VpnSession): Promise<void> {
    const stored = this.sessions.get(session.id);
    if (stored && (stored.revision !== session.revision || stored.endedAt !== null)) {
      throw new SessionConflictError(session.id);
    }
    this.sessions.set(session.id, { ...structuredClone(session), revision: session.revision + 1 });
    await this.persist();
  }

  async recordConnectRequest(sessionId: string, userId: string, at: Date): Promise<void> {
    const stored = this.sessions.get(sessionId);
    if (!stored || stored.endedAt !== null) return;
    const atIso = at.toISOString();
    const users = stored.users.includes(userId) ? stored.users : [...stored.users, userId];
    // ISO 8601 in UTC sorts as text: the later of the two, never back.
    const [lastConnectRequestAt = atIso] = [stored.lastConnectRequestAt ?? atIso, atIso]
      .sort()
      .slice(-1);
    this.sessions.set(sessionId, {
      ...stored,
      users,
      lastConnectRequestAt,
      connectRequests: [...(stored.connectRequests ?? []), { by: userId, at: atIso }],
      revision: stored.revision + 1,
    });
    await this.persist();
  }

  async close(session: VpnSession): Promise<void> {
    const stored = this.sessions.get(session.id);
    if (stored && (stored.revision !== session.revision || stored.endedAt !== null)) {
      throw new SessionConflictError(session.id);
    }
    this.sessions.set(session.id, { ...structuredClone(session), revision: session.revision + 1 });
    if (this.openSessionId === session.id) this.openSessionId = null;
    await this.persist();
  }

  async recent(limit: number): Promise<VpnSession[]> {
    return this.sorted()
      .reverse()
      .slice(0, Math.max(0, limit))
      .map((session) => structuredClone(session));
  }

  async overlapping(since: Date): Promise<VpnSession[]> {
    const from = since.getTime();
    return this.sorted()
      .filter((session) => session.endedAt === null || Date.parse(session.endedAt) >= from)
      .map((session) => structuredClone(session));
  }

  /** Oldest first: ids start with the start time in a sortable form. */
  private sorted(): VpnSession[] {
    return [...this.sessions.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  private load(filePath: string): void {
    let text: string;
    try {
      text = readFileSync(filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    let data: StoreFile;
    try {
      data = JSON.parse(text) as StoreFile;
    } catch {
      throw new Error(`Session file ${filePath} is not valid JSON; delete it to start afresh.`);
    }
    // Files written before sessions had a revision start at 0.
    for (const session of data.sessions ?? []) {
      this.sessions.set(session.id, { ...session, revision: session.revision ?? 0 });
    }
    this.openSessionId =
      data.openSessionId && this.sessions.has(data.openSessionId) ? data.openSessionId : null;
  }

  /**
   * Writes the whole store to a temporary file and renames it over the old one, so a crash
   * mid-write never leaves half a file. Writes run one after another, each with the latest state.
   */
  private persist(): Promise<void> {
    const filePath = this.filePath;
    if (!filePath) return Promise.resolve();
    const write = this.lastWrite
      .catch(() => {})
      .then(async () => {
        const snapshot: StoreFile = {
          version: 1,
          openSessionId: this.openSessionId,
          sessions: this.sorted(),
        };
        this.writeCount += 1;
        const temporary = `${filePath}.${process.pid}.${this.writeCount}.tmp`;
        await mkdir(dirname(filePath), { recursive: true });
        await writeFile(temporary, `${JSON.stringify(snapshot, null, 2)}\n`, 'utf8');
        await rename(temporary, filePath);
      });
    this.lastWrite = write;
    return write;
  }
}
