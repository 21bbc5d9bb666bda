/**
 * The server part of server mode: a fetch-style handler (`Request` → `Response`) that runs the
 * sign-in with okta-auth-js for each browser session and answers the widget's JSON API
 * (protocol.ts). Adapters for Node's http, Express and Fastify are thin wrappers around it.
 */
import { IdxStatus } from '@okta/okta-auth-js';
import type { IdxTransaction, Tokens } from '@okta/okta-auth-js';
import { DUPLICATE, SessionCookie } from './cookies.js';
import type { SessionCookieOptions, SessionCookieValue } from './cookies.js';
import { CsrfTokens, isFromElsewhere, isJson } from './csrf.js';
import { LiveSessions } from './live-sessions.js';
import { offersToSave, operations } from './operations.js';
import { InvalidRequestError, NoTransactionError, SessionStoreUnavailableError, StaleSessionError } from './errors.js';
import type { OperationResult } from './operations.js';
import { ApiRoute, WireError } from '../transport/protocol.js';
import type { WireResponse, WireSession } from '../transport/protocol.js';
import { constantTimeEqual, randomToken, sha256 } from './random.js';
import { isPlainObject } from './requests.js';
import { failure, json } from './responses.js';
import { RecordStorage, SdkSession } from './sdk-session.js';
import type { OktaSettings } from './sdk-session.js';
import { SessionLocks } from './session-locks.js';
import { MemorySessionStore } from './session-store.js';
import type { SessionRecord, SessionStore } from './session-store.js';
import { toWireTransaction } from './wire.js';

/** What the app lets the page know once the user is signed in (sent as JSON: no tokens). */
export type SharedData = Readonly<Record<string, unknown>>;

export interface SuccessDetails<C> {
  /** The request that completed the sign-in. */
  readonly request: Request;
  /** Added to the answer: e.g. the `Set-Cookie` of the app's own session. */
  readonly headers: Headers;
  /** What the adapter passed along: `{ req, res }` (Node, Express) or `{ request, reply }` (Fastify). */
  readonly context: C | undefined;
  /** The finished transaction, as okta-auth-js returned it (on the server only). */
  readonly transaction: IdxTransaction;
}

export interface SignInHandlerOptions<C> {
  /** `OktaAuth` settings: `issuer`, `clientId`, `redirectUri`, and e.g. `scopes` or `clientSecret`. */
  okta: OktaSettings;
  /**
   * The user is signed in: keep the tokens (they never leave the server) and return what the page
   * may know, e.g. `{ name, email }`. It arrives as `ov-success`'s `detail.shared`.
   */
  // `void`: an app's `onSuccess` that only keeps the tokens returns nothing.
  // eslint-disable-next-line @typescript-eslint/no-invalid-void-type
  onSuccess(tokens: Tokens, details: SuccessDetails<C>): SharedData | void | Promise<SharedData | void>;
  /** Where the API is mounted; the widget's `endpoint`. Default `/auth`. */
  basePath?: string;
  /** Default: a MemorySessionStore (this process's memory). */
  store?: SessionStore;
  cookie?: SessionCookieOptions;
  /**
   * The secret of the CSRF tokens (at least 32 characters). Default: random to this process, which
   * is enough for one process; several processes answering the same browsers (a load balancer
   * without sticky sessions) must all be given the same secret.
   */
  csrfSecret?: string;
  /**
   * Sends the session cookie without Secure (and without `__Host-`) on plain http. Off by default:
   * the cookie is always Secure, which browsers accept from https and from http://localhost. For
   * development on another host, or a browser that keeps no Secure cookie from http://localhost
   * (WebKitGTK). Refused when `NODE_ENV=production`.
   */
  insecureCookiesOnHttp?: boolean;
  /** Idle lifetime of a session, from its last state change. Default 30 minutes. */
  sessionTtlMs?: number;
  /**
   * In-progress sessions whose okta-auth-js this process keeps alive between their requests (the
   * least recently used go first; none longer than `sessionTtlMs`), so a request does not rebuild
   * it from the record: about 0.15 ms less CPU per request, for about 10 KiB more memory per
   * session. Used only while the store still holds the very write it was kept with, so it is safe
   * with a store shared by several processes. Default 0 (each request rebuilds it).
   */
  liveSessions?: number;
  /** Unexpected failures (the app's `onSuccess` threw, an SDK error). Default: `console.error`. */
  onError?(error: unknown): void;
}

