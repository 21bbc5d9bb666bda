import { createHash } from 'node:crypto';
import { randomToken } from '../crypto/ids.ts';
import { jwks } from '../crypto/jwt.ts';
import { newStateHandle } from '../state/store.ts';
import { json, oauthError, type Route, type SimRequest, type SimResponse } from '../http/types.ts';
import { authenticateClient } from './client-auth.ts';
import { authorizationServer, discoveryDocument, form, REDIRECT_URI_NOT_REGISTERED, serverOf } from './servers.ts';
import { issueTokens, liveRefreshToken } from './tokens.ts';

export const discovery: Route = (_ctx, req) => {
  const name = req.path.startsWith('/oauth2/default/') ? 'default' : 'org';
  return json(200, discoveryDocument(authorizationServer(req.origin, name)));
};

export const keys: Route = (ctx) => json(200, jwks([ctx.store.signingKey]), { 'Cache-Control': 'max-age=3600' });

/** Starts an IDX transaction: checks the client, its redirect URI and PKCE, returns the interaction handle. */
export const interact: Route = (ctx, req) => {
  const params = form(req);
  if (!params) return oauthError(400, 'invalid_request', 'The request must be application/x-www-form-urlencoded.');
  const auth = authenticateClient(ctx, req, params, 400);
  if ('refused' in auth) return auth.refused;
  const { client } = auth;
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!client.redirectUris.includes(redirectUri))
    return oauthError(400, 'invalid_request', REDIRECT_URI_NOT_REGISTERED);
  const codeChallenge = params.get('code_challenge');
  // Okta requires PKCE of public clients only; a confidential client proves itself with its secret.
  if (!codeChallenge && !client.clientSecret) {
    return oauthError(
      400,
      'invalid_request',
      "PKCE code challenge is required when the token endpoint authentication method is 'NONE'.",
    );
  }
  if (codeChallenge && params.get('code_challenge_method') !== 'S256') {
    return oauthError(400, 'invalid_request', "'code_challenge_method' must be 'S256'.");
  }
  const now = Date.now();
  const interactionHandle = randomToken(32);
  ctx.store.addTransaction({
    issuer: authorizationServer(req.origin, serverOf(req)).issuer,
    interactionHandle,
    stateHandle: newStateHandle(),
    clientId: client.clientId,
    redirectUri,
    scope: params.get('scope') ?? 'openid email',
    codeChallenge: codeChallenge ?? undefined,
    state: params.get('state') ?? '',
    createdAt: now,
    expiresAt: now + ctx.settings.transactionLifetimeMs,
    step: { name: 'identify' },
    amr: [],
  });
  return json(200, { interaction_handle: interactionHandle });
};

const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

/**
 * /v1/token: the interaction_code grant (one use per code, same client and redirect URI, PKCE S256
 * verified) and the refresh_token grant; the client authenticated first, as Okta does.
 */
export const token: Route = async (ctx, req) => {
  const params = form(req);
  if (!params) return oauthError(400, 'invalid_request', 'The request must be application/x-www-form-urlencoded.');
  // An unknown client or a wrong secret is a client error (RFC 6749 §5.2), not a bad code.
  const auth = authenticateClient(ctx, req, params);
  if ('refused' in auth) return auth.refused;
  const grantType = params.get('grant_type') ?? '';
  if (grantType === 'refresh_token') return refresh(ctx, req, params, auth.client.clientId);
  if (grantType !== 'interaction_code') {
    return oauthError(400, 'unsupported_grant_type', `The grant type '${grantType}' is not supported here.`);
  }
  if (!auth.client.redirectUris.includes(params.get('redirect_uri') ?? '')) {
    return oauthError(400, 'invalid_request', REDIRECT_URI_NOT_REGISTERED);
  }
  const code = params.get('interaction_code');
  const tx = ctx.store.transactions().find((t) => t.step.name === 'success' && t.step.interactionCode === code);
  if (!code || !tx || tx.codeRedeemed)
    return oauthError(400, 'invalid_grant', 'The interaction code is invalid or has expired.');
  if (auth.client.clientId !== tx.clientId)
    return oauthError(400, 'invalid_grant', 'The interaction code was issued to another client.');
  if (params.get('redirect_uri') !== tx.redirectUri) {
    return oauthError(
      400,
      'invalid_grant',
      "The 'redirect_uri' does not match the redirection URI used in the authorization request.",
    );
  }
  const verifier = params.get('code_verifier');
  if (tx.codeChallenge !== undefined || verifier !== null) {
    if (
      createHash('sha256')
        .update(verifier ?? '')
        .digest('base64url') !== tx.codeChallenge
    ) {
      return oauthError(400, 'invalid_grant', 'PKCE verification failed.');
    }
  }
  const user = ctx.store.user(tx.login);
  if (!user) return oauthError(400, 'invalid_grant', 'The user of this interaction no longer exists.');
  tx.codeRedeemed = true;
  const grant = {
    issuer: tx.issuer,
    clientId: tx.clientId,
    scopes: tx.scope.split(' ').filter(Boolean),
    amr: tx.amr,
    authTime: Math.floor(Date.now() / 1000),
  };
  return json(200, await issueTokens(ctx, grant, user), NO_STORE);
};

/** New access (and ID) tokens for a live refresh token of the same client; the refresh token is kept. */
async function refresh(
  ctx: Parameters<Route>[0],
  req: SimRequest,
  params: URLSearchParams,
  clientId: string,
): Promise<SimResponse> {
  const issuer = authorizationServer(req.origin, serverOf(req)).issuer;
  const record = liveRefreshToken(ctx, params.get('refresh_token') ?? '', issuer);
  if (!record || record.clientId !== clientId) {
    return oauthError(400, 'invalid_grant', 'The refresh token is invalid or expired.');
  }
  const asked = params.get('scope')?.split(' ').filter(Boolean) ?? record.scopes;
  if (asked.some((scope) => !record.scopes.includes(scope))) {
    return oauthError(
      400,
      'invalid_scope',
      'One or more scopes are not configured for the authorization server resource.',
    );
  }
  const user = ctx.store.user(record.login);
  if (!user || user.id !== record.userId) {
    return oauthError(400, 'invalid_grant', 'The refresh token is invalid or expired.');
  }
  return json(200, await issueTokens(ctx, { ...record, scopes: asked }, user, record.token), NO_STORE);
}
