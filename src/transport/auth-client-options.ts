import type { OktaAuthOptions } from '@okta/okta-auth-js';
import type { OvClientConfig } from './create-auth-client.js';

/**
 * The options of the `OktaAuth` the widget builds, the same in the npm build (create-auth-client.ts)
 * and the one-file build (create-bundled-auth-client.ts).
 *
 * Nothing of the sign-in goes to `localStorage` unless `tokenStorage` asks: okta-auth-js would keep
 * the tokens there, and a copy of the transaction (the PKCE verifier, the interaction handle) in its
 * "shared" transaction storage, for an email magic link opened in another tab, which this widget
 * does not handle. The transaction stays in the tab's `sessionStorage`, which a reload keeps, so a
 * reloaded page resumes. Its discovery and key cache goes there too. A page that needs other
 * storage passes its own `authClient`.
 */
export function authClientOptions({ tokenStorage = 'sessionStorage', ...config }: OvClientConfig): OktaAuthOptions {
  const inTab = { storageTypes: ['sessionStorage' as const] };
  return {
    ...config,
    tokenManager: { storage: tokenStorage },
    storageManager: { token: { storageTypes: [tokenStorage] }, transaction: inTab, cache: inTab },
    transactionManager: { enableSharedStorage: false },
  };
}

/**
 * Whether this tab holds a sign-in the widget's own client could resume: okta-auth-js's transaction
 * storage (its TRANSACTION_STORAGE_NAME, in `sessionStorage` as configured above), read before
 * okta-auth-js is loaded. Unreadable storage counts as yes, which only costs the early form.
 */
export function hasSavedTransaction(): boolean {
  try {
    return sessionStorage.getItem('okta-transaction-storage') !== null;
  } catch {
    return true;
  }
}
