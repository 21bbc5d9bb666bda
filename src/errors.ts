import type { OvMessage } from './controller/types.js';
/**
 * Every error the widget itself throws in the page. problems.ts turns each into a problem code;
 * the error itself reaches developers in `ov-error`'s `detail.error`. (`ov-signin/server` keeps its
 * own, in src/server/errors.ts: it never runs in the page.)
 */

/** A response lacks what its own step needs (or is no IDX response at all). */
export class MalformedResponseError extends Error {
  constructor(detail: string) {
    super(`Malformed IDX response: ${detail}`);
    this.name = 'MalformedResponseError';
  }
}

/** The page set the widget up in a way it cannot sign in with (e.g. no `endpoint` for the server-mode-only build). */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigurationError';
  }
}

/**
 * `endpoint` points at another origin than the page's, and the page did not opt in with
 * `allow-cross-origin-endpoint`: the password would go there, so nothing is sent.
 */
export class CrossOriginEndpointError extends ConfigurationError {
  constructor(endpoint: string, pageOrigin: string) {
    super(
      `ov-signin: the endpoint ${JSON.stringify(endpoint.slice(0, 200))} is not on this page's origin (${pageOrigin}), so the password would go to another site; nothing was sent. Use a path on this origin (e.g. "/auth"), or set allow-cross-origin-endpoint if the other origin is yours.`,
    );
    this.name = 'CrossOriginEndpointError';
  }
}

/** The server answered, but with an error that is not a sign-in step (a 5xx, Okta's API error body). */
export class ServerFailureError extends Error {
  constructor() {
    super('The server answered with an error instead of a sign-in step');
    this.name = 'ServerFailureError';
  }
}

/** Okta refused the request for its rate (a 429 in the IDX envelope, key `tooManyRequests`, or E0000047). */
export class RateLimitedError extends Error {
  /** Okta's messages from the refusing body ("Too many requests"), shown with the problem. */
  readonly messages: readonly OvMessage[];

  constructor(messages: readonly OvMessage[] = []) {
    super('Rate limited');
    this.name = 'RateLimitedError';
    this.messages = messages;
  }
}

/**
 * The server-mode endpoint answered with an error, not a transaction. It carries `xhr` as
 * okta-auth-js's AuthApiError does, so problems.ts classifies it the same way: 403/404 the sign-in
 * is gone, 429 rate-limited (with `Retry-After`), 5xx a network problem, anything else unexpected.
 */
export class EndpointError extends Error {
  readonly xhr: { readonly status: number; readonly headers?: Readonly<Record<string, unknown>> };

  constructor(answer: EndpointError['xhr']) {
    super(`The sign-in server answered ${answer.status}`);
    this.name = 'EndpointError';
    this.xhr = answer;
  }
}
