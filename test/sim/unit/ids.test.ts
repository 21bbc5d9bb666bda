import { test } from 'node:test';
import assert from 'node:assert/strict';
import { activationToken, oktaId, randomToken } from '../../../sim/crypto/ids.ts';

test('oktaId pads the prefix with base62 to 20 characters', () => {
  for (const prefix of ['aut', 'pfd', '00u']) {
    const id = oktaId(prefix);
    assert.equal(id.length, 20);
    assert.match(id, new RegExp(`^${prefix}[A-Za-z0-9]{17}$`));
  }
  assert.notEqual(oktaId('aut'), oktaId('aut'));
});

test('oktaId draws from the whole base62 alphabet', () => {
  const seen = new Set(Array.from({ length: 1000 }, () => oktaId('')).join(''));
  assert.equal(seen.size, 62);
});

test('oktaId refuses a prefix that leaves no room for randomness', () => {
  assert.throws(() => oktaId('x'.repeat(20)), RangeError);
});

test('randomToken is unpadded base64url of the requested byte count', () => {
  assert.match(randomToken(), /^[A-Za-z0-9_-]{43}$/);
  assert.match(randomToken(16), /^[A-Za-z0-9_-]{22}$/);
  assert.notEqual(randomToken(), randomToken());
});

test('activationToken looks like Okta’s: "ft" + 32 base64url characters', () => {
  const token = activationToken();
  assert.match(token, /^ft[A-Za-z0-9_-]{32}$/);
  assert.notEqual(activationToken(), token);
});
