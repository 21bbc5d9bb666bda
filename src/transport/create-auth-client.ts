import type { OvAuthClient } from '../controller/types.js';
import { recordRetryAfter } from './retry-after.js';
import { authClientOptions } from './auth-client-options.js';

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
 * Builds the `OktaAuth` for `<ov-signin issuer client-id redirect-uri>`: okta-auth-js's `/idx`
 * pieces without the parts the widget never starts (lean-okta-auth.ts), with the storage of
 * auth-client-options.ts. It is loaded on first use so a page that hands in its own `authClient`
 * never loads a second copy.
 */
export async function createAuthClient(config: OvClientConfig): Promise<OvAuthClient> {
  const { LeanOktaAuth } = await import('./lean-okta-auth.js');
  return recordRetryAfter(new LeanOktaAuth(authClientOptions(config)));
}
