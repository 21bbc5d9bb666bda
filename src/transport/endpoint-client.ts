/**
 * Server mode's transport: an `OvAuthClient` that sends the flow controller's calls to the sign-in
 * API of `ov-signin/server` (src/transport/protocol.ts) instead of running okta-auth-js in the page.
 * The controller uses it unchanged: the server answers with transactions stripped of everything
 * that reaches Okta (hrefs, state handle, tokens), which this rebuilds into the fields the
 * controller reads. Nothing here imports okta-auth-js code, only its types.
 */
import type { IdxTransaction, ProceedOptions } from '@okta/okta-auth-js';
import { ApiRoute, CSRF_HEADER, POLL_REMEDIATIONS } from './protocol.js';
import type { WireResponse, WireSession, WireTransaction } from './protocol.js';
import { recordRetryAfter } from './retry-after.js';
import { ConfigurationError, CrossOriginEndpointError, EndpointError, MalformedResponseError } from '../errors.js';
import type { HttpAnswer, HttpArgs, HttpRequestClient } from './http-tap.js';
import type { OvAuthClient } from '../controller/types.js';

/** okta-auth-js options the controller passes that are not values of a step. */
const SDK_OPTIONS = new Set(['enableLegacyMode', 'useGenericRemediator', 'autoRemediate', 'step', 'actions']);

export interface EndpointClientOptions {
  /** `allow-cross-origin-endpoint`: the page accepts an endpoint on another origin (its cookie is then sent there). */
  readonly allowCrossOrigin?: boolean;
}

/**
 * Builds the client for `<ov-signin endpoint>`: `endpoint` is the API's base path or URL, on the
 * page's origin unless the page allows another. It throws CrossOriginEndpointError (the widget
 * shows it and sends `ov-error`) before any request, since the password would go there.
 */
export function createEndpointClient(endpoint: string, options: EndpointClientOptions = {}): OvAuthClient {
  const base = pinnedBase(endpoint, options.allowCrossOrigin ?? false);
  // Refused requests keep their Retry-After for the poll's back-off, as with the SDK's own client.
  return recordRetryAfter(new EndpointClient(base));
}

/**
 * The endpoint as an absolute URL, resolved against the page's own address, not `document.baseURI`:
 * a `<base href>` injected into the page (markup injection without script) must not move it.
 */
function pinnedBase(endpoint: string, allowCrossOrigin: boolean): URL {
  const page = window.location;
  if (!URL.canParse(endpoint, page.href))
    throw new ConfigurationError(`ov-signin: the endpoint ${JSON.stringify(endpoint)} is not a URL.`);
  const base = new URL(endpoint.replace(/\/+$/, ''), page.href);
  const web = base.protocol === 'https:' || base.protocol === 'http:';
  if (!web || (base.origin !== page.origin && !allowCrossOrigin))
    throw new CrossOriginEndpointError(endpoint, page.origin);
  return base;
}

class EndpointClient implements OvAuthClient {
  /** Named as okta-auth-js names its transport, so retry-after.ts and request-trace.ts tap this client too. */
  readonly options: { httpRequestClient: HttpRequestClient };
  readonly idx: OvAuthClient['idx'];
  /** Tokens stay on the server: a transaction of this client never carries any. */
  readonly tokenManager = { setTokens: (): void => undefined };
  readonly #endpoint: string;
  #csrfToken?: Promise<string>;
  /** What `GET session` said; a server that says nothing may hold a sign-in. */
  #resumable = true;

  constructor(base: URL) {
    this.#endpoint = base.href.replace(/\/+$/, '');
    // Cookies go only to the page's origin, unless the page allowed another (whose CORS must allow them).
    this.options = { httpRequestClient: sender(base.origin === window.location.origin ? 'same-origin' : 'include') };
    this.idx = {
      start: () => this.#call(ApiRoute.START, {}),
      // Only the server knows whether the session has a transaction: `proceed()` without a step asks it.
      canProceed: () => true,
      proceed: (options: ProceedOptions = {}) => this.#proceed(options),
      cancel: () => this.#call(ApiRoute.CANCEL, {}),
    };
  }

