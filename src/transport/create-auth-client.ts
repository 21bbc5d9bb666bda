import type { OvAuthClient } from '../controller/types.js';
import { recordRetryAfter } from './retry-after.js';

export interface OvClientConfig {
  issuer: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
}

/**
 * Builds the `OktaAuth` for `<ov-signin issuer client-id redirect-uri>`: okta-auth-js's `/idx`
 * pieces without the parts the widget never starts (lean-okta-auth.ts). It is loaded on first use
 * so a page that hands in its own `authClient` never loads a second copy.
 */
export async function createAuthClient(config: OvClientConfig): Promise<OvAuthClient> {
  const { LeanOktaAuth } = await import('./lean-okta-auth.js');
  return recordRetryAfter(new LeanOktaAuth({ ...config }));
}
