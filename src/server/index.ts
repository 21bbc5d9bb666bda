/**
 * `ov-signin/server`: server mode's server part, for Node (20+). The widget's `endpoint` attribute
 * names where it is mounted. See docs/server-mode.md.
 */
export { createSignInHandler } from './handler.js';
export type { SharedData, SignInHandler, SignInHandlerOptions, SuccessDetails } from './handler.js';
export type { OktaSettings } from './sdk-session.js';
export { MemorySessionStore } from './session-store.js';
export type { MemorySessionStoreOptions, SessionRecord, SessionStore } from './session-store.js';
export type { SessionCookieOptions } from './cookies.js';
export { SessionStoreUnavailableError, StaleSessionError } from './errors.js';
export { createSignInServer, nodeSignIn, SERVER_TIMEOUTS, toFetchRequest, writeResponse } from './node.js';
export type { NodeAdapterOptions, NodeContext } from './node.js';
export { expressSignIn } from './express.js';
export type { ExpressContext, ExpressRequestLike } from './express.js';
export { fastifySignIn } from './fastify.js';
export type { FastifyContext, FastifyInstanceLike, FastifyReplyLike, FastifyRequestLike } from './fastify.js';
export { ApiRoute, CSRF_HEADER, WireError } from '../transport/protocol.js';
export type {
  WireMessage,
  WireRemediation,
  WireResponse,
  WireSession,
  WireStatus,
  WireTransaction,
} from '../transport/protocol.js';
