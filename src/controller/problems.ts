import { strings } from '../i18n/strings.js';
import { MalformedResponseError } from './snapshot.js';
import { ProblemCode } from './types.js';
import type { OvMessage, OvProblem } from './types.js';

/** What okta-auth-js errors carry (AuthApiError / AuthSdkError / OAuthError), read defensively. */
interface SdkErrorLike {
  name?: unknown;
  errorCode?: unknown;
  xhr?: { status?: unknown; responseJSON?: unknown };
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
  if (error instanceof MalformedResponseError) return problem(ProblemCode.UNEXPECTED, strings.unexpectedResponse, true);
  // fetch() rejects with a TypeError when the network is down or CORS fails; okta-auth-js passes it on.
  if (error instanceof TypeError || status === 0) return problem(ProblemCode.NETWORK, strings.networkError, true);
  if (status === 429) return problem(ProblemCode.RATE_LIMITED, strings.rateLimited, true);
  if (status === 401 || status === 403 || status === 404 || e.errorCode === 'invalid_grant') {
    return problem(ProblemCode.EXPIRED, strings.sessionExpired, false);
  }
  if (status !== undefined && status >= 500) return problem(ProblemCode.NETWORK, strings.networkError, true);
  return problem(ProblemCode.UNEXPECTED, strings.unexpectedResponse, true);
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