export interface SignInHandler<C = unknown> {
  readonly basePath: string;
  /** Whether `url` is under the base path (adapters pass other requests on). */
  handles(url: string | URL): boolean;
  handle(request: Request, context?: C): Promise<Response>;
}

const DEFAULT_TTL_MS = 30 * 60 * 1000;

const REMOVED_SECURE_OPTION =
  'ov-signin/server: cookie.secure is gone: the session cookie is always Secure (and __Host-). ' +
  'For plain http in development, set insecureCookiesOnHttp: true.';
const INSECURE_IN_PRODUCTION =
  'ov-signin/server: insecureCookiesOnHttp is set while NODE_ENV=production: the session cookie could go ' +
  'without Secure. Serve the app over https (behind a TLS proxy the cookie is Secure by default) and ' +
  'remove insecureCookiesOnHttp.';

function isProduction(): boolean {
  // `process` is Node's; the fetch-style core also runs where there is none.
  const { process } = globalThis as { process?: { env?: Record<string, string | undefined> } };
  return process?.env?.NODE_ENV === 'production';
}
const MAX_BODY_BYTES = 16 * 1024;

type OperationRoute = keyof typeof operations;

export function createSignInHandler<C = unknown>(options: SignInHandlerOptions<C>): SignInHandler<C> {
  return new Handler(options);
}

class Handler<C> implements SignInHandler<C> {
  readonly basePath: string;
  readonly #options: SignInHandlerOptions<C>;
  readonly #store: SessionStore;
  readonly #cookie: SessionCookie;
  readonly #ttl: number;
  readonly #locks = new SessionLocks();
  readonly #csrf: CsrfTokens;
  readonly #live: LiveSessions;
  /** okta-auth-js's HTTP cache (discovery, signing keys) of this handler's issuer, for all its sessions. */
  readonly #sharedCache = new RecordStorage();
  /** Starts waiting for the first one to fill #sharedCache: a burst of them makes one discovery call. */
  #coldStarts: Promise<unknown> = Promise.resolve();

  constructor(options: SignInHandlerOptions<C>) {
    if (options.cookie && 'secure' in options.cookie) throw new Error(REMOVED_SECURE_OPTION);
    if (options.insecureCookiesOnHttp && isProduction()) throw new Error(INSECURE_IN_PRODUCTION);
    this.#options = options;
    this.basePath = `/${(options.basePath ?? '/auth').replace(/^\/+|\/+$/g, '')}`;
    this.#store = options.store ?? new MemorySessionStore();
    this.#cookie = new SessionCookie(options.cookie ?? {}, options.insecureCookiesOnHttp ?? false);
    this.#csrf = new CsrfTokens(options.csrfSecret);
    this.#ttl = options.sessionTtlMs ?? DEFAULT_TTL_MS;
    this.#live = new LiveSessions(options.liveSessions ?? 0, this.#ttl);
  }

  handles(url: string | URL): boolean {
    return new URL(url, 'http://localhost').pathname.startsWith(`${this.basePath}/`);
  }

  async handle(request: Request, context?: C): Promise<Response> {
    try {
      return await this.#route(request, context);
    } catch (error) {
      this.#report(error);
      return failure(storeFailure(error) ?? WireError.SERVER);
    }
  }

