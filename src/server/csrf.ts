/**
 * Cross-site request forgery defences, in layers: the cookie is SameSite (the browser does not send
 * it with requests another site starts), requests that say they come from elsewhere are refused,
 * state-changing requests must be JSON (a form or a "simple" fetch cannot send that without a CORS
 * preflight, which this server never grants), and they must carry the session's CSRF token, which
 * only a page of this origin can read (from `GET session`).
 */
import { CSRF_HEADER } from '../transport/protocol.js';
import { constantTimeEqual } from './random.js';
import type { SessionRecord } from './session-store.js';

/**
 * The browser says another origin (or the user, typing the URL) started this request:
 * `Sec-Fetch-Site` where browsers send it, else an `Origin` naming another host. Requests with
 * neither come from other programs, and still need the token.
 */
export function isFromElsewhere(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site !== null) return site !== 'same-origin';
  const origin = request.headers.get('origin');
  if (origin === null) return false;
  try {
    return new URL(origin).host !== new URL(request.url).host;
  } catch {
    // `Origin: null` (sandboxed frames, some redirects) names no one we trust.
    return true;
  }
}

/** `application/json`, with or without parameters. */
export function isJson(request: Request): boolean {
  return /^application\/json\s*(;|$)/i.test(request.headers.get('content-type') ?? '');
}

export function carriesToken(request: Request, record: SessionRecord): boolean {
  const sent = request.headers.get(CSRF_HEADER);
  return sent !== null && constantTimeEqual(sent, record.csrfToken);
}
