import { strings } from '../i18n/strings.js';
import { parseRetryAfter } from './backoff.js';
import { MalformedResponseError } from './snapshot.js';
import { RateLimitedError, ServerFailureError } from './transport-failure.js';
import { ProblemCode } from './types.js';
import type { OvMessage, OvProblem } from './types.js';

/** What okta-auth-js errors carry (AuthApiError / AuthSdkError / OAuthError), read defensively. */
interface SdkErrorLike {
  name?: unknown;
  errorCode?: unknown;
  errorSummary?: unknown;
  xhr?: { status?: unknown; responseJSON?: unknown; headers?: Record<string, unknown> };
}

/** okta-auth-js wraps a body that is not JSON (fetch's SyntaxError) like a network failure: no `xhr`. */
const UNREADABLE_BODY = /JSON|Unexpected (token|end|non-whitespace)|Unterminated/i;

/** What fetch's TypeError says when no answer came (Chromium, Firefox, Safari, Node). */
const NETWORK_FAILURE = /fetch|network|load failed|terminated/i;

/** The page set the widget up in a way it cannot sign in with (e.g. no `endpoint` for the server-mode-only build). */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigurationError';
  }
}

export function problem(code: ProblemCode, message: string, canRetry: boolean, messages?: readonly OvMessage[]): OvProblem {
  return { code, message, canRetry, ...(messages && { messages }) };
}

/**
 * Classifies anything a request can throw. The message is always ours: server or SDK error text
 * may be technical, and it never reaches the screen unchecked.
 */
export function toProblem(error: unknown): OvProblem {
  const e = (error ?? {}) as SdkErrorLike;
  const status = typeof e.xhr?.status === 'number' ? e.xhr.status : undefined;
  // Nothing to retry: the page has to change. The error itself (in ov-error) tells the developer what.
  if (error instanceof ConfigurationError) return problem(ProblemCode.CONFIG, strings.configNeedsEndpoint, false);
  if (error instanceof MalformedResponseError || error instanceof SyntaxError) return problem(ProblemCode.UNEXPECTED, strings.unexpectedResponse, true);
  if (error instanceof RateLimitedError) return problem(ProblemCode.RATE_LIMITED, strings.rateLimited, true);
  if (error instanceof ServerFailureError) return problem(ProblemCode.NETWORK, strings.networkError, true);
  // fetch() rejects with a TypeError when the network is down or CORS fails; okta-auth-js passes it
  // on, or wraps its message in an AuthApiError without `xhr` (no response was read). Other
  // TypeErrors come from reading a body of the wrong shape.
  if (error instanceof TypeError) {
    return NETWORK_FAILURE.test(error.message) ? problem(ProblemCode.NETWORK, strings.networkError, true) : problem(ProblemCode.UNEXPECTED, strings.unexpectedResponse, true);
  }
  if (status === 0) return problem(ProblemCode.NETWORK, strings.networkError, true);
  if (e.name === 'AuthApiError' && e.xhr === undefined) {
    const unreadable = typeof e.errorSummary === 'string' && UNREADABLE_BODY.test(e.errorSummary);
    return unreadable ? problem(ProblemCode.UNEXPECTED, strings.unexpectedResponse, true) : problem(ProblemCode.NETWORK, strings.networkError, true);
  }
  if (status === 429) return problem(ProblemCode.RATE_LIMITED, strings.rateLimited, true);
  if (status === 401 || status === 403 || status === 404 || e.errorCode === 'invalid_grant') {
    return problem(ProblemCode.EXPIRED, strings.sessionExpired, false);
  }
  if (status !== undefined && status >= 500) return problem(ProblemCode.NETWORK, strings.networkError, true);
  return problem(ProblemCode.UNEXPECTED, strings.unexpectedResponse, true);
}

/** What the server asked for with `Retry-After` (on a 429 or a 503), in milliseconds. */
export function retryAfterOf(error: unknown, recorded?: string): number | undefined {
  const headers = (error as SdkErrorLike | undefined)?.xhr?.headers;
  return parseRetryAfter(headers?.['retry-after'] ?? headers?.['Retry-After'] ?? recorded);
}

/** Failures that pass by themselves: polling keeps trying (backing off) instead of stopping. */
export function isPassing(found: OvProblem): boolean {
  return found.code === ProblemCode.NETWORK || found.code === ProblemCode.RATE_LIMITED;
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
