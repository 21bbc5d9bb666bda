/**
 * Cross-site request forgery defences, in layers: the cookie is SameSite (the browser does not send
 * it with requests another site starts), requests that say they come from elsewhere are refused,
 * state-changing requests must be JSON (a form or a "simple" fetch cannot send that without a CORS
 * preflight, which this server never grants), and they must carry the CSRF token bound to the
 * session's cookie, which only a page of this origin can read (from `GET session`).
 */
import { randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { CSRF_HEADER } from '../transport/protocol.js';
import { constantTimeEqual, hmacKey, hmacSha256 } from './random.js';

/** Shorter secrets could be guessed offline from one token. */
const MIN_SECRET_LENGTH = 32;

/**
 * The browser says another origin (or the user, typing the URL) started this request:
 * `Sec-Fetch-Site` where browsers send it, else an `Origin` other than the request's own (scheme,
 * host and port). Requests with neither come from other programs, and still need the token.
 */
export function isFromElsewhere(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site !== null) return site !== 'same-origin';
  const origin = request.headers.get('origin');
  if (origin === null) return false;
  try {
    return new URL(origin).origin !== new URL(request.url).origin;
  } catch {
    // `Origin: null` (sandboxed frames, some redirects) names no one we trust.
    return true;
  }
}

/** `application/json`, with or without parameters. */
export function isJson(request: Request): boolean {
  return /^application\/json\s*(;|$)/i.test(request.headers.get('content-type') ?? '');
}

/**
 * Stateless CSRF tokens: an HMAC of the cookie's anchor under the handler's secret. `GET session`
 * stores nothing, so anonymous requests cannot fill the store. Every process that answers the
 * same browsers needs the same secret.
 */
export class CsrfTokens {
  readonly #key: KeyObject;

  /** `secret`: the app's (several processes); without it, random to this process. */
  constructor(secret?: string) {
    if (secret !== undefined && secret.length < MIN_SECRET_LENGTH)
      throw new Error(`ov-signin/server: csrfSecret must be at least ${MIN_SECRET_LENGTH} characters`);
    this.#key = hmacKey(secret ?? randomBytes(32));
  }

  tokenFor(anchor: string): string {
    return hmacSha256(this.#key, anchor);
  }

  /**
   * The request's CSRF header carries the session's `token` (tokenFor its anchor, computed once per
   * request by the caller), compared in constant time.
   */
  carries(request: Request, token: string): boolean {
    const sent = request.headers.get(CSRF_HEADER);
    return sent !== null && constantTimeEqual(sent, token);
  }
}
