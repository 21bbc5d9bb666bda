/**
 * okta-auth-js for one request of one session. The SDK keeps a sign-in in its storage (transaction
 * meta, the last IDX response); here that storage is the session record's `sdkStorage`, so an
 * `OktaAuth` is built per request from plain data and any session store can hold a sign-in.
 */
import { OktaAuth } from '@okta/okta-auth-js/idx';
import type { OktaAuthOptions, SimpleStorage } from '@okta/okta-auth-js/idx';
import { retryAfterHeader, tapHttpRequests } from '../transport/http-tap.js';

/** The app's settings for `OktaAuth`; storage is ours. `issuer`, `clientId` and `redirectUri` are required. */
export type OktaSettings = Omit<OktaAuthOptions, 'storageManager' | 'issuer' | 'clientId' | 'redirectUri'> &
  Required<Pick<OktaAuthOptions, 'issuer' | 'clientId' | 'redirectUri'>>;

/** Every section the SDK stores; each given a provider, so the SDK does not warn about server-side memory storage. */
const STORAGE_SECTIONS = ['token', 'cache', 'transaction', 'shared-transaction', 'original-uri'];

/**
 * Discovery documents and keys (the SDK's `cache` section) are the same for every session: one
 * copy per process rather than one per session record, where it was a fifth of each (about 1.9 kB).
 */
const sharedCache = new Map<string, RecordStorage>();

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

  constructor(settings: OktaSettings, items: Readonly<Record<string, string>>) {
    this.#storage = new RecordStorage(items);
    this.auth = new OktaAuth({
      ...settings,
      storageManager: Object.fromEntries(
        STORAGE_SECTIONS.map((section) => [
          section,
          { storageProvider: section === 'cache' ? cacheFor(settings.issuer) : this.#storage },
        ]),
      ),
    });
    this.#watchRefusals();
  }

  /** The storage to save back into the session record. */
  get items(): Record<string, string> {
    return Object.fromEntries(this.#storage.items);
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

function cacheFor(issuer: string): RecordStorage {
  let cache = sharedCache.get(issuer);
  if (!cache) sharedCache.set(issuer, (cache = new RecordStorage()));
  return cache;
}
