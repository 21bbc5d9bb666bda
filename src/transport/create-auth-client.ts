import type { OvAuthClient } from '../controller/types.js';
import { recordRetryAfter } from './retry-after.js';

/**
 * Where okta-auth-js keeps the tokens once signed in: the tab's `sessionStorage` (the default: gone
 * with the tab, not shared with other tabs), `localStorage` (okta-auth-js's own default: every tab,
 * and kept after the browser closes) or `memory` (gone with the page; a reload signs out).
 */
export type OvTokenStorage = 'sessionStorage' | 'localStorage' | 'memory';

export interface OvClientConfig {
  issuer: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  /** Default `sessionStorage`. */
  tokenStorage?: OvTokenStorage;
}

/**
 * Builds the `OktaAuth` for `<ov-signin issuer client-id redirect-uri>`. The `/idx` entry is the
 * lightest one with the IDX API; it is loaded on first use so a page that hands in its own
 * `authClient` never loads a second copy.
 *
 * Nothing of the sign-in goes to `localStorage` unless `tokenStorage` asks: okta-auth-js would keep
 * the tokens there, and a copy of the transaction (the PKCE verifier, the interaction handle) in its
 * "shared" transaction storage, for an email magic link opened in another tab, which this widget
 * does not handle. The transaction stays in the tab's `sessionStorage`, which a reload keeps, so a
 * reloaded page resumes. Its discovery and key cache goes there too. A page that needs other
 * storage passes its own `authClient`.
 */
export async function createAuthClient({
  tokenStorage = 'sessionStorage',
  ...config
}: OvClientConfig): Promise<OvAuthClient> {
  const { OktaAuth } = await import('@okta/okta-auth-js/idx');
  const inTab = { storageTypes: ['sessionStorage' as const] };
  return recordRetryAfter(
    new OktaAuth({
      ...config,
      tokenManager: { storage: tokenStorage },
      storageManager: { token: { storageTypes: [tokenStorage] }, transaction: inTab, cache: inTab },
      transactionManager: { enableSharedStorage: false },
    }),
  );
}
