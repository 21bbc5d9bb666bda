import { test } from 'node:test';
import assert from 'node:assert/strict';
import { base32Decode, base32Encode } from '../../../sim/crypto/base32.ts';

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
  assert.throws(() => base32Decode('MZXW1'), /Invalid base32 character "1"/);
  assert.throws(() => base32Decode('MZ=XW'), /Invalid base32 character "="/);
});
