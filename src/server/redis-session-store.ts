/**
 * Sessions in Redis, shared by every process of the app: no sticky sessions needed. Requests of one
 * session are serialized across processes by a lock (redis-lock.ts), and every write under the lock
 * is a compare-and-set against the version the request read, so a request that outlived its lock
 * can never write an older state over a newer one, nor bring back a session that ended.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { StaleSessionError } from './errors.js';
import { withRedisLock } from './redis-lock.js';
import { DELETE, READ, run, WRITE } from './redis-scripts.js';
import type { RedisScripting } from './redis-scripts.js';
import { SessionLocks } from './session-locks.js';
import type { SessionRecord, SessionStore } from './session-store.js';

export interface RedisSessionStoreOptions {
  /** A connected client of the official `redis` package (`await createClient({ url }).connect()`). */
  client: RedisScripting;
  /** Before every key, to share a Redis with other data. Default `ov-signin:`. */
  prefix?: string;
  /** How long a request may hold its session's lock; longer than the slowest request. Default 10 s. */
  lockTtlMs?: number;
  /** How long a request waits for the lock before it fails ("try again"); longer than `lockTtlMs`. Default 15 s. */
  lockWaitMs?: number;
}

/** The versions read or written by one locked request, by session key. */
type Versions = Map<string, number>;

export class RedisSessionStore implements SessionStore {
  readonly #client: RedisScripting;
  readonly #prefix: string;
  readonly #lock: { ttlMs: number; waitMs: number };
  /** Requests of a session in this process queue here first, so only one of them asks Redis for the lock. */
  readonly #local = new SessionLocks();
  /** The versions of the locked request running in this async context: what its writes compare against. */
  readonly #versions = new AsyncLocalStorage<Versions>();

  constructor({ client, prefix = 'ov-signin:', lockTtlMs = 10_000, lockWaitMs = 15_000 }: RedisSessionStoreOptions) {
    this.#client = client;
    this.#prefix = prefix;
    this.#lock = { ttlMs: lockTtlMs, waitMs: lockWaitMs };
  }

  async get(key: string): Promise<SessionRecord | undefined> {
    const [version, json] = (await run(this.#client, READ, this.#sessionKey(key), [])) as [number, string | null];
    this.#versions.getStore()?.set(key, version);
    return json ? (JSON.parse(json) as SessionRecord) : undefined;
  }

  /**
   * Under a lock, a write succeeds only if the session is still at the version this request read
   * (or, for a session it did not read, if there is none yet); otherwise StaleSessionError.
   * Outside a lock (a new session), it writes.
   */
  async set(key: string, record: SessionRecord, ttlMs: number): Promise<void> {
    const versions = this.#versions.getStore();
    const expected = versions ? String(versions.get(key) ?? 0) : 'any';
    const version = Number(
      await run(this.#client, WRITE, this.#sessionKey(key), [
        expected,
        JSON.stringify(record),
        String(Math.max(1, Math.ceil(ttlMs))),
      ]),
    );
    if (version < 0) throw new StaleSessionError();
    versions?.set(key, version);
  }

  /**
   * Under a lock, like a write: only the version this request read (a request that outlived its
   * lock cannot end, and so answer for, a sign-in another request moved on).
   */
  async delete(key: string): Promise<void> {
    const versions = this.#versions.getStore();
    const read = versions?.get(key);
    const version = Number(
      await run(this.#client, DELETE, this.#sessionKey(key), [read === undefined ? 'any' : String(read)]),
    );
    if (version < 0) throw new StaleSessionError();
    versions?.set(key, version);
  }

  withLock<T>(key: string, task: () => Promise<T>): Promise<T> {
    return this.#local.run(key, () =>
      withRedisLock(this.#client, `${this.#sessionKey(key)}:lock`, this.#lock, () =>
        this.#versions.run(new Map(), task),
      ),
    );
  }

  /** The braces make a session and its lock one Redis Cluster hash slot. */
  #sessionKey(key: string): string {
    return `${this.#prefix}{${key}}`;
  }
}
