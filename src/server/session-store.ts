/** What the server keeps per browser session, and where. */

/** One browser session: plain JSON, so any store (Redis, a database) can hold it. */
export interface SessionRecord {
  /** Sent back by the page in the CSRF header of every POST. */
  readonly csrfToken: string;
  /**
   * okta-auth-js's storage for this session (transaction meta with the PKCE verifier, the last IDX
   * response, cached discovery documents): the SDK is rebuilt from it on every request.
   */
  readonly sdkStorage: Readonly<Record<string, string>>;
  /** The opaque id the page sees for the current transaction; absent when there is none. */
  readonly transactionId?: string;
  /**
   * Random per write: which write this is. A process that kept the session's okta-auth-js alive
   * after writing it uses it only while the store still holds this write (live-sessions.ts).
   */
  readonly revision?: string;
  /**
   * What the saved transaction offers the next request (its steps and actions), so a request is
   * checked without okta-auth-js replaying the saved response. Absent when okta-auth-js did not
   * save the last response (an error answer): the request is then checked against the replay.
   */
  readonly offers?: TransactionOffers;
}

/** The names a request may ask for: the transaction's remediations and its actions. */
export interface TransactionOffers {
  readonly steps: readonly string[];
  readonly actions: readonly string[];
}

/**
 * Where sessions live. Keys are SHA-256 digests of the cookie value, so whoever reads the store
 * cannot replay its keys as cookies. Methods may be synchronous or return promises.
 */
export interface SessionStore {
  get(key: string): Promise<SessionRecord | undefined> | SessionRecord | undefined;
  /** Saves `record`, to be forgotten `ttlMs` after this write unless written again. */
  set(key: string, record: SessionRecord, ttlMs: number): Promise<void> | void;
  /** Forgets session `key` now (rotation, success, cancel). */
  delete(key: string): Promise<void> | void;
  /**
   * Runs `task` while no other request of session `key` runs. Optional: without it the handler
   * serializes the requests of a session within its own process, which is enough for one process
   * or sticky sessions; a store shared by several processes should lock across them.
   */
  withLock?<T>(key: string, task: () => Promise<T>): Promise<T>;
}

export interface MemorySessionStoreOptions {
  /** Sessions kept at most; when full, expired ones go first, then the least recently written. Default 10,000. */
  maxSessions?: number;
  /** The clock (milliseconds), for tests. */
  now?: () => number;
}

interface Entry {
  readonly record: SessionRecord;
  readonly expiresAt: number;
}

/** The default store: this process's memory. Sessions end with the process. */
export class MemorySessionStore implements SessionStore {
  readonly #entries = new Map<string, Entry>();
  readonly #maxSessions: number;
  readonly #now: () => number;

  constructor({ maxSessions = 10_000, now = Date.now }: MemorySessionStoreOptions = {}) {
    this.#maxSessions = maxSessions;
    this.#now = now;
  }

  /** Sessions held now, expired ones included until they are swept. */
  get size(): number {
    return this.#entries.size;
  }

  get(key: string): SessionRecord | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > this.#now()) return entry.record;
    this.#entries.delete(key);
    return undefined;
  }

  set(key: string, record: SessionRecord, ttlMs: number): void {
    // Re-inserted, so the Map's order is the order of last writes.
    this.#entries.delete(key);
    if (this.#entries.size >= this.#maxSessions) this.#makeRoom();
    this.#entries.set(key, { record, expiresAt: this.#now() + ttlMs });
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  /**
   * Bounds the memory a flood of new sessions can take. Sessions without a transaction go before
   * any sign-in in progress, so a flood of them cannot push a user's sign-in out.
   */
  #makeRoom(): void {
    const now = this.#now();
    for (const [key, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(key);
    for (const [key, entry] of this.#entries) {
      if (this.#entries.size < this.#maxSessions) return;
      if (entry.record.transactionId === undefined) this.#entries.delete(key);
    }
    for (const key of this.#entries.keys()) {
      if (this.#entries.size < this.#maxSessions) break;
      this.#entries.delete(key);
    }
  }
}
