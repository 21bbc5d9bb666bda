/**
 * One browser talking to the sign-in API as `<ov-signin endpoint>` does: its own cookie jar, the
 * CSRF token from `GET session`, JSON POSTs. Every answer is kept, so a test can read all the
 * browser received.
 */
import { CSRF_HEADER } from '../../../src/transport/protocol.ts';
import type { WireResponse, WireSession } from '../../../src/transport/protocol.ts';

export interface Answer {
  readonly route: string;
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The parsed body; `{}` when it is not JSON. */
  readonly json: Partial<WireResponse> & Partial<WireSession> & { error?: string };
}

export interface PostOptions {
  /** Default: this session's token; `null` sends none. */
  csrf?: string | null;
  /** Default: this session's cookie; `null` sends none. */
  cookie?: string | null;
  headers?: Record<string, string>;
  /** Default `application/json`. */
  contentType?: string;
  /** The raw body, instead of the JSON of `body`. */
  rawBody?: string;
}

/** What Chromium sends with a same-origin fetch. */
export const SAME_ORIGIN = { 'sec-fetch-site': 'same-origin' } as const;

export class BrowserSession {
  cookie?: string;
  csrfToken?: string;
  readonly answers: Answer[] = [];

  constructor(
    readonly base: string,
    readonly browserHeaders: Record<string, string> = SAME_ORIGIN,
  ) {}

  /** `GET session`: keeps the cookie it sets and the CSRF token. */
  async open(headers: Record<string, string> = {}): Promise<Answer> {
    const answer = await this.#send('session', {
      method: 'GET',
      headers: { ...this.browserHeaders, ...this.#cookieHeader(this.cookie), ...headers },
    });
    const set = answer.headers.getSetCookie()[0];
    if (set) this.cookie = set.split(';')[0];
    if (answer.json.csrfToken) this.csrfToken = answer.json.csrfToken;
    return answer;
  }

  async post(route: string, body: object = {}, options: PostOptions = {}): Promise<Answer> {
    const csrf = options.csrf === undefined ? this.csrfToken : options.csrf;
    const cookie = options.cookie === undefined ? this.cookie : options.cookie;
    return this.#send(route, {
      method: 'POST',
      headers: {
        ...this.browserHeaders,
        'content-type': options.contentType ?? 'application/json',
        ...(csrf !== null && csrf !== undefined && { [CSRF_HEADER]: csrf }),
        ...this.#cookieHeader(cookie),
        ...options.headers,
      },
      body: options.rawBody ?? JSON.stringify(body),
    });
  }

  /** A browser keeps the new value when the server rotates the session id (at start, after identify). */
  #adoptRotatedCookie(headers: Headers): void {
    const name = this.cookie?.split('=')[0];
    const rotated = headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
    if (name && rotated) this.cookie = rotated.split(';')[0];
  }

  #cookieHeader(cookie: string | null | undefined): Record<string, string> {
    return cookie ? { cookie } : {};
  }

  async #send(route: string, init: RequestInit): Promise<Answer> {
    const response = await fetch(`${this.base}/${route}`, init);
    const text = await response.text();
    let json = {};
    try {
      json = JSON.parse(text) as object;
    } catch {
      // Not JSON: the test reads `text`.
    }
    const answer = { route, status: response.status, headers: response.headers, text, json };
    this.answers.push(answer);
    this.#adoptRotatedCookie(response.headers);
    return answer;
  }
}
