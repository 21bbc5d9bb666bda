/**
 * The `OktaAuth` the widget builds for itself: okta-auth-js's `/idx` class without its core mixin
 * (AuthStateManager and ServiceManager, with broadcast-channel, leader election and the token
 * auto-renew services), which the widget never starts. Storage, HTTP, session, OAuth (its
 * TokenManager keeps the tokens where a page's own OktaAuth finds them) and the whole IDX API are
 * okta-auth-js's own, composed as its `createOktaAuthIdx` composes them. About 8 kB gzip less in
 * the one-file build (BENCHMARKS.md).
 */
import {
  createIdxOptionsConstructor,
  createIdxStorageManager,
  createIdxTransactionManager,
  createOktaAuthBase,
  mixinHttp,
  mixinIdx,
  mixinOAuth,
  mixinSession,
  mixinStorage,
} from '@okta/okta-auth-js/idx';

const WithStorage = mixinStorage(createOktaAuthBase(createIdxOptionsConstructor()), createIdxStorageManager());
const WithOAuth = mixinOAuth(mixinSession(mixinHttp(WithStorage)), createIdxTransactionManager());

export const LeanOktaAuth = mixinIdx(WithOAuth);
