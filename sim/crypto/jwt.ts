// RS256 signing keys and JWTs, with jose (the library the tests verify the tokens with).
import { createHash } from 'node:crypto';
import {
  CompactSign,
  calculateJwkThumbprint,
  exportJWK,
  exportPKCS8,
  generateKeyPair,
  importPKCS8,
  type CryptoKey,
} from 'jose';

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
  privateKey: CryptoKey;
  publicJwk: PublicRsaJwk;
}

async function signingKeyFrom(privateKey: CryptoKey): Promise<SigningKey> {
  const { n, e } = await exportJWK(privateKey);
  if (typeof n !== 'string' || typeof e !== 'string') throw new Error('Signing key is not an RSA key');
  // RFC 7638 thumbprint: a kid derived from the key itself stays stable across restarts.
  const kid = await calculateJwkThumbprint({ kty: 'RSA', n, e }, 'sha256');
  // Member order mirrors Okta's /keys response.
  return { kid, privateKey, publicJwk: { kty: 'RSA', alg: 'RS256', kid, use: 'sig', e, n } };
}

export async function createSigningKey(): Promise<SigningKey> {
  // Extractable, so that --data can keep it and the public half can be published.
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  return signingKeyFrom(privateKey);
}

/** Serialises the private key so a restarted simulator can still verify its earlier tokens. */
export async function exportSigningKey(key: SigningKey): Promise<{ privatePem: string }> {
  return { privatePem: await exportPKCS8(key.privateKey) };
}

export async function importSigningKey({ privatePem }: { privatePem: string }): Promise<SigningKey> {
  return signingKeyFrom(await importPKCS8(privatePem, 'RS256', { extractable: true }));
}

/** A compact JWS. The header puts `kid` before `alg`, byte-for-byte like Okta's tokens. */
export function signJwt(key: SigningKey, payload: Record<string, unknown>): Promise<string> {
  // CompactSign rather than SignJWT: the claims are given whole, and SignJWT would add none.
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ kid: key.kid, alg: 'RS256' })
    .sign(key.privateKey);
}

/** OIDC `at_hash` for RS256: base64url of the left half of SHA-256 over the ASCII token. */
export function accessTokenHash(accessToken: string): string {
  return createHash('sha256').update(accessToken, 'ascii').digest().subarray(0, 16).toString('base64url');
}

/** The body of the `/keys` endpoint. */
export function jwks(keys: SigningKey[]): { keys: PublicRsaJwk[] } {
  return { keys: keys.map((key) => key.publicJwk) };
}
