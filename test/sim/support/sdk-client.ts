/** The real, unmodified okta-auth-js 8, in its default step mode, pointed at a simulator. */
import { OktaAuth, type OktaAuthOptions } from '@okta/okta-auth-js/idx';
import type { RunningSimulator } from 'ov-sim';

/** What a client needs to know of an org; a simulator started in another process has no store to offer. */
export type OrgAddress = Pick<RunningSimulator, 'url' | 'issuer' | 'clientId'>;

export const REDIRECT_URI = 'http://localhost:8080/login/callback';

/**
 * A Map as the SDK's storage, the one server mode uses. Giving every section a storageProvider keeps
 * the SDK from warning about server-side memory storage, and two clients on one MapStorage see the
 * same saved transaction, as a page does before and after a reload.
 */
import { RecordStorage as MapStorage } from '../../../src/server/sdk-session.ts';
export { MapStorage };

const STORAGE_SECTIONS = ['token', 'cache', 'transaction', 'shared-transaction', 'original-uri'];

export function createAuthClient(
  sim: OrgAddress,
  storage = new MapStorage(),
  options: Partial<OktaAuthOptions> = {},
): OktaAuth {
  return new OktaAuth({
    issuer: sim.issuer,
    clientId: sim.clientId,
    redirectUri: REDIRECT_URI,
    scopes: ['openid', 'email', 'profile'],
    storageManager: Object.fromEntries(STORAGE_SECTIONS.map((section) => [section, { storageProvider: storage }])),
    ...options,
  });
}

/**
 * A client for the same storage after a page reload. In Node the SDK keeps the last IDX response
 * in the transaction storage (a browser keeps it in memory only, okta-auth-js-notes.md §5), so without this option the
 * "reloaded" client would never ask the simulator where the sign-in stands.
 */
export function reloadedAuthClient(sim: OrgAddress, storage: MapStorage): OktaAuth {
  return createAuthClient(sim, storage, { transactionManager: { saveLastResponse: false } });
}
