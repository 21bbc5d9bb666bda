import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Secret } from 'otpauth';

// The simulator's TOTP secrets are otpauth's base32 (sim/crypto/totp.ts); authenticator apps read
// RFC 4648 base32, so these hold it to the RFC.
const base32Encode = (bytes: Uint8Array) => new Secret({ buffer: Uint8Array.from(bytes).buffer }).base32;
const base32Decode = (text: string) => Buffer.from(Secret.fromBase32(text).bytes);

// RFC 4648 §10 test vectors, with the padding stripped.
const VECTORS: Array<[string, string]> = [
  ['', ''],
  ['f', 'MY'],
  ['fo', 'MZXQ'],
  ['foo', 'MZXW6'],
  ['foob', 'MZXW6YQ'],
  ['fooba', 'MZXW6YTB'],
  ['foobar', 'MZXW6YTBOI'],
];

test('base32Encode matches the RFC 4648 vectors without padding', () => {
  for (const [plain, encoded] of VECTORS) assert.equal(base32Encode(Buffer.from(plain)), encoded);
});

test('base32Decode inverts the RFC 4648 vectors', () => {
  for (const [plain, encoded] of VECTORS) assert.equal(base32Decode(encoded).toString(), plain);
});

test('base32Decode accepts lowercase and trailing padding', () => {
  assert.equal(base32Decode('mzxw6ytboi======').toString(), 'foobar');
});

test('base32Decode round-trips arbitrary bytes', () => {
  const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => (i * 37) & 0xff));
  assert.deepEqual(base32Decode(base32Encode(bytes)), bytes);
});

test('base32Decode rejects characters outside the alphabet', () => {
  assert.throws(() => base32Decode('MZXW1'), /Invalid character found: 1/);
  assert.throws(() => base32Decode('MZ=XW'), /Invalid character found: =/);
});
