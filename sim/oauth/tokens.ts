import { createLocalJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { randomToken } from '../crypto/ids.ts';
import { accessTokenHash, jwks, signJwt } from '../crypto/jwt.ts';
import type { SimContext } from '../http/types.ts';
import type { RefreshGrant, UserState } from '../state/types.ts';

/** What a set of tokens is issued for: by the interaction code grant, or again by a refresh token. */
export interface Grant {
  /** The authorization server; its tokens carry it as `iss`. */
  issuer: string;
  clientId: string;
  scopes: string[];
  amr: string[];
  /** When the user authenticated (seconds), kept across refreshes as Okta keeps it. */
  authTime: number;
}

/** The claims of the simulator's access tokens (fixture 04): `sub` is the login, `uid` the user id. */
export interface AccessClaims extends JWTPayload {
  ver: number;
  jti: string;
  iss: string;
  aud: string;
  iat: number;
  exp: number;
  cid: string;
  uid: string;
  scp: string[];
  sub: string;
}

/** The `aud` of an access token: `api://default` for the default server, the org URL for the org server. */
export function accessAudience(issuer: string): string {
  return issuer.endsWith('/oauth2/default') ? 'api://default' : issuer;
}

/**
 * Tokens with the claim sets of a real Okta response (fixture 04); no `state`, which the SDK would
 * reject. With `offline_access`, a refresh token, reused by refreshes as Okta does without rotation.
 */
export async function issueTokens(
  ctx: SimContext,
  grant: Grant,
  user: UserState,
  refreshToken?: string,
): Promise<Record<string, unknown>> {
  const now = Math.floor(Date.now() / 1000);
  const exp = now + ctx.settings.tokenLifetimeSeconds;
  const { scopes } = grant;
  const { login, firstName, lastName } = user.config;
  const claims: AccessClaims = {
    ver: 1,
    jti: `AT.${randomToken(32)}`,
    iss: grant.issuer,
    aud: accessAudience(grant.issuer),
    iat: now,
    exp,
    cid: grant.clientId,
    uid: user.id,
    scp: scopes,
    sub: login,
  };
  const accessToken = await signJwt(ctx.store.signingKey, { ...claims });
  const response: Record<string, unknown> = {
    token_type: 'Bearer',
    expires_in: ctx.settings.tokenLifetimeSeconds,
    access_token: accessToken,
    scope: scopes.join(' '),
  };
  if (scopes.includes('offline_access')) {
    const token = refreshToken ?? randomToken(32);
    const record: RefreshGrant = ctx.store.refreshTokens.get(token) ?? {
      ...grant,
      token,
      login,
      userId: user.id,
      iat: now,
      exp: now + ctx.settings.refreshTokenLifetimeSeconds,
      jti: `RT.${randomToken(32)}`,
      accessTokenIds: [],
      revoked: false,
    };
    record.accessTokenIds.push(claims.jti);
    ctx.store.refreshTokens.set(token, record);
    ctx.store.save();
    response.refresh_token = token;
  }
  if (scopes.includes('openid')) {
    const profile = scopes.includes('profile') ? { name: `${firstName} ${lastName}`, preferred_username: login } : {};
    response.id_token = await signJwt(ctx.store.signingKey, {
      sub: user.id,
      ...profile,
      ...(scopes.includes('email') ? { email: login } : {}),
      ver: 1,
      iss: grant.issuer,
      aud: grant.clientId,
      iat: now,
      exp,
      jti: `ID.${randomToken(32)}`,
      amr: grant.amr,
      idp: '00o1ovsim00000000000',
      auth_time: grant.authTime,
      at_hash: accessTokenHash(accessToken),
    });
  }
  return response;
}

/** A JWT the simulator signed for this authorization server, or undefined (bad signature, other issuer, expired if asked). */
export async function verifiedJwt<T extends JWTPayload>(
  ctx: SimContext,
  token: string,
  issuer: string,
  { allowExpired = false } = {},
): Promise<T | undefined> {
  try {
    const { payload } = await jwtVerify<T>(token, createLocalJWKSet(jwks([ctx.store.signingKey])), {
      issuer,
      algorithms: ['RS256'],
      ...(allowExpired ? { currentDate: new Date(0) } : {}),
    });
    return payload;
  } catch {
    return undefined;
  }
}

/** An access token this server issued, not expired and not revoked. */
export async function liveAccessToken(
  ctx: SimContext,
  token: string,
  issuer: string,
): Promise<AccessClaims | undefined> {
  const claims = await verifiedJwt<AccessClaims>(ctx, token, issuer);
  if (!claims || typeof claims.jti !== 'string' || !claims.jti.startsWith('AT.')) return undefined;
  return ctx.store.revokedAccessTokens.has(claims.jti) ? undefined : claims;
}

/** A refresh token this server issued, not expired and not revoked. */
export function liveRefreshToken(ctx: SimContext, token: string, issuer: string): RefreshGrant | undefined {
  const record = ctx.store.refreshTokens.get(token);
  if (!record || record.revoked || record.issuer !== issuer) return undefined;
  return record.exp > Date.now() / 1000 ? record : undefined;
}
