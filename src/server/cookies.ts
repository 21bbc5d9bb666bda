/** The session cookie: HttpOnly, SameSite, Secure wherever the browser accepts it. */
import { parseCookie, stringifySetCookie } from 'cookie';

export interface SessionCookieOptions {
  /** Default `ov-session`; when Secure, the browser gets `__Host-` before it (host-only, Path=/, Secure). */
  name?: string;
  /**
   * `auto` (default): Secure on https, and on loopback hosts (localhost, 127.0.0.1, [::1]) whose
   * plain http browsers treat as secure; not Secure elsewhere on plain http (a development box on
   * a LAN address would never get the cookie back otherwise).
   */
  secure?: boolean | 'auto';
  /** Default `Strict`: never sent by requests another site starts. `None` is not offered. */
  sameSite?: 'Strict' | 'Lax';
}

const LOOPBACK = /^(localhost|.+\.localhost|127(\.\d{1,3}){3}|\[::1\])$/i;
/** What randomToken() makes; any other value is not one of our sessions. */
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

export class SessionCookie {
  readonly #baseName: string;
  readonly #secure: boolean | 'auto';
  readonly #sameSite: 'Strict' | 'Lax';

  constructor({ name = 'ov-session', secure = 'auto', sameSite = 'Strict' }: SessionCookieOptions = {}) {
    if (!/^[A-Za-z0-9_-]+$/.test(name))
      throw new Error(`ov-signin/server: the cookie name "${name}" is not a plain token`);
    this.#baseName = name;
    this.#secure = secure;
    this.#sameSite = sameSite;
  }

  isSecure(url: URL): boolean {
    if (this.#secure !== 'auto') return this.#secure;
    return url.protocol === 'https:' || LOOPBACK.test(url.hostname);
  }

  nameFor(url: URL): string {
    return this.isSecure(url) ? `__Host-${this.#baseName}` : this.#baseName;
  }

  /** The session id the request's cookie names, if it looks like one of ours. */
  read(request: Request): string | undefined {
    // The first cookie of that name, as a browser sends the most specific one first.
    const value = parseCookie(request.headers.get('cookie') ?? '')[this.nameFor(new URL(request.url))];
    return value !== undefined && SESSION_ID.test(value) ? value : undefined;
  }

  /**
   * A session cookie (no Max-Age: it ends with the browser; the store's lifetime ends it sooner).
   * Path=/ because `__Host-` requires it; HttpOnly keeps it from the page's scripts.
   */
  serialize(url: URL, sessionId: string): string {
    return stringifySetCookie({
      name: this.nameFor(url),
      value: sessionId,
      path: '/',
      httpOnly: true,
      secure: this.isSecure(url),
      sameSite: this.#sameSite === 'Strict' ? 'strict' : 'lax',
    });
  }
}