  async #route(request: Request, context: C | undefined): Promise<Response> {
    const url = new URL(request.url);
    if (!this.handles(url)) return failure(WireError.NOT_FOUND);
    const route = url.pathname.slice(this.basePath.length + 1);
    if (route === ApiRoute.SESSION) {
      return request.method === 'GET'
        ? await this.#session(request)
        : failure(WireError.METHOD_NOT_ALLOWED, { allow: 'GET' });
    }
    if (!Object.hasOwn(operations, route)) return failure(WireError.NOT_FOUND);
    if (request.method !== 'POST') return failure(WireError.METHOD_NOT_ALLOWED, { allow: 'POST' });
    return this.#post(route as OperationRoute, request, context);
  }

  /**
   * The CSRF token of the session, opening one (setting its cookie) when the request has none, and
   * whether it holds a sign-in to resume. Stores nothing: the token is an HMAC of the cookie's
   * anchor, so anonymous calls cost no memory (a known cookie costs one read).
   */
  async #session(request: Request): Promise<Response> {
    if (isFromElsewhere(request)) return failure(WireError.FORBIDDEN);
    const cookie = this.#cookie.read(request);
    if (cookie === DUPLICATE) return failure(WireError.DUPLICATE_COOKIE);
    if (cookie) {
      const resumable = (await this.#store.get(sha256(cookie.sessionId))) !== undefined;
      return json(200, { csrfToken: this.#csrf.tokenFor(cookie.anchor), resumable } satisfies WireSession);
    }
    const fresh: SessionCookieValue = { sessionId: randomToken(), anchor: randomToken() };
    return json(200, { csrfToken: this.#csrf.tokenFor(fresh.anchor), resumable: false } satisfies WireSession, {
      'set-cookie': this.#cookie.serialize(new URL(request.url), fresh),
    });
  }

  async #post(route: OperationRoute, request: Request, context: C | undefined): Promise<Response> {
    if (isFromElsewhere(request)) return failure(WireError.FORBIDDEN);
    if (!isJson(request)) return failure(WireError.UNSUPPORTED_MEDIA_TYPE);
    const cookie = this.#cookie.read(request);
    if (cookie === DUPLICATE) return failure(WireError.DUPLICATE_COOKIE);
    if (!cookie) return failure(WireError.FORBIDDEN);
    const csrfToken = this.#csrf.tokenFor(cookie.anchor);
    if (!this.#csrf.carries(request, csrfToken)) return failure(WireError.FORBIDDEN);
    const body = await readJsonBody(request);
    if (body instanceof Response) return body;
    const key = sha256(cookie.sessionId);
    const task = () => this.#perform(route, key, cookie, csrfToken, body, request, context);
    return this.#store.withLock ? this.#store.withLock(key, task) : this.#locks.run(key, task);
  }

  async #perform(
    route: OperationRoute,
    key: string,
    cookie: SessionCookieValue,
    csrfToken: string,
    body: Record<string, unknown>,
    request: Request,
    context: C | undefined,
  ): Promise<Response> {
    // Read under the lock: the request before this one may have changed (or ended) the session.
    const record = await this.#store.get(key);
    // This process's live SDK of the session, if the record is still the write it was kept with.
    const live = this.#live.take(key, record?.revision);
    if (!record && route !== ApiRoute.START) return failure(WireError.EXPIRED);
    if (record && !constantTimeEqual(record.csrfToken, csrfToken)) return failure(WireError.FORBIDDEN);
    const sdk = live ?? new SdkSession(this.#options.okta, record?.sdkStorage ?? {}, this.#sharedCache);
    sdk.beginRequest();
    let result: OperationResult;
    try {
      const operation = () => operations[route](sdk, body, record?.offers);
      result = await (route === ApiRoute.START ? this.#whenDiscovered(operation) : operation());
    } catch (error) {
      // The session keeps the state it had before this request.
      return this.#failed(error, sdk);
    }
    const { transaction, started } = result;
    const transactionId = started || !record?.transactionId ? randomToken(18) : record.transactionId;
    const ended = transaction.status === IdxStatus.SUCCESS || transaction.status === IdxStatus.CANCELED;
    const headers = new Headers();
    // Saved before onSuccess runs: a finished sign-in cannot be continued, whatever the app does.
    if (ended) {
      if (record) await this.#store.delete(key);
    } else {
      const offers = offersToSave(transaction);
      const revision = randomToken(12);
      const next: SessionRecord = {
        csrfToken,
        sdkStorage: sdk.items,
        transactionId,
        revision,
        ...(offers && { offers }),
      };
      // Against session fixation: whoever knew the id before (or planted it) is left with nothing.
      if (started || (route === ApiRoute.PROCEED && body.step === 'identify')) {
        const rotated: SessionCookieValue = { sessionId: randomToken(), anchor: cookie.anchor };
        const rotatedKey = sha256(rotated.sessionId);
        // The old record goes first: a write that fails halfway must leave the old id naming nothing,
        // since a resume under it would ask Okta for the sign-in as it is now.
        if (record) await this.#store.delete(key);
        await this.#store.set(rotatedKey, next, this.#ttl);
        this.#live.keep(rotatedKey, revision, sdk);
        headers.append('set-cookie', this.#cookie.serialize(new URL(request.url), rotated));
      } else {
        await this.#store.set(key, next, this.#ttl);
        this.#live.keep(key, revision, sdk);
      }
    }

    let shared: SharedData | undefined;
    if (transaction.status === IdxStatus.SUCCESS) {
      try {
        shared =
          (await this.#options.onSuccess(transaction.tokens ?? {}, { request, headers, context, transaction })) ??
          undefined;
      } catch (error) {
        this.#report(error);
        return failure(WireError.SERVER);
      }
    }
    // okta-auth-js made a transaction of Okta's refusal; its status and Retry-After reach the browser.
    const refusal = transaction.requestDidSucceed === false ? sdk.refusal : undefined;
    if (refusal) headers.set('retry-after', refusal.retryAfter);
    const answer: WireResponse = {
      transaction: toWireTransaction(transaction, transactionId),
      ...(shared && { shared }),
    };
    return json(refusal?.status ?? 200, answer, headers);
  }

  /**
   * Runs a start; while okta-auth-js has not cached discovery yet, after the starts before it, so a
   * burst of first starts asks Okta for the discovery document once.
   */
  #whenDiscovered<T>(operation: () => Promise<T>): Promise<T> {
    if (this.#sharedCache.items.size > 0) return operation();
    const run = this.#coldStarts.then(operation, operation);
    this.#coldStarts = run.catch(() => undefined);
    return run;
  }

  /** What the browser learns of a failed call: a code, never the SDK's message. */
  #failed(error: unknown, sdk: SdkSession): Response {
    if (error instanceof InvalidRequestError) return failure(WireError.INVALID_REQUEST);
    if (error instanceof NoTransactionError) return failure(WireError.EXPIRED);
    const { name, errorCode, xhr } = (error ?? {}) as {
      name?: unknown;
      errorCode?: unknown;
      xhr?: { status?: unknown };
    };
    const status = typeof xhr?.status === 'number' ? xhr.status : undefined;
    const retryAfter = sdk.refusal ? { 'retry-after': sdk.refusal.retryAfter } : undefined;
    if (status === 401 || status === 403 || status === 404 || errorCode === 'invalid_grant')
      return failure(WireError.EXPIRED);
    if (status === 429) return failure(WireError.RATE_LIMITED, retryAfter);
    // No answer from Okta (okta-auth-js wraps fetch's failure in an AuthApiError without xhr), or a 5xx.
    if ((status !== undefined && status >= 500) || (name === 'AuthApiError' && xhr === undefined))
      return failure(WireError.UPSTREAM, retryAfter);
    this.#report(error);
    return failure(WireError.SERVER);
  }

  #report(error: unknown): void {
    (this.#options.onError ?? console.error)(error);
  }
}

/**
 * What the page hears when the store failed: a stale write means the sign-in moved on without this
 * request (start again); an unavailable store is worth another try, as a network problem is.
 */
function storeFailure(error: unknown): WireError | undefined {
  if (error instanceof StaleSessionError) return WireError.EXPIRED;
  if (error instanceof SessionStoreUnavailableError) return WireError.UPSTREAM;
  return undefined;
}

async function readJsonBody(request: Request): Promise<Record<string, unknown> | Response> {
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return failure(WireError.PAYLOAD_TOO_LARGE);
  const text = await request.text();
  if (new TextEncoder().encode(text).length > MAX_BODY_BYTES) return failure(WireError.PAYLOAD_TOO_LARGE);
  if (text === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return isPlainObject(parsed) ? parsed : failure(WireError.INVALID_REQUEST);
  } catch {
    return failure(WireError.INVALID_REQUEST);
  }
}
