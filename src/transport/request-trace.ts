/**
 * The one hook developer tools (the flow inspector, `ov-signin/inspector`) have on the HTTP traffic
 * of a sign-in. It is kept tiny because it ships to every page: with nobody observing, a transport
 * pays one WeakMap lookup per request. What is reported is raw (bodies with passwords and tokens):
 * masking is the observer's job, so the core carries no masking code.
 */

import { tapHttpRequests } from './http-tap.js';
import type { HttpAnswer } from './http-tap.js';

/** The answer to a traced request. `status` 0: no answer (network failure, CORS, abort). */
export interface OvTracedResponse {
  readonly status: number;
  readonly body?: unknown;
  /** `performance.now()` when the answer (or the failure) came. */
  readonly end: number;
}

export interface OvTracedRequest {
  readonly method: string;
  readonly url: string;
  readonly body?: unknown;
  /** `performance.now()` when the request left. */
  readonly start: number;
  readonly response: Promise<OvTracedResponse>;
}

/** Called as each request leaves; `request.response` settles (never rejects) when it ends. */
export type OvRequestObserver = (request: OvTracedRequest) => void;

/** Reports the end of a traced request. */
export type OvRequestDone = (status: number, body?: unknown) => void;

/** The observers of each transport: an okta-auth-js client, or any object that sends the flow's requests. */
const observersOf = new WeakMap<object, ReadonlySet<OvRequestObserver>>();
const noop: OvRequestDone = () => {};

/**
 * For transports: call as a request leaves, then call what it returns with the answer's status and
 * body (status 0 when there is none).
 */
export function traceRequest(transport: object, method: string, url: string, body?: unknown): OvRequestDone {
  const observers = observersOf.get(transport);
  if (!observers?.size) return noop;
  let settle!: (response: OvTracedResponse) => void;
  const response = new Promise<OvTracedResponse>((resolve) => (settle = resolve));
  const request: OvTracedRequest = { method, url, body, start: performance.now(), response };
  for (const observer of observers) observer(request);
  return (status, answer) => settle({ status, body: answer, end: performance.now() });
}

const bodyOf = (answer: Partial<HttpAnswer> | undefined) => answer?.responseJSON ?? answer?.responseText;

/**
 * Reports `transport`'s requests to `observers` (a live set: its owner adds and removes). An
 * okta-auth-js client gets its `httpRequestClient` wrapped, once, and only here: a page's own client
 * is touched only when someone observes it. Other transports call `traceRequest` themselves.
 */
export function watchRequests(transport: object, observers: ReadonlySet<OvRequestObserver>): void {
  const wrapped = observersOf.has(transport);
  observersOf.set(transport, observers);
  if (wrapped) return;
  tapHttpRequests(transport, ({ method, url, args }) => {
    const done = traceRequest(transport, method, url, args?.data);
    return ({ answer, failure }) => {
      const ended = (answer ?? failure) as Partial<HttpAnswer> | undefined;
      done(ended?.status ?? (answer ? 200 : 0), bodyOf(ended));
    };
  });
}
