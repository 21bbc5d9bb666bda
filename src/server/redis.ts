/**
 * `ov-signin/server/redis`: sessions in Redis, for several processes of an app behind a load
 * balancer without sticky sessions. The app brings the `redis` client (an optional peer
 * dependency); nothing here imports it. See docs/server-mode.md, "Deploying".
 */
export { RedisSessionStore } from './redis-session-store.js';
export type { RedisSessionStoreOptions } from './redis-session-store.js';
export type { RedisScripting } from './redis-scripts.js';
export { SessionStoreUnavailableError, StaleSessionError } from './errors.js';
