import {
  ConfigurationError,
  CrossOriginEndpointError,
  MalformedResponseError,
  RateLimitedError,
  ServerFailureError,
} from '../errors.js';
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

/**
 * What each code means, in English, for developers reading `ov-error` or logs. It is not UI text:
 * elements word a problem from its code, in their own locale (src/i18n/problem-text.ts).
 */
const EXPLANATIONS: Readonly<Record<ProblemCode, string>> = {
  [ProblemCode.NETWORK]: 'The sign-in service could not be reached (no answer, or a 5xx status).',
  [ProblemCode.RATE_LIMITED]: 'The sign-in service refused the request as one too many (429).',
  [ProblemCode.EXPIRED]: 'The server no longer knows this sign-in (expired or replaced); a new one begins.',
  [ProblemCode.UNEXPECTED]: 'The sign-in service sent a response that could not be read.',
  [ProblemCode.REFUSED]:
    "The sign-in service refused the request with an OAuth error; messages hold Okta's description.",
  [ProblemCode.INVALID_INPUT]: 'The server refused the submitted values; its messages say why.',
  [ProblemCode.CONFIG]: 'The widget cannot sign in as configured; the error says what is missing.',
  [ProblemCode.TOKENS]: 'Signed in, but the tokens could not be saved in the token manager.',
  [ProblemCode.QR_REFUSED]: 'The QR code was not a PNG or GIF data URI, so it was not shown.',
  [ProblemCode.CROSS_ORIGIN_ENDPOINT]:
    "The endpoint is on another origin than the page's; nothing was sent (see allow-cross-origin-endpoint).",
};

export function problem(code: ProblemCode, canRetry: boolean, messages?: readonly OvMessage[]): OvProblem {
  return { code, message: EXPLANATIONS[code], canRetry, ...(messages && { messages }) };
}

/**
 * Classifies anything a request can throw into a code. SDK error text may be technical: it never
 * reaches the screen (the error itself goes to developers in `ov-error`); Okta's own description
 * of an OAuth error does, as a message.
 */
export function toProblem(error: unknown): OvProblem {
  const e = (error ?? {}) as SdkErrorLike;
  const status = typeof e.xhr?.status === 'number' ? e.xhr.status : undefined;
  // Nothing to retry: the page has to change. The error itself (in ov-error) tells the developer what.
  if (error instanceof CrossOriginEndpointError) return problem(ProblemCode.CROSS_ORIGIN_ENDPOINT, false);
  if (error instanceof ConfigurationError) return problem(ProblemCode.CONFIG, false);
  if (error instanceof MalformedResponseError || error instanceof SyntaxError)
    return problem(ProblemCode.UNEXPECTED, true);
  if (error instanceof RateLimitedError)
    return problem(ProblemCode.RATE_LIMITED, true, error.messages.length > 0 ? error.messages : undefined);
  if (error instanceof ServerFailureError) return problem(ProblemCode.NETWORK, true);
  // fetch() rejects with a TypeError when the network is down or CORS fails; okta-auth-js passes it
  // on, or wraps its message in an AuthApiError without `xhr` (no response was read). Other
  // TypeErrors come from reading a body of the wrong shape.
  if (error instanceof TypeError) {
    return NETWORK_FAILURE.test(error.message)
      ? problem(ProblemCode.NETWORK, true)
      : problem(ProblemCode.UNEXPECTED, true);
  }
  if (status === 0) return problem(ProblemCode.NETWORK, true);
  if (e.name === 'AuthApiError' && e.xhr === undefined) {
    const unreadable = typeof e.errorSummary === 'string' && UNREADABLE_BODY.test(e.errorSummary);
    return unreadable ? problem(ProblemCode.UNEXPECTED, true) : problem(ProblemCode.NETWORK, true);
  }
  if (status === 429) return problem(ProblemCode.RATE_LIMITED, true);
  if (status === 401 || status === 403 || status === 404 || e.errorCode === 'invalid_grant') {
    return problem(ProblemCode.EXPIRED, false);
  }
  if (status !== undefined && status >= 500) return problem(ProblemCode.NETWORK, true);
  // An OAuth error (at interact or token) says what is wrong: Okta's widget shows it, and so does this one.
  if (e.name === 'OAuthError' && typeof e.errorSummary === 'string' && e.errorSummary.trim())
    return problem(ProblemCode.REFUSED, true, [{ text: e.errorSummary, level: 'error' }]);
  return problem(ProblemCode.UNEXPECTED, true);
}

/** Failures that pass by themselves: polling keeps trying (backing off) instead of stopping. */
export function isPassing(found: OvProblem): boolean {
  return found.code === ProblemCode.NETWORK || found.code === ProblemCode.RATE_LIMITED;
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
