/** Every answer of the API: JSON, never cached, never sniffed. */
import { WireError } from '../transport/protocol.js';

const BASE_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

export function json(status: number, body: unknown, headers: HeadersInit = {}): Response {
  const all = new Headers(BASE_HEADERS);
  // Iterating Headers yields each Set-Cookie on its own, so several cookies survive.
  for (const [name, value] of new Headers(headers)) all.append(name, value);
  return new Response(JSON.stringify(body), { status, headers: all });
}

const STATUS: Readonly<Record<WireError, number>> = {
  [WireError.FORBIDDEN]: 403,
  // 404: what the widget (problems.ts) reads as "this sign-in is gone", as it does for Okta's answers.
  [WireError.EXPIRED]: 404,
  [WireError.INVALID_REQUEST]: 400,
  [WireError.UNSUPPORTED_MEDIA_TYPE]: 415,
  [WireError.NOT_FOUND]: 404,
  [WireError.METHOD_NOT_ALLOWED]: 405,
  [WireError.PAYLOAD_TOO_LARGE]: 413,
  [WireError.DUPLICATE_COOKIE]: 400,
  [WireError.REQUEST_TIMEOUT]: 408,
  [WireError.RATE_LIMITED]: 429,
  [WireError.UPSTREAM]: 502,
  [WireError.SERVER]: 500,
};

export function failure(error: WireError, headers: HeadersInit = {}): Response {
  return json(STATUS[error], { error }, headers);
}
