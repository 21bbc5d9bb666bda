import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calculateJwkThumbprint, compactVerify, decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import type { JWK } from 'jose';
import {
  accessTokenHash,
  createSigningKey,
  exportSigningKey,
  importSigningKey,
  jwks,
  signJwt,
} from '../../../sim/crypto/jwt.ts';
import { fixturesSkipReason, readFixture } from '../support/recorded-fixtures.ts';

const key = await createSigningKey();
const otherKey = await createSigningKey();
const now = Math.floor(Date.now() / 1000);
const claims = {
  iss: 'http://127.0.0.1:8787/oauth2/default',
  sub: '00u2h3ffs5elyqiQU1d7',
  aud: 'api://default',
  iat: now,
  exp: now + 3600,
};

/** Verifies with a key taken from the published JWKS alone, as a relying party would. */
async function verifyWithJwks(token: string, published: { keys: object[] }) {
  const { kid } = decodeProtectedHeader(token);
  const jwk = published.keys.find((candidate) => (candidate as JWK).kid === kid);
  if (!jwk) throw new Error(`kid ${kid} is not in the JWKS`);
  return jwtVerify(token, await importJWK(jwk as JWK, 'RS256'));
}

test('signJwt produces an RS256 token that jose verifies from the JWKS', async () => {
  const token = await signJwt(key, claims);
  const { payload, protectedHeader } = await verifyWithJwks(token, jwks([key]));
  assert.deepEqual(payload, claims);
  assert.deepEqual(protectedHeader, { kid: key.kid, alg: 'RS256' });
});

test('signJwt writes kid before alg and leaves no base64 padding', async () => {
  const token = await signJwt(key, { a: 1 });
  const [header, payload, signature] = token.split('.');
  assert.equal(Buffer.from(header!, 'base64url').toString(), `{"kid":"${key.kid}","alg":"RS256"}`);
  assert.equal(Buffer.from(payload!, 'base64url').toString(), '{"a":1}');
  assert.match(token, /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  assert.equal(Buffer.from(signature!, 'base64url').length, 256);
});

test('a token with a tampered payload fails verification', async () => {
  const [header, , signature] = (await signJwt(key, claims)).split('.');
  const forged = Buffer.from(JSON.stringify({ ...claims, sub: '00uATTACKER000000001' })).toString('base64url');
  await assert.rejects(verifyWithJwks(`${header}.${forged}.${signature}`, jwks([key])), {
    code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
  });
});

test('a token does not verify under a different key', async () => {
  const token = await signJwt(key, claims);
  await assert.rejects(jwtVerify(token, await importJWK(otherKey.publicJwk, 'RS256')), {
    code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
  });
});

test('kid is the RFC 7638 thumbprint of the public key', async () => {
  assert.equal(key.kid, await calculateJwkThumbprint(key.publicJwk, 'sha256'));
  assert.equal(key.publicJwk.kid, key.kid);
  assert.notEqual(otherKey.kid, key.kid);
});

test('the public JWK carries no private key material', () => {
  assert.deepEqual(Object.keys(key.publicJwk).sort(), ['alg', 'e', 'kid', 'kty', 'n', 'use']);
  assert.equal(key.publicJwk.e, 'AQAB');
  assert.equal(Buffer.from(key.publicJwk.n, 'base64url').length, 256);
});

test('jwks lists every key’s public JWK in order', () => {
  assert.deepEqual(jwks([key, otherKey]), { keys: [key.publicJwk, otherKey.publicJwk] });
});

test('exported keys import with the same kid and still sign verifiable tokens', async () => {
  const exported = await exportSigningKey(key);
  assert.match(exported.privatePem, /^-----BEGIN PRIVATE KEY-----\n/);
  const restored = await importSigningKey(JSON.parse(JSON.stringify(exported)));
  assert.equal(restored.kid, key.kid);
  assert.deepEqual(restored.publicJwk, key.publicJwk);
  const { payload } = await verifyWithJwks(await signJwt(restored, claims), jwks([key]));
  assert.equal(payload.sub, claims.sub);
});

test('accessTokenHash is base64url of the left half of SHA-256', () => {
  // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223 b00361a3...
  assert.equal(accessTokenHash('abc'), Buffer.from('ba7816bf8f01cfea414140de5dae2223', 'hex').toString('base64url'));
  assert.equal(accessTokenHash('abc'), 'ungWv48Bz-pBQUDeXa4iIw');
});

test('accessTokenHash matches the at_hash Okta put in a recorded id_token', { skip: fixturesSkipReason }, async () => {
  const tokens = await readFixture('04-oauth2-token-interaction-code.json');
  const recordedJwks = await readFixture('05-oauth2-keys-jwks.json');
  // Check the id_token really is Okta-signed with the recorded keys (compactVerify skips the long-past exp).
  const { kid } = decodeProtectedHeader(tokens.id_token);
  const jwk = recordedJwks.keys.find((candidate: JWK) => candidate.kid === kid);
  const { payload } = await compactVerify(tokens.id_token, await importJWK(jwk, 'RS256'));
  const idClaims = JSON.parse(new TextDecoder().decode(payload));
  assert.equal(accessTokenHash(tokens.access_token), idClaims.at_hash);
});
