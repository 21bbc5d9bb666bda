import { createHash } from 'node:crypto';
import { originMatches } from '../config.ts';
import { randomToken } from '../crypto/ids.ts';
import { jwks } from '../crypto/jwt.ts';
import { newStateHandle } from '../state/store.ts';
import { json, oauthError, type Route, type SimRequest } from '../http/types.ts';
import { authorizationServer, discoveryDocument } from './servers.ts';
import { issueTokens } from './tokens.ts';

type ServerName = 'org' | 'default';

function serverOf(req: SimRequest): ServerName {
  return req.path.startsWith('/oauth2/default/') ? 'default' : 'org';
}

function form(req: SimRequest): URLSearchParams | undefined {
  return /application\/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '')
    ? new URLSearchParams(req.body)
    : undefined;
}

export const discovery: Route = (_ctx, req) => {
  const name = req.path.startsWith('/oauth2/default/') ? 'default' : 'org';
  return json(200, discoveryDocument(authorizationServer(req.origin, name)));
};

export const keys: Route = (ctx) => json(200, jwks([ctx.store.signingKey]), { 'Cache-Control': 'max-age=3600' });

/** Starts an IDX transaction: checks the client and PKCE parameters, returns the interaction handle. */
export const interact: Route = (ctx, req) => {
  const params = form(req);
  if (!params) return oauthError(400, 'invalid_request', 'The request must be application/x-www-form-urlencoded.');
  const clientId = params.get('client_id') ?? '';
  const client = ctx.store.config.clients.find((c) => c.clientId === clientId);
  if (!client) return oauthError(400, 'invalid_client', "Invalid value for 'client_id' parameter.");
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!redirectAllowed(redirectUri, client.redirectOrigins)) {
    return oauthError(
      400,
      'invalid_request',
      "'redirect_uri' must be a Login redirect URI in the client app settings.",
    );
  }
  const codeChallenge = params.get('code_challenge');
  if (!codeChallenge) {
    return oauthError(
      400,
      'invalid_request',
      "PKCE code challenge is required when the token endpoint authentication method is 'NONE'.",
    );
  }
  if (params.get('code_challenge_method') !== 'S256') {
    return oauthError(400, 'invalid_request', "'code_challenge_method' must be 'S256'.");
  }
  const now = Date.now();
  const interactionHandle = randomToken(32);
  ctx.store.addTransaction({
    issuer: authorizationServer(req.origin, serverOf(req)).issuer,
    interactionHandle,
    stateHandle: newStateHandle(),
    clientId,
    redirectUri,
    scope: params.get('scope') ?? 'openid email',
    codeChallenge,
    state: params.get('state') ?? '',
    createdAt: now,
    expiresAt: now + ctx.settings.transactionLifetimeMs,
    step: { name: 'identify' },
    amr: [],
  });
  return json(200, { interaction_handle: interactionHandle });
};

function redirectAllowed(uri: string, origins: string[]): boolean {
  try {
    return originMatches(new URL(uri).origin, origins);
  } catch {
    return false;
  }
}

/** The interaction_code grant: one use per code, same client and redirect URI, PKCE S256 verified. */
export const token: Route = async (ctx, req) => {
  const params = form(req);
  if (!params) return oauthError(400, 'invalid_request', 'The request must be application/x-www-form-urlencoded.');
  if (params.get('grant_type') !== 'interaction_code') {
    return oauthError(
      400,
      'unsupported_grant_type',
      `The grant type '${params.get('grant_type') ?? ''}' is not supported here.`,
    );
  }
  // An unknown client is a client error (RFC 6749 §5.2), not a bad code.
  if (!ctx.store.config.clients.some((c) => c.clientId === params.get('client_id'))) {
    return oauthError(401, 'invalid_client', "Invalid value for 'client_id' parameter.");
  }
  const code = params.get('interaction_code');
  const tx = ctx.store.transactions().find((t) => t.step.name === 'success' && t.step.interactionCode === code);
  if (!code || !tx || tx.codeRedeemed)
    return oauthError(400, 'invalid_grant', 'The interaction code is invalid or has expired.');
  if (params.get('client_id') !== tx.clientId)
    return oauthError(400, 'invalid_grant', 'The interaction code was issued to another client.');
  if (params.get('redirect_uri') !== tx.redirectUri) {
    return oauthError(
      400,
      'invalid_grant',
      "The 'redirect_uri' does not match the redirection URI used in the authorization request.",
    );
  }
  const verifier = params.get('code_verifier') ?? '';
  if (createHash('sha256').update(verifier).digest('base64url') !== tx.codeChallenge) {
    return oauthError(400, 'invalid_grant', 'PKCE verification failed.');
  }
  const user = ctx.store.user(tx.login);
  if (!user) return oauthError(400, 'invalid_grant', 'The user of this interaction no longer exists.');
  tx.codeRedeemed = true;
  return json(200, await issueTokens(ctx, tx, user), { 'Cache-Control': 'no-store', Pragma: 'no-cache' });
};
