/**
 * The endpoints a browser is sent to rather than called by an SDK: /v1/authorize and /v1/logout.
 * As at Okta, what can be answered to the app is a redirect back to it; a request whose client or
 * redirect URI cannot be trusted gets Okta's 400 error page instead, since it must not redirect
 * anywhere the app did not register.
 */
import { type Route, type SimRequest, type SimResponse } from '../http/types.ts';
import { INVALID_CLIENT_ID } from './client-auth.ts';
import { form, REDIRECT_URI_NOT_REGISTERED, serverFor } from './servers.ts';
import { verifiedJwt } from './tokens.ts';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Okta's error page: "400 Bad Request. Your request resulted in an error. <reason>". */
export function errorPage(reason: string): SimResponse {
  const text = `Your request resulted in an error. ${reason}`;
  return {
    status: 400,
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>400 Bad Request</title></head><body><h1>400</h1><h2>Bad Request</h2><p id="error-summary">${escapeHtml(text)}</p></body></html>`,
    headers: { 'Cache-Control': 'no-store' },
  };
}

function redirect(to: URL): SimResponse {
  return { status: 302, body: '', headers: { Location: to.href, 'Cache-Control': 'no-store' } };
}

/** GET reads the query; POST (form_post-style clients) the form. */
function paramsOf(req: SimRequest): URLSearchParams {
  return req.method === 'POST' ? (form(req) ?? new URLSearchParams()) : req.query;
}

/**
 * /v1/authorize: client, redirect URI, response type and PKCE checked as Okta checks them. The
 * simulator keeps no Okta session and has no hosted sign-in page, so a valid request ends as
 * `prompt=none` does without a session: `login_required`, redirected to the app with its `state`
 * (the embedded flow, /v1/interact, is how users sign in here).
 */
export const authorize: Route = (ctx, req) => {
  const params = paramsOf(req);
  const client = ctx.store.config.clients.find((c) => c.clientId === params.get('client_id'));
  if (!client) return errorPage(INVALID_CLIENT_ID);
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!client.redirectUris.includes(redirectUri)) return errorPage(REDIRECT_URI_NOT_REGISTERED);
  const back = (error: string, description: string): SimResponse => {
    const to = new URL(redirectUri);
    const answer = new URLSearchParams({ error, error_description: description });
    const state = params.get('state');
    if (state !== null) answer.set('state', state);
    if (params.get('response_mode') === 'fragment') to.hash = answer.toString();
    else for (const [name, value] of answer) to.searchParams.append(name, value);
    return redirect(to);
  };
  if (params.get('response_type') !== 'code') {
    return back(
      'unsupported_response_type',
      `The response type is not supported by the authorization server. Configured response types: [code].`,
    );
  }
  if (!params.get('scope')?.split(' ').includes('openid')) {
    return back('invalid_scope', "The authentication request has an invalid 'scope' parameter.");
  }
  if (!client.clientSecret && !params.get('code_challenge')) {
    return back(
      'invalid_request',
      "PKCE code challenge is required when the token endpoint authentication method is 'NONE'.",
    );
  }
  return back('login_required', 'The client specified not to prompt, but the user is not logged in.');
};

/**
 * /v1/logout (RP-initiated logout): `id_token_hint` an ID token this server signed (expired ones
 * are accepted, as at Okta); `post_logout_redirect_uri`, if given, one of the sign-out redirect URIs
 * of the token's client, redirected to with `state`. Without it, the org's own page. The simulator
 * keeps no Okta session cookie, so there is no session to end beyond that.
 */
export const logout: Route = async (ctx, req) => {
  const params = paramsOf(req);
  const hint = params.get('id_token_hint');
  if (!hint) return errorPage("The 'id_token_hint' parameter is required.");
  const server = serverFor(req);
  const claims = await verifiedJwt<{ aud?: string; jti?: string }>(ctx, hint, server.issuer, { allowExpired: true });
  if (!claims?.jti?.startsWith('ID.')) return errorPage("The 'id_token_hint' parameter is not a valid ID token.");
  const client = ctx.store.config.clients.find((c) => c.clientId === claims.aud);
  if (!client) return errorPage(INVALID_CLIENT_ID);
  const target = params.get('post_logout_redirect_uri');
  if (target === null) return redirect(new URL('/sim/', req.origin));
  if (!client.postLogoutRedirectUris.includes(target)) {
    return errorPage(
      "The 'post_logout_redirect_uri' parameter must be a Logout redirect URI in the client app settings",
    );
  }
  const to = new URL(target);
  const state = params.get('state');
  if (state !== null) to.searchParams.append('state', state);
  return redirect(to);
};
