// RS256 JWT signing with node:crypto alone, so the simulator ships no JOSE dependency.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

export interface PublicRsaJwk {
  kty: 'RSA';
  alg: 'RS256';
  kid: string;
  use: 'sig';
  e: string;
  n: string;
}

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicJwk: PublicRsaJwk;
}

function base64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}

function signingKeyFrom(privateKey: KeyObject): SigningKey {
  const { n, e } = createPublicKey(privateKey).export({ format: 'jwk' });
  if (typeof n !== 'string' || typeof e !== 'string') throw new Error('Signing key is not an RSA key');
  // RFC 7638 thumbprint: a kid derived from the key itself stays stable across restarts.
  // Members in lexicographic order, no whitespace, as the RFC requires.
  const kid = base64url(createHash('sha256').update(JSON.stringify({ e, kty: 'RSA', n })).digest());
  // Member order mirrors Okta's /keys response.
  return { kid, privateKey, publicJwk: { kty: 'RSA', alg: 'RS256', kid, use: 'sig', e, n } };
}

export function createSigningKey(): SigningKey {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return signingKeyFrom(privateKey);
}

/** Serialises the private key so a restarted simulator can still verify its earlier tokens. */
export function exportSigningKey(key: SigningKey): { privatePem: string } {
  return { privatePem: key.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() };
}

export function importSigningKey({ privatePem }: { privatePem: string }): SigningKey {
  return signingKeyFrom(createPrivateKey(privatePem));
}

/** A compact JWS. The header puts `kid` before `alg`, byte-for-byte like Okta's tokens. */
export function signJwt(key: SigningKey, payload: Record<string, unknown>): string {
  const signingInput = `${base64url(JSON.stringify({ kid: key.kid, alg: 'RS256' }))}.${base64url(JSON.stringify(payload))}`;
  // RSA keys sign with RSASSA-PKCS1-v1_5 by default, which is what RS256 means.
  const signature = sign('sha256', Buffer.from(signingInput), key.privateKey);
  return `${signingInput}.${base64url(signature)}`;
}

/** OIDC `at_hash` for RS256: base64url of the left half of SHA-256 over the ASCII token. */
export function accessTokenHash(accessToken: string): string {
  return base64url(createHash('sha256').update(accessToken, 'ascii').digest().subarray(0, 16));
}

/** The body of the `/keys` endpoint. */
export function jwks(keys: SigningKey[]): { keys: PublicRsaJwk[] } {
  return { keys: keys.map((key) => key.publicJwk) };
}
