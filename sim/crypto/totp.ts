// RFC 6238 TOTP (HMAC-SHA1, 30 s step, 6 digits) with otpauth: the parameters Okta Verify and
// Google Authenticator use, so codes from a real app match the simulator's. otpauth also does the
// RFC 4648 base32 of the shared secrets, and compares codes in constant time (node:crypto's
// timingSafeEqual), so response timing leaks nothing about how close a guess was.
import { HOTP, Secret, TOTP } from 'otpauth';

const STEP_SECONDS = 30;
const DIGITS = 6;
// RFC 4226 recommends 160-bit secrets, the HMAC-SHA1 block-output size.
const SECRET_BYTES = 20;

/** A fresh shared secret, base32 without padding as authenticator apps expect. */
export function generateTotpSecret(): string {
  return new Secret({ size: SECRET_BYTES }).base32;
}

/**
 * RFC 4226 HOTP. Exported for tests: the RFC 6238 vectors are 8-digit codes.
 * @internal
 */
export function hotp(secretBytes: Uint8Array, counter: number, digits: number): string {
  return HOTP.generate({ secret: new Secret({ buffer: Uint8Array.from(secretBytes).buffer }), counter, digits });
}

/** The RFC 6238 time-step counter for a moment in milliseconds since the epoch. */
export function totpCounter(atMs: number): number {
  return TOTP.counter({ period: STEP_SECONDS, timestamp: atMs });
}

export function totpCode(secretBase32: string, atMs: number = Date.now()): string {
  return TOTP.generate({
    secret: Secret.fromBase32(secretBase32),
    digits: DIGITS,
    period: STEP_SECONDS,
    timestamp: atMs,
  });
}

/** Whole seconds until the current code rolls over, 1..30 (what Okta shows as a countdown). */
export function totpExpiresIn(atMs: number = Date.now()): number {
  return Math.ceil(TOTP.remaining({ period: STEP_SECONDS, timestamp: atMs }) / 1000);
}

/**
 * Checks `code` against the steps within ±`window` of `atMs` (allowing for clock
 * drift) and returns the matching counter, or null. The counter is returned so the
 * caller can refuse replays by remembering the last accepted one.
 */
export function matchTotp(secretBase32: string, code: string, atMs: number, window = 1): number | null {
  if (!Number.isInteger(window) || window < 0) throw new RangeError('window must be a non-negative integer');
  // otpauth checks only the length; a code is six digits and nothing else.
  if (!/^\d{6}$/.test(code)) return null;
  const delta = TOTP.validate({
    token: code,
    secret: Secret.fromBase32(secretBase32),
    digits: DIGITS,
    period: STEP_SECONDS,
    timestamp: atMs,
    window,
  });
  return delta === null ? null : totpCounter(atMs) + delta;
}
