/**
 * Each in-progress session's okta-auth-js, kept alive in this process between its requests, so a
 * request does not build an `OktaAuth` from the record again. The record in the store stays the
 * truth: a live SDK is used only when the record read under the session's lock is still the very
 * write it was kept with (its `revision`, random per write). A request served by another process
 * writes a new revision, so this process's live SDK of that session is never used again; any store
 * works, across any number of processes, without telling the handler anything.
 */
import type { SdkSession } from './sdk-session.js';

interface Entry {
  readonly revision: string;
  readonly sdk: SdkSession;
  readonly expiresAt: number;
}

export class LiveSessions {
  /** In the order of their last `keep`: the least recently used, and the first to expire, first. */
  readonly #entries = new Map<string, Entry>();
  readonly #max: number;
  readonly #ttlMs: number;
  readonly #now: () => number;

  /** `max`: sessions kept at most (0: none). `ttlMs`: the session's idle lifetime, as the store keeps it. */
  constructor(max: number, ttlMs: number, now: () => number = Date.now) {
    this.#max = max;
    this.#ttlMs = ttlMs;
    this.#now = now;
  }

  get size(): number {
    return this.#entries.size;
  }

  /**
   * Takes out the live SDK of session `key` if it was kept at `revision`; else forgets it. Taken
   * out, not looked at: it goes back only when the request's write succeeds (`keep`), so an SDK a
   * failed request may have changed half-way is never used again.
   */
  take(key: string, revision: string | undefined): SdkSession | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    const current = revision !== undefined && entry.revision === revision && entry.expiresAt > this.#now();
    return current ? entry.sdk : undefined;
  }

  /** The SDK of session `key` after the write of `revision`: the state that record holds. */
  keep(key: string, revision: string, sdk: SdkSession): void {
    if (this.#max <= 0) return;
    this.#entries.delete(key);
    const now = this.#now();
    for (const [oldest, entry] of this.#entries) {
      if (this.#entries.size < this.#max && entry.expiresAt > now) break;
      this.#entries.delete(oldest);
    }
    this.#entries.set(key, { revision, sdk, expiresAt: now + this.#ttlMs });
  }

  forget(key: string): void {
    this.#entries.delete(key);
  }
}
