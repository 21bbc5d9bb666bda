/**
 * The two authorization servers every Okta org has: the org server (issuer = origin, endpoints
 * under /oauth2/v1) and the custom server "default" (issuer and endpoints under /oauth2/default).
 */
export interface AuthorizationServer {
  issuer: string;
  /** Base of the /v1/* endpoints. */
  base: string;
}

export function authorizationServer(origin: string, name: 'org' | 'default'): AuthorizationServer {
  return name === 'org'
    ? { issuer: origin, base: `${origin}/oauth2` }
    : { issuer: `${origin}/oauth2/default`, base: `${origin}/oauth2/default` };
}

/** The discovery document, with the fields okta-auth-js reads and the rest as Okta publishes them (fixture 01). */
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
    grant_types_supported: ['authorization_code', 'refresh_token', 'interaction_code'],
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
