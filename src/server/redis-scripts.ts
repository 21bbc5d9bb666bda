/**
 * The Lua scripts of the Redis session store. Each runs atomically in Redis, so a check and the
 * write it guards cannot be split by another process. A session is a hash: `v`, its version (bumped
 * by every write and by delete), and `r`, the record's JSON (absent once deleted).
 */
import { SessionStoreUnavailableError } from './errors.js';

/**
 * All the store needs of a Redis client: `EVAL`. The official `redis` client (`createClient()`,
 * connected) has it, as do its cluster and sentinel clients.
 */
export interface RedisScripting {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/** One script call; a Redis failure becomes the error the handler answers with "try again". */
export async function run(client: RedisScripting, script: string, key: string, args: string[]): Promise<unknown> {
  try {
    return await client.eval(script, { keys: [key], arguments: args });
  } catch (error) {
    throw new SessionStoreUnavailableError('ov-signin/server/redis: Redis did not answer', { cause: error });
  }
}

/** KEYS[1] the lock; ARGV[1] the holder's random token, ARGV[2] the lock's lifetime (ms). */
export const ACQUIRE_LOCK = `return redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) and 1 or 0`;

/** Deletes the lock only if this holder still has it: an expired holder must not free the next one's lock. */
export const RELEASE_LOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** KEYS[1] the session: { version, record JSON or nil }. */
export const READ = `
local found = redis.call('HMGET', KEYS[1], 'v', 'r')
return { tonumber(found[1]) or 0, found[2] }`;

/**
 * Compare-and-set. ARGV[1] the version the writer read ('any': no check), ARGV[2] the record's JSON,
 * ARGV[3] its lifetime (ms). Returns the new version, or -1 when the session changed since the read.
 */
export const WRITE = `
local current = tonumber(redis.call('HGET', KEYS[1], 'v')) or 0
if ARGV[1] ~= 'any' and current ~= tonumber(ARGV[1]) then return -1 end
redis.call('HSET', KEYS[1], 'v', current + 1, 'r', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return current + 1`;

/**
 * Drops the record but keeps a bumped version until the session's lifetime ends (a tombstone
 * holding no data), so a request that read it before cannot write it back. ARGV[1] the version the
 * deleter read ('any': no check). Returns the new version, or -1 when the session changed since.
 */
export const DELETE = `
local current = tonumber(redis.call('HGET', KEYS[1], 'v')) or 0
if ARGV[1] ~= 'any' and current ~= tonumber(ARGV[1]) then return -1 end
if current == 0 then return 0 end
redis.call('HDEL', KEYS[1], 'r')
redis.call('HSET', KEYS[1], 'v', current + 1)
return current + 1`;
