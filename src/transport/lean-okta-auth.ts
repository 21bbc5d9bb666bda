/**
 * The `OktaAuth` the widget builds for itself: okta-auth-js's `/idx` class without its core mixin
 * (AuthStateManager and ServiceManager, with broadcast-channel, leader election and the token
 * auto-renew services), which the widget never starts. Storage, HTTP, session and the whole IDX API
 * are okta-auth-js's own, composed as its `createOktaAuthIdx` composes them. About 8 kB gzip less in
 * the one-file build (BENCHMARKS.md).
 *
 * Its OAuth part is okta-auth-js's minimal one (`createMinimalOktaAuthIdx`'s `mixinMinimalOAuth`,
 * not exported, so restated as WithTokenExchange below) plus the TokenManager: the token API holds
 * only what IDX calls (`prepareTokenParams`, `exchangeCodeForTokens`, `decode`; the ID token is
 * verified by okta-auth-js's `verifyToken` as in the full class), not the redirect, popup, renew,
 * revoke, user info and introspection calls. No page reaches this client (the controller keeps it
 * private): a page reads the tokens with its own `OktaAuth` from the storage the TokenManager
 * wrote. About 5 KiB gzip less again.
 */
import {
  createIdxOptionsConstructor,
  createIdxStorageManager,
  createIdxTransactionManager,
  createOktaAuthBase,
  decodeToken,
  exchangeCodeForTokens,
  mixinHttp,
  mixinIdx,
  mixinSession,
  mixinStorage,
  prepareTokenParams,
  TokenManager,
  type BaseTokenAPI,
  type OktaAuthOAuthInterface,
  type OktaAuthOptions,
} from '@okta/okta-auth-js/idx';

const WithStorage = mixinStorage(createOktaAuthBase(createIdxOptionsConstructor()), createIdxStorageManager());
const WithSession = mixinSession(mixinHttp(WithStorage));
const IdxTransactionManager = createIdxTransactionManager();

/** okta-auth-js's `mixinMinimalOAuth` with its `TokenManager`, which IDX saves the tokens to. */
class WithTokenExchange extends WithSession {
  readonly transactionManager: InstanceType<typeof IdxTransactionManager>;
  readonly token: BaseTokenAPI;
  readonly tokenManager: TokenManager;

  constructor(options: OktaAuthOptions) {
    super(options);
    this.transactionManager = new IdxTransactionManager({
      storageManager: this.storageManager,
      ...this.options.transactionManager,
    });
    // Typed for the full OAuth class; they use of it only what this class holds.
    const sdk = this as unknown as OktaAuthOAuthInterface;
    this.token = {
      prepareTokenParams: prepareTokenParams.bind(null, sdk),
      exchangeCodeForTokens: exchangeCodeForTokens.bind(null, sdk),
      decode: decodeToken,
    };
    this.tokenManager = new TokenManager(sdk, this.options.tokenManager);
  }
}

// mixinIdx is typed for the full OAuth class; what IDX calls of it is what WithTokenExchange holds.
export const LeanOktaAuth = mixinIdx(WithTokenExchange as unknown as Parameters<typeof mixinIdx>[0]);
