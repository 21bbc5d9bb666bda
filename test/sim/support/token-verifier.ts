/** Checks tokens the way a resource server would, independently of okta-auth-js's own checks. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { Tokens } from '@okta/okta-auth-js/idx';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import type { OrgAddress } from './sdk-client.ts';

export interface VerifiedTokens {
  idClaims: JWTPayload & { email?: string; amr?: string[]; at_hash?: string };
  accessClaims: JWTPayload & { cid?: string; scp?: string[] };
}

/** base64url of the left half of SHA-256(access token): OIDC Core 3.1.3.6. */
function atHash(accessToken: string): string {
  return createHash('sha256').update(accessToken).digest().subarray(0, 16).toString('base64url');
}

/** What okta-auth-js returned after it exchanged the interaction code itself. */
export function verifyTokens(sim: OrgAddress, tokens: Tokens | undefined, login: string): Promise<VerifiedTokens> {
  const idToken = tokens?.idToken?.idToken;
  const accessToken = tokens?.accessToken?.accessToken;
  assert.ok(idToken, 'no id token');
  assert.ok(accessToken, 'no access token');
  return verifyTokenPair(sim, idToken, accessToken, login);
}

/**
 * Both tokens RS256-signed by a key in the org's JWKS, issued by the `default` server, the id token
 * for the client and the user `login`, its at_hash bound to the access token.
 */
export async function verifyTokenPair(
  sim: OrgAddress,
  idToken: string,
  accessToken: string,
  login: string,
): Promise<VerifiedTokens> {
  const keys = createRemoteJWKSet(new URL(`${sim.issuer}/v1/keys`));
  const options = { issuer: sim.issuer, algorithms: ['RS256'] };
  for (const token of [idToken, accessToken])
    assert.ok(decodeProtectedHeader(token).kid, 'a token without kid cannot be matched to a key');

  const { payload: idClaims } = await jwtVerify<VerifiedTokens['idClaims']>(idToken, keys, {
    ...options,
    audience: sim.clientId,
  });
  const { payload: accessClaims } = await jwtVerify<VerifiedTokens['accessClaims']>(accessToken, keys, {
    ...options,
    audience: 'api://default',
  });
  assert.equal(idClaims.at_hash, atHash(accessToken));
  assert.equal(idClaims.email, login);
  assert.equal(accessClaims.sub, login);
  assert.equal(accessClaims.cid, sim.clientId);
  return { idClaims, accessClaims };
}
