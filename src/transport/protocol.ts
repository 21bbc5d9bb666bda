/**
 * The JSON API between `<ov-signin endpoint>` (src/transport/endpoint-client.ts) and the server
 * part (`ov-signin/server`). This file has no imports: both sides read it, and neither pulls the
 * other's code in. docs/server-mode.md describes the API for people.
 */

/** Paths under the handler's base path (e.g. `/auth/session`). */
export const ApiRoute = {
  /** GET: the session's CSRF token; opens a session (sets the cookie) when there is none. */
  SESSION: 'session',
  /** POST `{ resume?: boolean }`: a new transaction, or with `resume` the session's current one. */
  START: 'start',
  /** POST `{ step, values }`: answers a remediation of the current transaction. */
  PROCEED: 'proceed',
  /** POST `{ step }`: one poll of `enroll-poll` or `challenge-poll`. */
  POLL: 'poll',
  /**
   * POST `{ action, params? }`: a `…-resend` action of the current transaction, or the `…-cancel`
   * of a FastPass poll with its `reason` (and `statusCode`).
   */
  RESEND: 'resend',
  /** POST: cancels the current transaction. */
  CANCEL: 'cancel',
} as const;
export type ApiRoute = (typeof ApiRoute)[keyof typeof ApiRoute];

/** The header that carries the CSRF token on every POST. */
export const CSRF_HEADER = 'x-ov-csrf';

/** The remediations `poll` accepts. */
export const POLL_REMEDIATIONS: readonly string[] = ['enroll-poll', 'challenge-poll', 'device-challenge-poll'];

/** The cancel forms of a FastPass poll, as okta-auth-js names them (the only actions sent with params). */
export const FASTPASS_CANCEL_ACTIONS: readonly string[] = [
  'currentAuthenticator-cancel',
  'authenticatorChallenge-cancel',
];

/** The values a `proceed` may carry (what the widget's screens send); anything else is refused. */
export const PROCEED_VALUE_KEYS: readonly string[] = [
  'username',
  'password',
  'verificationCode',
  'authenticator',
  'methodType',
  'channel',
  'email',
  'phoneNumber',
  // "Keep me signed in" (identify), and "Send push automatically" (`[{ id, methodType, autoChallenge }]`).
  'rememberMe',
  'authenticatorsData',
];

/** Keys of an `authenticator` object value (a picker option: `{ id, methodType?, enrollmentId? }`). */
export const AUTHENTICATOR_KEYS: readonly string[] = ['id', 'methodType', 'enrollmentId'];

export type WireStatus = 'PENDING' | 'SUCCESS' | 'TERMINAL' | 'CANCELED' | 'FAILURE';

/** An IDX message, as okta-auth-js gives it. */
export interface WireMessage {
  readonly message: string;
  readonly i18n?: { readonly key?: string; readonly params?: readonly unknown[] };
  readonly class?: string;
}

/**
 * A remediation without what only a client that calls Okta needs (`href`, `method`, `rel`,
 * `accepts`, `produces`) and without its `stateHandle` field: `name`, `value` (the form),
 * `relatesTo`, `refresh`.
 */
export interface WireRemediation {
  readonly name: string;
  readonly value?: readonly unknown[];
  readonly relatesTo?: unknown;
  readonly refresh?: number;
}

/**
 * One sign-in transaction as the browser sees it: what the widget renders, nothing it could use to
 * reach Okta by itself. No state handle, interaction handle or code, PKCE verifier or token.
 */
export interface WireTransaction {
  readonly status: WireStatus;
  /** Opaque, random, one per transaction (stands where the widget expects `context.stateHandle`). */
  readonly id: string;
  readonly remediations: readonly WireRemediation[];
  /** The IDX context entries the screens read (user, authenticators, app…). */
  readonly context: Readonly<Record<string, unknown>>;
  /** Names of the transaction's actions (`cancel`, `currentAuthenticator-resend`…). */
  readonly actions: readonly string[];
  readonly messages: readonly WireMessage[];
  readonly requestDidSucceed?: boolean;
  /**
   * What tells a real IDX answer from a failure okta-auth-js turned into a TERMINAL transaction
   * (an Okta error body): `version` for the former, `errorCode` for the latter.
   */
  readonly raw: { readonly version?: string; readonly errorCode?: string };
}

/** The body of every answer that carries a transaction. */
export interface WireResponse {
  readonly transaction: WireTransaction;
  /** On SUCCESS only: what the server's `onSuccess` chose to share with the page. */
  readonly shared?: Readonly<Record<string, unknown>>;
}

/** The body of `GET session`. */
export interface WireSession {
  readonly csrfToken: string;
  /**
   * The session holds a sign-in that `start` with `resume` would continue. When it does not, the
   * widget shows the sign-in form at once, while the server asks Okta to start.
   */
  readonly resumable: boolean;
}

/** Error codes of an answer without a transaction (`{ error }`). */
export const WireError = {
  /** No session, or the session's CSRF token was missing or wrong, or the request came from another site. */
  FORBIDDEN: 'forbidden',
  /** The session has no transaction to continue, or Okta no longer knows it. */
  EXPIRED: 'expired',
  /** The body asked for something the current transaction does not offer, or is not JSON. */
  INVALID_REQUEST: 'invalid-request',
  UNSUPPORTED_MEDIA_TYPE: 'unsupported-media-type',
  NOT_FOUND: 'not-found',
  METHOD_NOT_ALLOWED: 'method-not-allowed',
  PAYLOAD_TOO_LARGE: 'payload-too-large',
  /** The request carried two session cookies (one planted by a sibling site, say): refused rather than guessed. */
  DUPLICATE_COOKIE: 'duplicate-session-cookie',
  /** The body did not arrive in time. */
  REQUEST_TIMEOUT: 'request-timeout',
  /** Okta refused for rate; `Retry-After` says when to try again. */
  RATE_LIMITED: 'rate-limited',
  /** Okta could not be reached or failed. */
  UPSTREAM: 'upstream',
  /** The server failed (e.g. the app's `onSuccess` threw). */
  SERVER: 'server',
} as const;
export type WireError = (typeof WireError)[keyof typeof WireError];
