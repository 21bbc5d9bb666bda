/**
 * /v1/userinfo as Okta answers it: a Bearer access token of this server (header, or
 * `access_token` in a form POST), the user's claims by the token's scopes, `sub` the user id as in
 * the ID token (okta-auth-js's getUserInfo() compares them). Refusals are 401/403 with an empty body
 * and the reason in `WWW-Authenticate`, which okta-auth-js turns into an OAuthError.
 */
import { type Route, type SimRequest, type SimResponse } from '../http/types.ts';
import { serverFor, type AuthorizationServer } from './servers.ts';
import { liveAccessToken } from './tokens.ts';
import { json } from '../http/types.ts';

function bearerToken(req: SimRequest): string | undefined {
  const header = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
  if (header) return header;
  if (req.method === 'POST' && /application\/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '')) {
    return new URLSearchParams(req.body).get('access_token') ?? undefined;
  }
  return undefined;
}

/** `WWW-Authenticate: Bearer …` in Okta's order and wording. */
export function bearerChallenge(
  server: AuthorizationServer,
  resource: string,
  error: string,
  description: string,
): string {
  const params = {
    authorization_uri: `${server.base}/v1/authorize`,
    realm: server.issuer,
    scope: 'openid',
    error,
    error_description: description,
    resource,
  };
  return `Bearer ${Object.entries(params)
    .map(([name, value]) => `${name}="${value}"`)
    .join(', ')}`;
}

function refused(req: SimRequest, status: number, error: string, description: string): SimResponse {
  return {
    status,
    body: '',
    headers: { 'WWW-Authenticate': bearerChallenge(serverFor(req), req.path, error, description) },
  };
}

export const userinfo: Route = async (ctx, req) => {
  const token = bearerToken(req);
  if (!token) return refused(req, 401, 'invalid_request', 'The access token is missing.');
  const claims = await liveAccessToken(ctx, token, serverFor(req).issuer);
  if (!claims) return refused(req, 401, 'invalid_token', 'The access token is invalid.');
  if (!claims.scp.includes('openid')) {
    return refused(
      req,
      403,
      'insufficient_scope',
      'The access token must provide access to at least one of these scopes - openid.',
    );
  }
  const user = [...ctx.store.users.values()].find((u) => u.id === claims.uid);
  if (!user) return refused(req, 401, 'invalid_token', 'The access token is invalid.');
  const { login, firstName, lastName } = user.config;
  const body: Record<string, unknown> = { sub: user.id };
  if (claims.scp.includes('profile')) {
    Object.assign(body, {
      name: `${firstName} ${lastName}`,
      locale: 'en_US',
      preferred_username: login,
      given_name: firstName,
      family_name: lastName,
      zoneinfo: 'America/Los_Angeles',
      updated_at: Math.floor(user.createdAt / 1000),
    });
  }
  if (claims.scp.includes('email')) Object.assign(body, { email: login, email_verified: true });
  return json(200, body, { 'Cache-Control': 'no-cache, no-store', Pragma: 'no-cache' });
};