  /** Maps the controller's `proceed()` calls (flow-controller.ts) onto the API's routes. */
  #proceed(options: ProceedOptions): Promise<IdxTransaction> {
    const { step, actions } = options;
    const values = Object.fromEntries(Object.entries(options).filter(([key]) => !SDK_OPTIONS.has(key)));
    const [action] = actions ?? [];
    if (typeof action === 'string') return this.#call(ApiRoute.RESEND, { action });
    if (action)
      return this.#call(ApiRoute.RESEND, { action: action.name, ...(action.params && { params: action.params }) });
    if (!step) return this.#call(ApiRoute.START, { resume: true });
    if (POLL_REMEDIATIONS.includes(step) && Object.keys(values).length === 0)
      return this.#call(ApiRoute.POLL, { step });
    return this.#call(ApiRoute.PROCEED, { step, values });
  }

  async #call(route: ApiRoute, body: Readonly<Record<string, unknown>>): Promise<IdxTransaction> {
    const headers = { 'content-type': 'application/json', [CSRF_HEADER]: await this.#token() };
    let answer: HttpAnswer;
    try {
      // Read at call time: retry-after.ts and request-trace.ts replace it with their wrappers.
      answer = await this.options.httpRequestClient('POST', this.#url(route), { headers, data: body });
    } catch (failure) {
      // fetch's own TypeError (no answer): problems.ts reads it as a network failure.
      if (!isHttpAnswer(failure)) throw failure;
      // The session is gone (it expired, the server restarted): the next request opens a new one.
      if (failure.status === 403) this.#csrfToken = undefined;
      // Okta refused with a reason (429 with Retry-After): a transaction all the same, as okta-auth-js makes it.
      if (!isWireResponse(failure.responseJSON)) throw errorFor(failure);
      answer = failure;
    }
    if (!isWireResponse(answer.responseJSON)) throw new MalformedResponseError('an answer without a transaction');
    return this.#toTransaction(answer.responseJSON);
  }

  /** Whether the server holds a sign-in to resume, as `GET session` says (it is asked once). */
  async mayResume(): Promise<boolean> {
    await this.#token();
    return this.#resumable;
  }

  /** The session's CSRF token, asked for once (`GET session` also opens the session). */
  #token(): Promise<string> {
    this.#csrfToken ??= this.options.httpRequestClient('GET', this.#url(ApiRoute.SESSION)).then(
      (answer) => {
        const session = answer.responseJSON as Partial<WireSession> | undefined;
        if (typeof session?.csrfToken !== 'string') throw new MalformedResponseError('a session without a CSRF token');
        this.#resumable = session.resumable !== false;
        return session.csrfToken;
      },
      (failure: unknown) => {
        throw isHttpAnswer(failure) ? errorFor(failure) : failure;
      },
    );
    const token = this.#csrfToken;
    // A failed attempt is not kept: the user's retry asks again.
    token.catch(() => {
      if (this.#csrfToken === token) this.#csrfToken = undefined;
    });
    return token;
  }

  #url(route: ApiRoute): string {
    return `${this.#endpoint}/${route}`;
  }

  /**
   * The fields of an okta-auth-js transaction the controller and toSnapshot() read. The wire id
   * stands in for `context.stateHandle`, which the controller uses only to name its poll lock.
   */
  #toTransaction({ transaction: wire, shared }: WireResponse): IdxTransaction {
    const transaction = {
      status: wire.status,
      neededToProceed: wire.remediations,
      context: { ...wire.context, stateHandle: wire.id },
      actions: Object.fromEntries(wire.actions.map((name) => [name, () => this.idx.proceed({ actions: [name] })])),
      messages: wire.messages,
      requestDidSucceed: wire.requestDidSucceed,
      rawIdxState: wire.raw,
      // What the server's onSuccess shared: ov-success passes it on as `detail.shared`.
      ...(shared && { shared }),
    };
    // Not a whole IdxTransaction (no proceed(), meta or tokens): nothing the controller reads is missing.
    return transaction as unknown as IdxTransaction;
  }
}

/** okta-auth-js's transport contract over fetch: resolves with a 2xx answer, throws any other. */
const sender =
  (credentials: RequestCredentials): HttpRequestClient =>
  (method, url, args) =>
    send(method, url, credentials, args);

async function send(
  method: string,
  url: string,
  credentials: RequestCredentials,
  { headers, data }: HttpArgs = {},
): Promise<HttpAnswer> {
  const response = await fetch(url, {
    method,
    headers,
    credentials,
    cache: 'no-store',
    ...(data !== undefined && { body: JSON.stringify(data) }),
  });
  const responseText = await response.text();
  const answer = { status: response.status, headers: Object.fromEntries(response.headers), responseText };
  if (response.ok) return { ...answer, responseJSON: JSON.parse(responseText) as unknown };
  // okta-auth-js reads a refused request from the answer itself (`status`, `responseJSON`), not an Error.
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  throw { ...answer, responseJSON: parseLeniently(responseText) };
}

/** An error page from a proxy is not JSON: the status alone then tells what happened. */
function parseLeniently(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * A refusal of the API (its `{ error }` body), or a proxy's 5xx or 429, keeps its status. Any other
 * answer did not come from the API (a wrong `endpoint` answered by the app's 404 page): that is an
 * unexpected answer, not an expired sign-in.
 */
function errorFor(answer: HttpAnswer): Error {
  const fromApi = typeof (answer.responseJSON as { error?: unknown } | undefined)?.error === 'string';
  if (fromApi || answer.status >= 500 || answer.status === 429) return new EndpointError(answer);
  return new MalformedResponseError(`the sign-in endpoint answered ${answer.status}, not as its API does`);
}

function isHttpAnswer(value: unknown): value is HttpAnswer {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as HttpAnswer).status === 'number' &&
    'responseText' in value
  );
}

/** The shape the rebuilt transaction relies on; anything else is an unreadable answer. */
function isWireResponse(value: unknown): value is WireResponse {
  const wire = (value as { transaction?: Partial<WireTransaction> } | undefined)?.transaction;
  return (
    typeof wire === 'object' &&
    wire !== null &&
    typeof wire.status === 'string' &&
    typeof wire.id === 'string' &&
    Array.isArray(wire.remediations) &&
    typeof wire.context === 'object' &&
    wire.context !== null &&
    Array.isArray(wire.actions) &&
    Array.isArray(wire.messages) &&
    typeof wire.raw === 'object' &&
    wire.raw !== null
  );
}
