import type { SimRequest } from '../http/types.ts';

export type ServerName = 'org' | 'default';

/** Okta's words when a redirect URI is not one the app registered (interact, authorize, token). */
export const REDIRECT_URI_NOT_REGISTERED =
  "The 'redirect_uri' parameter must be a Login redirect URI in the client app settings";

export function serverOf(req: SimRequest): ServerName {
  return req.path.startsWith('/oauth2/default/') ? 'default' : 'org';
}

/** The server a request was made to. */
export function serverFor(req: SimRequest): AuthorizationServer {
  return authorizationServer(req.origin, serverOf(req));
}

/** The form of a POST, or undefined if it is not form-encoded (Okta's OAuth endpoints take only forms). */
export function form(req: SimRequest): URLSearchParams | undefined {
  return /application\/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '')
    ? new URLSearchParams(req.body)
    : undefined;
}

/**
 * The two authorization servers every Okta org has: the org server (issuer = origin, endpoints
 * under /oauth2/v1) and the custom server "default" (issuer and endpoints under /oauth2/default).
 */
export interface AuthorizationServer {
  issuer: string;
  /** Base of the /v1/* endpoints. */
  base: string;
}

export function authorizationServer(origin: string, name: ServerName): AuthorizationServer {
  return name === 'org'
    ? { issuer: origin, base: `${origin}/oauth2` }
    : { issuer: `${origin}/oauth2/default`, base: `${origin}/oauth2/default` };
}

/**
 * The discovery document, with the fields okta-auth-js reads and the rest as Okta publishes them
 * (fixture 01). Every endpoint it names is served (test/sim/oauth-endpoints.test.ts); grant types,
 * scopes and claims are those the simulator implements.
 */
export function discoveryDocument(server: AuthorizationServer): object {
  const { issuer, base } = server;
  const authMethods = ['client_secret_basic', 'client_secret_post', 'client_secret_jwt', 'private_key_jwt', 'none'];
  return {
    issuer,
    authorization_endpoint: `${base}/v1/authorize`,
    token_endpoint: `${base}/v1/token`,
    userinfo_endpoint: `${base}/v1/userinfo`,
    jwks_uri: `${base}/v1/keys`,
    response_types_supported: ['code'],
    response_modes_supported: ['query', 'fragment', 'form_post', 'okta_post_message'],
    // authorization_code is left out: /v1/authorize has no hosted sign-in page to issue a code from.
    grant_types_supported: ['refresh_token', 'interaction_code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    token_endpoint_auth_methods_supported: authMethods,
    claims_supported: [
      'iss',
      'ver',
      'sub',
      'aud',
      'iat',
      'exp',
      'jti',
      'auth_time',
      'amr',
      'idp',
      'name',
      'preferred_username',
      'given_name',
      'family_name',
      'email',
      'email_verified',
      'zoneinfo',
      'locale',
      'updated_at',
      'at_hash',
    ],
    code_challenge_methods_supported: ['S256'],
    introspection_endpoint: `${base}/v1/introspect`,
    introspection_endpoint_auth_methods_supported: authMethods,
    revocation_endpoint: `${base}/v1/revoke`,
    revocation_endpoint_auth_methods_supported: authMethods,
    end_session_endpoint: `${base}/v1/logout`,
    request_parameter_supported: false,
  };
}
