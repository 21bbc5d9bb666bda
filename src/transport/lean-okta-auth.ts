/**
 * The `OktaAuth` the widget builds for itself: okta-auth-js's `/idx` pieces, composed as its
 * `createOktaAuthIdx` composes them, without what only a page's own `OktaAuth` uses. No page reaches
 * this client (the controller keeps it private); a page reads the tokens with its own `OktaAuth`
 * from the storage this one's TokenManager wrote. Left out, none of which IDX calls:
 * - the core mixin (AuthStateManager and ServiceManager, with broadcast-channel, leader election and
 *   the token auto-renew services), which the widget never starts: about 8 kB gzip;
 * - most of the OAuth mixin: the token API keeps what IDX calls (`prepareTokenParams`,
 *   `exchangeCodeForTokens`, `decode`; the ID token is checked by okta-auth-js's `verifyToken` as in
 *   the full class), as okta-auth-js's own `mixinMinimalOAuth` does (not exported, so restated as
 *   WithTokenExchange), plus the TokenManager; not the redirect, popup, renew, revoke, user info,
 *   introspection, sign-out and DPoP calls: about 5.3 KiB gzip;
 * - the session mixin (`session.exists()`, `closeSession()`: Okta's session cookie), the Authn
 *   API's `fingerprint()` iframe and the static WebAuthn helpers of `mixinIdx`: about 1.3 KiB gzip.
 */
import {
  createIdxAPI,
  createIdxOptionsConstructor,
  createIdxStorageManager,
  createIdxTransactionManager,
  createOktaAuthBase,
  decodeToken,
  exchangeCodeForTokens,
  mixinHttp,
  mixinStorage,
  prepareTokenParams,
  TokenManager,
  type BaseTokenAPI,
  type OktaAuthOAuthInterface,
  type OktaAuthOptions,
} from '@okta/okta-auth-js/idx';

const WithStorage = mixinStorage(createOktaAuthBase(createIdxOptionsConstructor()), createIdxStorageManager());
const WithHttp = mixinHttp(WithStorage);
const IdxTransactionManager = createIdxTransactionManager();

/** okta-auth-js's `mixinMinimalOAuth` with its `TokenManager`, which IDX saves the tokens to. */
class WithTokenExchange extends WithHttp {
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

/** okta-auth-js's `mixinIdx` without `fingerprint()` and the WebAuthn helpers. */
export class LeanOktaAuth extends WithTokenExchange {
  // Typed for the full class; what IDX calls of it is what WithTokenExchange holds.
  readonly idx = createIdxAPI(this as unknown as Parameters<typeof createIdxAPI>[0]);
}
