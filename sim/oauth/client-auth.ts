/**
 * Who is calling an OAuth endpoint: the client id, and for a confidential client its secret, given
 * in the `Authorization: Basic` header (`client_secret_basic`) or in the form (`client_secret_post`),
 * never both. Public clients name themselves with `client_id` (okta-auth-js's revoke sends
 * `Basic base64(client_id)`, without a colon or secret, which Okta accepts for a public client).
 */
import { timingSafeEqual } from 'node:crypto';
import type { ClientConfig } from '../config.ts';
import { oauthError, type SimContext, type SimRequest, type SimResponse } from '../http/types.ts';

export const INVALID_CLIENT_ID = "Invalid value for 'client_id' parameter.";
export const WRONG_SECRET = 'The client secret supplied for a confidential client is invalid.';
export const NO_CLIENT_AUTHENTICATION =
  'Client authentication failed. Either the client or the client credentials are invalid.';
export const MULTIPLE_CREDENTIALS =
  'Cannot supply multiple client credentials. Use one of the following: credentials in the Authorization header, credentials in the post body, or a client_assertion in the post body.';

export type ClientAuthentication =
  { client: ClientConfig; method: 'none' | 'client_secret_basic' | 'client_secret_post' } | { refused: SimResponse };

function basicCredentials(header: string | undefined): { id: string; secret?: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return { id: decoded };
  // RFC 6749 §2.3.1: both halves are form-urlencoded before they are joined.
  const unescape = (part: string) => decodeURIComponent(part.replace(/\+/g, ' '));
  try {
    return { id: unescape(decoded.slice(0, colon)), secret: unescape(decoded.slice(colon + 1)) || undefined };
  } catch {
    return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) || undefined };
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Authenticates the client of a form request as Okta's /token, /introspect, /revoke and /interact
 * do. `unknownClientStatus` is 400 on interact (Okta answers there before any client
 * authentication) and 401 elsewhere.
 */
export function authenticateClient(
  ctx: SimContext,
  req: SimRequest,
  form: URLSearchParams,
  unknownClientStatus = 401,
): ClientAuthentication {
  const basic = basicCredentials(req.headers.authorization);
  const postedSecret = form.get('client_secret') ?? undefined;
  const postedId = form.get('client_id') ?? undefined;
  if (basic?.secret !== undefined && postedSecret !== undefined) {
    return { refused: oauthError(400, 'invalid_request', MULTIPLE_CREDENTIALS) };
  }
  if (basic && postedId !== undefined && postedId !== basic.id) {
    return { refused: oauthError(400, 'invalid_request', MULTIPLE_CREDENTIALS) };
  }
  const clientId = basic?.id ?? postedId ?? '';
  const client = ctx.store.config.clients.find((c) => c.clientId === clientId);
  if (!client) return { refused: oauthError(unknownClientStatus, 'invalid_client', INVALID_CLIENT_ID) };
  if (!client.clientSecret) return { client, method: 'none' };
  const secret = basic?.secret ?? postedSecret;
  if (secret === undefined) return { refused: oauthError(401, 'invalid_client', NO_CLIENT_AUTHENTICATION) };
  if (!sameSecret(secret, client.clientSecret)) return { refused: oauthError(401, 'invalid_client', WRONG_SECRET) };
  return { client, method: basic?.secret !== undefined ? 'client_secret_basic' : 'client_secret_post' };
}
