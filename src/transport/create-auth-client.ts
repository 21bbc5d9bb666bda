import type { OvAuthClient } from '../controller/types.js';
import { recordRetryAfter } from './retry-after.js';

export interface OvClientConfig {
  issuer: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
}

/**
 * Builds the `OktaAuth` for `<ov-signin issuer client-id redirect-uri>`. The `/idx` entry is the
 * lightest one with the IDX API; it is loaded on first use so a page that hands in its own
 * `authClient` never loads a second copy.
 */
export async function createAuthClient(config: OvClientConfig): Promise<OvAuthClient> {
  const { OktaAuth } = await import('@okta/okta-auth-js/idx');
  return recordRetryAfter(new OktaAuth({ ...config }));
}
