/**
 * okta-auth-js for one session. The SDK keeps a sign-in in its storage (transaction meta, the last
 * IDX response); here that storage is the session record's `sdkStorage`, so an `OktaAuth` can be
 * built from plain data by any process and any session store can hold a sign-in. Between the
 * requests of a session, this process may keep it alive instead (live-sessions.ts).
 */
import { OktaAuth } from '@okta/okta-auth-js/idx';
import type { OktaAuthOptions, SimpleStorage } from '@okta/okta-auth-js/idx';
import { retryAfterHeader, tapHttpRequests } from '../transport/http-tap.js';

/** The app's settings for `OktaAuth`; storage is ours. `issuer`, `clientId` and `redirectUri` are required. */
export type OktaSettings = Omit<OktaAuthOptions, 'storageManager' | 'issuer' | 'clientId' | 'redirectUri'> &
  Required<Pick<OktaAuthOptions, 'issuer' | 'clientId' | 'redirectUri'>>;

/**
 * Every section the SDK stores of a session; each given a provider, so the SDK does not warn about
 * server-side memory storage. The `cache` section (discovery document, signing keys) is not the
 * session's: it is shared by the handler's sessions (`SdkSession`'s `sharedCache`).
 */
const SESSION_SECTIONS = ['token', 'transaction', 'shared-transaction', 'original-uri'];

/** An Okta answer that asked to wait (`Retry-After`, on a 429 or a 503). */
export interface UpstreamRefusal {
  readonly status: number;
  readonly retryAfter: string;
}

/** okta-auth-js storage over plain data (also the Node tests' storage: test/sim/support/sdk-client.ts). */
export class RecordStorage implements SimpleStorage {
  readonly items: Map<string, string>;

  constructor(items: Readonly<Record<string, string>> = {}) {
    this.items = new Map(Object.entries(items));
  }

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }
}

export class SdkSession {
  readonly auth: OktaAuth;
  readonly #storage: RecordStorage;
  #refusal?: UpstreamRefusal;

  /**
   * `sharedCache`: okta-auth-js's HTTP cache for all sessions of one issuer in this process, so
   * discovery and the signing keys are fetched once, not once per session (anonymous starts
   * cannot multiply calls to Okta).
   */
  constructor(settings: OktaSettings, items: Readonly<Record<string, string>>, sharedCache: RecordStorage) {
    this.#storage = new RecordStorage(items);
    this.auth = new OktaAuth({
      ...settings,
      storageManager: {
        ...Object.fromEntries(SESSION_SECTIONS.map((section) => [section, { storageProvider: this.#storage }])),
        cache: { storageProvider: sharedCache },
      },
    });
    this.#watchRefusals();
  }

  /** The storage to save back into the session record. */
  get items(): Record<string, string> {
    return Object.fromEntries(this.#storage.items);
  }

  /**
   * Begins a request: an `SdkSession` may serve several requests of its session (live-sessions.ts),
   * and a refusal belongs to the request that met it.
   */
  beginRequest(): void {
    this.#refusal = undefined;
  }

  /** The last Okta answer of this request that carried `Retry-After`, if any. */
  get refusal(): UpstreamRefusal | undefined {
    return this.#refusal;
  }

  /**
   * okta-auth-js drops response headers when it turns a refused IDX request into a transaction;
   * its HTTP client still sees them, so `Retry-After` is read there and passed on to the browser.
   */
  #watchRefusals(): void {
    tapHttpRequests(this.auth, () => ({ failure }) => {
      const status = (failure as { status?: unknown } | undefined)?.status;
      const retryAfter = retryAfterHeader(failure);
      if (typeof status === 'number' && retryAfter !== undefined) this.#refusal = { status, retryAfter };
    });
  }
}
