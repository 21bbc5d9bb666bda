import { randomToken } from '../crypto/ids.ts';
import { accessTokenHash, signJwt } from '../crypto/jwt.ts';
import type { SimContext } from '../http/types.ts';
import type { Transaction, UserState } from '../state/types.ts';

/** Tokens with the claim sets of a real Okta response (fixture 04); no `state`, which the SDK would reject. */
export async function issueTokens(ctx: SimContext, tx: Transaction, user: UserState): Promise<Record<string, unknown>> {
  const now = Math.floor(Date.now() / 1000);
  const exp = now + ctx.settings.tokenLifetimeSeconds;
  const scopes = tx.scope.split(' ').filter(Boolean);
  const { login, firstName, lastName } = user.config;
  const accessToken = await signJwt(ctx.store.signingKey, {
    ver: 1,
    jti: `AT.${randomToken(32)}`,
    iss: tx.issuer,
    aud: tx.issuer.endsWith('/oauth2/default') ? 'api://default' : tx.issuer,
    iat: now,
    exp,
    cid: tx.clientId,
    uid: user.id,
    scp: scopes,
    sub: login,
  });
  const response: Record<string, unknown> = {
    token_type: 'Bearer',
    expires_in: ctx.settings.tokenLifetimeSeconds,
    access_token: accessToken,
    scope: scopes.join(' '),
  };
  if (scopes.includes('openid')) {
    const profile = scopes.includes('profile') ? { name: `${firstName} ${lastName}`, preferred_username: login } : {};
    response.id_token = await signJwt(ctx.store.signingKey, {
      sub: user.id,
      ...profile,
      ...(scopes.includes('email') ? { email: login } : {}),
      ver: 1,
      iss: tx.issuer,
      aud: tx.clientId,
      iat: now,
      exp,
      jti: `ID.${randomToken(32)}`,
      amr: tx.amr,
      idp: '00o1ovsim00000000000',
      auth_time: now,
      at_hash: accessTokenHash(accessToken),
    });
  }
  if (scopes.includes('offline_access')) response.refresh_token = randomToken(32);
  return response;
}
