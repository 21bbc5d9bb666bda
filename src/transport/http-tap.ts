/**
 * okta-auth-js sends every request through one pluggable function, `options.httpRequestClient`.
 * The widget reads what the SDK does not pass on (`Retry-After`, the traffic for the inspector) by
 * wrapping it, here only; the server-mode client (endpoint-client.ts) names its own transport the
 * same way so the same taps apply. This module imports nothing: `ov-signin/server` uses it too.
 */

/** What okta-auth-js's `httpRequestClient` resolves with, or throws for an answer that is not 2xx. */
export interface HttpAnswer {
  readonly status: number;
  /** Lower-case names (`retry-after`). */
  readonly headers?: Readonly<Record<string, unknown>>;
  readonly responseText?: unknown;
  readonly responseJSON?: unknown;
}

export interface HttpArgs {
  readonly headers?: Record<string, string>;
  readonly data?: unknown;
}

/** okta-auth-js's transport contract: resolves with a 2xx answer, throws any other (or fetch's own error). */
export type HttpRequestClient = (method: string, url: string, args?: HttpArgs) => Promise<HttpAnswer>;

export interface HttpRequest {
  readonly method: string;
  readonly url: string;
  readonly args?: HttpArgs;
}

/** How a tapped request ended: with an answer, or with what was thrown (an answer that is not 2xx, or none). */
export type HttpEnd =
  { readonly answer: HttpAnswer; readonly failure?: never } | { readonly answer?: never; readonly failure: unknown };

/** Called as a request leaves; what it returns, if anything, is called when the request ends. */
export type HttpTap = (request: HttpRequest) => ((end: HttpEnd) => void) | undefined;

/**
 * Wraps `client.options.httpRequestClient` so that `tap` sees each request and its end. Answers and
 * failures pass through unchanged. Returns false, touching nothing, when the client has no such option.
 */
export function tapHttpRequests(client: object, tap: HttpTap): boolean {
  const options = (client as { options?: { httpRequestClient?: HttpRequestClient } }).options;
  const send = options?.httpRequestClient;
  if (!options || !send) return false;
  options.httpRequestClient = async (method, url, args) => {
    const ended = tap({ method, url, ...(args && { args }) });
    try {
      const answer = await send(method, url, args);
      ended?.({ answer });
      return answer;
    } catch (failure) {
      ended?.({ failure });
      throw failure;
    }
  };
  return true;
}

/** The `Retry-After` header of a refused request (okta-auth-js throws the answer itself), if any. */
export function retryAfterHeader(failure: unknown): string | undefined {
  const value = (failure as HttpAnswer | undefined)?.headers?.['retry-after'];
  return typeof value === 'string' ? value : undefined;
}
