/**
 * A per-session lock across processes: `SET lock token NX PX ttl`, released by a script that deletes
 * it only while it still holds this holder's token. A holder that dies frees it when it expires.
 */
import { SessionStoreUnavailableError } from './errors.js';
import { randomToken } from './random.js';
import { ACQUIRE_LOCK, RELEASE_LOCK, run } from './redis-scripts.js';
import type { RedisScripting } from './redis-scripts.js';

export interface LockTimings {
  /** How long a holder keeps the lock at most; longer than the slowest request (Okta calls included). */
  readonly ttlMs: number;
  /** How long a waiter tries before it gives up; longer than `ttlMs`, so a dead holder's lock is outwaited. */
  readonly waitMs: number;
}

const FIRST_RETRY_MS = 5;
const LONGEST_RETRY_MS = 200;

export async function withRedisLock<T>(
  client: RedisScripting,
  lockKey: string,
  { ttlMs, waitMs }: LockTimings,
  task: () => Promise<T>,
): Promise<T> {
  const token = randomToken(16);
  const giveUpAt = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    const acquired = await run(client, ACQUIRE_LOCK, lockKey, [token, String(ttlMs)]);
    if (acquired === 1) break;
    // Exponential, with jitter so waiters woken together do not retry together.
    const delay = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt) * (0.5 + Math.random() / 2);
    if (Date.now() + delay > giveUpAt)
      throw new SessionStoreUnavailableError(
        `ov-signin/server/redis: the session's lock stayed taken for ${waitMs} ms (${lockKey})`,
      );
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
  try {
    return await task();
  } finally {
    // If Redis cannot be reached to release it, the lock expires on its own after `ttlMs`.
    await run(client, RELEASE_LOCK, lockKey, [token]).catch(() => undefined);
  }
}
