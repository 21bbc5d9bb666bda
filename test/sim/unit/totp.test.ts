import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Secret } from 'otpauth';
import { generateTotpSecret, hotp, matchTotp, totpCode, totpCounter, totpExpiresIn } from '../../../sim/crypto/totp.ts';

// RFC 6238 Appendix B, SHA-1 rows: seconds since the epoch → 8-digit code.
const RFC6238_SHA1: Array<[number, string]> = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];
const RFC_SECRET_ASCII = '12345678901234567890';
const RFC_SECRET_BASE32 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

test('hotp reproduces the RFC 6238 Appendix B SHA-1 vectors (8 digits)', () => {
  const secret = Buffer.from(RFC_SECRET_ASCII, 'ascii');
  for (const [seconds, code] of RFC6238_SHA1) {
    assert.equal(hotp(secret, totpCounter(seconds * 1000), 8), code, `T=${seconds}`);
  }
});

test('totpCode gives the last 6 digits of the RFC vectors from a base32 secret', () => {
  for (const [seconds, code] of RFC6238_SHA1) {
    assert.equal(totpCode(RFC_SECRET_BASE32, seconds * 1000), code.slice(-6), `T=${seconds}`);
  }
});

test('totpCode keeps leading zeros', () => {
  // 1111111109 s yields 07081804, so its 6-digit code is 081804.
  assert.equal(totpCode(RFC_SECRET_BASE32, 1111111109 * 1000), '081804');
});

test('totpCounter counts 30-second steps', () => {
  assert.equal(totpCounter(0), 0);
  assert.equal(totpCounter(29_999), 0);
  assert.equal(totpCounter(30_000), 1);
  assert.equal(totpCounter(59_000), 1);
  assert.equal(totpCounter(1111111109 * 1000), 37037036);
});

test('totpExpiresIn counts whole seconds left in the step, 1..30', () => {
  assert.equal(totpExpiresIn(0), 30);
  assert.equal(totpExpiresIn(30_000), 30);
  assert.equal(totpExpiresIn(30_500), 30);
  assert.equal(totpExpiresIn(58_999), 2);
  assert.equal(totpExpiresIn(59_000), 1);
  assert.equal(totpExpiresIn(59_999), 1);
});

test('generateTotpSecret returns 20 random bytes as unpadded base32', () => {
  const secret = generateTotpSecret();
  assert.match(secret, /^[A-Z2-7]{32}$/);
  assert.equal(Secret.fromBase32(secret).bytes.length, 20);
  assert.notEqual(generateTotpSecret(), secret);
});

// Codes for the RFC secret around T = 1111111111 s (counter 37037037), from hotp(…, 6).
const NOW = 1111111111 * 1000;
const CODES_AROUND_NOW: Record<number, string> = {
  37037035: '731029',
  37037036: '081804',
  37037037: '050471',
  37037038: '266759',
  37037039: '306183',
};

test('matchTotp returns the counter of the matching step within the window', () => {
  assert.equal(totpCounter(NOW), 37037037);
  for (const counter of [37037036, 37037037, 37037038]) {
    assert.equal(matchTotp(RFC_SECRET_BASE32, CODES_AROUND_NOW[counter]!, NOW), counter);
  }
});

test('matchTotp refuses codes outside the window', () => {
  assert.equal(matchTotp(RFC_SECRET_BASE32, CODES_AROUND_NOW[37037035]!, NOW), null);
  assert.equal(matchTotp(RFC_SECRET_BASE32, CODES_AROUND_NOW[37037039]!, NOW), null);
  assert.equal(matchTotp(RFC_SECRET_BASE32, CODES_AROUND_NOW[37037035]!, NOW, 2), 37037035);
  assert.equal(matchTotp(RFC_SECRET_BASE32, CODES_AROUND_NOW[37037039]!, NOW, 2), 37037039);
  assert.equal(matchTotp(RFC_SECRET_BASE32, CODES_AROUND_NOW[37037036]!, NOW, 0), null);
  assert.equal(matchTotp(RFC_SECRET_BASE32, CODES_AROUND_NOW[37037037]!, NOW, 0), 37037037);
});

test('matchTotp works with a freshly generated secret', () => {
  const secret = generateTotpSecret();
  const at = Date.now();
  assert.equal(matchTotp(secret, totpCode(secret, at), at), totpCounter(at));
});

test('matchTotp refuses a wrong code and malformed input', () => {
  assert.equal(matchTotp(RFC_SECRET_BASE32, '050472', NOW), null);
  assert.equal(matchTotp(RFC_SECRET_BASE32, '14050471', NOW), null);
  assert.equal(matchTotp(RFC_SECRET_BASE32, '50471', NOW), null);
  assert.equal(matchTotp(RFC_SECRET_BASE32, ' 50471', NOW), null);
  assert.equal(matchTotp(RFC_SECRET_BASE32, '', NOW), null);
});

test('matchTotp rejects a negative or fractional window', () => {
  assert.throws(() => matchTotp(RFC_SECRET_BASE32, '050471', 0, -1), RangeError);
  assert.throws(() => matchTotp(RFC_SECRET_BASE32, '050471', 0, 0.5), RangeError);
});
