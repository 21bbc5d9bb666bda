/**
 * /v1/introspect (RFC 7662) and /v1/revoke (RFC 7009) as Okta answers them: the client
 * authenticates as at /v1/token; a token that is unknown, expired, revoked, of another server or
 * issued to another client is `{"active": false}` at introspect and a silent 200 at revoke.
 * Revoking a refresh token revokes the access tokens issued with it, as Okta does.
 */
import type { JWTPayload } from 'jose';
import { json, oauthError, type Route, type SimContext, type SimRequest, type SimResponse } from '../http/types.ts';
import { authenticateClient } from './client-auth.ts';
import { form, serverFor } from './servers.ts';
import { accessAudience, liveAccessToken, liveRefreshToken, verifiedJwt } from './tokens.ts';

const NOT_FORM = 'The request must be application/x-www-form-urlencoded.';
const TOKEN_REQUIRED = "The 'token' parameter is required.";
const HINTS = ['access_token', 'id_token', 'refresh_token', 'device_secret'];
const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

interface IdClaims extends JWTPayload {
  sub: string;
  aud: string;
  iss: string;
  iat: number;
  exp: number;
  jti: string;
  email?: string;
  preferred_username?: string;
}

async function describe(
  ctx: SimContext,
  token: string,
  issuer: string,
  clientId: string,
): Promise<Record<string, unknown> | undefined> {
  const refresh = liveRefreshToken(ctx, token, issuer);
  if (refresh) {
    if (refresh.clientId !== clientId) return undefined;
    return {
      active: true,
      token_type: 'Bearer',
      scope: refresh.scopes.join(' '),
      client_id: refresh.clientId,
      username: refresh.login,
      exp: refresh.exp,
      iat: refresh.iat,
      sub: refresh.login,
      aud: accessAudience(issuer),
      iss: issuer,
      jti: refresh.jti,
      uid: refresh.userId,
    };
  }
  const access = await liveAccessToken(ctx, token, issuer);
  if (access) {
    if (access.cid !== clientId) return undefined;
    return {
      active: true,
      scope: access.scp.join(' '),
      username: access.sub,
      exp: access.exp,
      iat: access.iat,
      sub: access.sub,
      aud: access.aud,
      iss: access.iss,
      jti: access.jti,
      token_type: 'Bearer',
      client_id: access.cid,
      uid: access.uid,
    };
  }
  const id = await verifiedJwt<IdClaims>(ctx, token, issuer);
  if (id?.jti?.startsWith('ID.')) {
    if (id.aud !== clientId) return undefined;
    return {
      active: true,
      username: id.preferred_username ?? id.email ?? id.sub,
      exp: id.exp,
      iat: id.iat,
      sub: id.sub,
      aud: id.aud,
      iss: id.iss,
      jti: id.jti,
      token_type: 'Bearer',
      client_id: id.aud,
      uid: id.sub,
    };
  }
  return undefined;
}

/** What introspect and revoke both read first: an authenticated client, the token, its hint. */
function tokenRequest(
  ctx: SimContext,
  req: SimRequest,
): { refused: SimResponse } | { token: string; hint: string | null; clientId: string } {
  const params = form(req);
  if (!params) return { refused: oauthError(400, 'invalid_request', NOT_FORM) };
  const auth = authenticateClient(ctx, req, params);
  if ('refused' in auth) return { refused: auth.refused };
  const token = params.get('token');
  if (!token) return { refused: oauthError(400, 'invalid_request', TOKEN_REQUIRED) };
  return { token, hint: params.get('token_type_hint'), clientId: auth.client.clientId };
}

export const introspect: Route = async (ctx, req) => {
  const request = tokenRequest(ctx, req);
  if ('refused' in request) return request.refused;
  const { token, hint, clientId } = request;
  if (hint !== null && !HINTS.includes(hint)) {
    return oauthError(400, 'invalid_request', "The 'token_type_hint' parameter is invalid.");
  }
  const description = await describe(ctx, token, serverFor(req).issuer, clientId);
  return json(200, description ?? { active: false }, NO_STORE);
};

export const revoke: Route = async (ctx, req) => {
  const request = tokenRequest(ctx, req);
  if ('refused' in request) return request.refused;
  const { token, hint, clientId } = request;
  if (hint !== null && hint !== 'access_token' && hint !== 'refresh_token') {
    return oauthError(400, 'unsupported_token_type', `The token type hint '${hint}' is not supported.`);
  }
  const { issuer } = serverFor(req);
  const refresh = liveRefreshToken(ctx, token, issuer);
  if (refresh?.clientId === clientId) {
    refresh.revoked = true;
    // Its access tokens expire at the latest one lifetime from now.
    ctx.store.revokeAccessTokens(refresh.accessTokenIds, Date.now() / 1000 + ctx.settings.tokenLifetimeSeconds);
  }
  const access = refresh ? undefined : await liveAccessToken(ctx, token, issuer);
  if (access?.cid === clientId) ctx.store.revokeAccessTokens([access.jti], access.exp);
  return { status: 200, body: '', headers: NO_STORE };
};
