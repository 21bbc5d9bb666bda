/**
 * The session cookie: HttpOnly, SameSite, and Secure with the `__Host-` prefix unless the app opts
 * out for plain http. Secure does not depend on the protocol the handler sees: behind a
 * TLS-terminating proxy that looks like plain http, and the cookie must stay Secure there.
 */
import { stringifySetCookie } from 'cookie';

export interface SessionCookieOptions {
  /** Default `ov-session`; when Secure (the default), the browser gets `__Host-` before it (host-only, Path=/, Secure). */
  name?: string;
  /** Default `Strict`: never sent by requests another site starts. `None` is not offered. */
  sameSite?: 'Strict' | 'Lax';
}

/**
 * What the cookie holds: the session id, which changes when a transaction starts and after
 * identify (against session fixation), and the anchor of the CSRF token, which stays for the
 * browser session so the page's token stays valid across those changes.
 */
export interface SessionCookieValue {
  readonly sessionId: string;
  readonly anchor: string;
}

/** Two cookies of the session's name: one may have been planted by a sibling site; neither is taken. */
export const DUPLICATE = Symbol('duplicate session cookie');

/** Two randomToken()s; any other value is not one of our cookies. */
const VALUE = /^([A-Za-z0-9_-]{43})\.([A-Za-z0-9_-]{43})$/;

export class SessionCookie {
  readonly #baseName: string;
  readonly #sameSite: 'Strict' | 'Lax';
  readonly #insecureOnHttp: boolean;

  constructor({ name = 'ov-session', sameSite = 'Strict' }: SessionCookieOptions, insecureOnHttp: boolean) {
    if (!/^[A-Za-z0-9_-]+$/.test(name))
      throw new Error(`ov-signin/server: the cookie name "${name}" is not a plain token`);
    this.#baseName = name;
    this.#sameSite = sameSite;
    this.#insecureOnHttp = insecureOnHttp;
  }

  isSecure(url: URL): boolean {
    return !this.#insecureOnHttp || url.protocol === 'https:';
  }

  nameFor(url: URL): string {
    return this.isSecure(url) ? `__Host-${this.#baseName}` : this.#baseName;
  }

  /** The request's cookie of the session's name, if it looks like one of ours; DUPLICATE when there are several. */
  read(request: Request): SessionCookieValue | typeof DUPLICATE | undefined {
    const name = this.nameFor(new URL(request.url));
    const values = (request.headers.get('cookie') ?? '')
      .split(';')
      .map((pair) => pair.trim())
      .filter((pair) => pair.slice(0, pair.indexOf('=')).trim() === name)
      .map((pair) => pair.slice(pair.indexOf('=') + 1).trim());
    if (values.length > 1) return DUPLICATE;
    const [, sessionId, anchor] = VALUE.exec(values[0] ?? '') ?? [];
    return sessionId && anchor ? { sessionId, anchor } : undefined;
  }

  /**
   * A session cookie (no Max-Age: it ends with the browser; the store's lifetime ends it sooner).
   * Path=/ because `__Host-` requires it; HttpOnly keeps it from the page's scripts.
   */
  serialize(url: URL, { sessionId, anchor }: SessionCookieValue): string {
    return stringifySetCookie({
      name: this.nameFor(url),
      value: `${sessionId}.${anchor}`,
      path: '/',
      httpOnly: true,
      secure: this.isSecure(url),
      sameSite: this.#sameSite === 'Strict' ? 'strict' : 'lax',
    });
  }
}
