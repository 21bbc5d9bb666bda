// Random identifiers shaped like Okta's, so clients that sniff id formats
// (prefix checks, length limits) behave as they would against a real org.
import { randomBytes } from 'node:crypto';

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const OKTA_ID_LENGTH = 20;
// Largest multiple of 62 that fits in a byte; rejecting bytes above it keeps the
// characters uniformly distributed (plain `byte % 62` would favour the first 8).
const UNBIASED_LIMIT = 62 * 4;

function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length)) {
      if (byte < UNBIASED_LIMIT && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

/** `prefix` + random base62 to 20 characters, e.g. `aut2h3fft4y9pDPCS1d7`. */
export function oktaId(prefix: string): string {
  if (prefix.length >= OKTA_ID_LENGTH)
    throw new RangeError(`Okta id prefix must be shorter than ${OKTA_ID_LENGTH} characters`);
  return prefix + randomBase62(OKTA_ID_LENGTH - prefix.length);
}

/** An opaque unguessable token (state handles, codes, session ids), base64url. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** A 34-character enrollment activation token, `ft` + base64url, like Okta's. */
export function activationToken(): string {
  // 24 bytes encode to exactly 32 base64url characters, with no padding to strip.
  return 'ft' + randomBytes(24).toString('base64url');
}
