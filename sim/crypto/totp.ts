// RFC 6238 TOTP (HMAC-SHA1, 30 s step, 6 digits): the parameters Okta Verify and
// Google Authenticator use, so codes from a real app match the simulator's.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { base32Decode, base32Encode } from './base32.ts';

const STEP_SECONDS = 30;
const DIGITS = 6;
// RFC 4226 recommends 160-bit secrets, the HMAC-SHA1 block-output size.
const SECRET_BYTES = 20;

/** A fresh shared secret, base32 without padding as authenticator apps expect. */
export function generateTotpSecret(): string {
  return base32Encode(randomBytes(SECRET_BYTES));
}

/**
 * RFC 4226 HOTP. Exported for tests: the RFC 6238 vectors are 8-digit codes.
 * @internal
 */
export function hotp(secretBytes: Buffer, counter: number, digits: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', secretBytes).update(message).digest();
  // Dynamic truncation (RFC 4226 §5.3).
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The RFC 6238 time-step counter for a moment in milliseconds since the epoch. */
export function totpCounter(atMs: number): number {
  return Math.floor(atMs / 1000 / STEP_SECONDS);
}

export function totpCode(secretBase32: string, atMs: number = Date.now()): string {
  return hotp(base32Decode(secretBase32), totpCounter(atMs), DIGITS);
}

/** Whole seconds until the current code rolls over, 1..30 (what Okta shows as a countdown). */
export function totpExpiresIn(atMs: number = Date.now()): number {
  const stepMs = STEP_SECONDS * 1000;
  const elapsedMs = ((atMs % stepMs) + stepMs) % stepMs;
  return Math.ceil((stepMs - elapsedMs) / 1000);
}

/**
 * Checks `code` against the steps within ±`window` of `atMs` (allowing for clock
 * drift) and returns the matching counter, or null. The counter is returned so the
 * caller can refuse replays by remembering the last accepted one.
 */
export function matchTotp(secretBase32: string, code: string, atMs: number, window = 1): number | null {
  if (!Number.isInteger(window) || window < 0) throw new RangeError('window must be a non-negative integer');
  if (!/^\d{6}$/.test(code)) return null;
  const secret = base32Decode(secretBase32);
  const given = Buffer.from(code);
  const current = totpCounter(atMs);
  for (let counter = Math.max(0, current - window); counter <= current + window; counter++) {
    // Constant-time so response timing leaks nothing about how close a guess was.
    if (timingSafeEqual(Buffer.from(hotp(secret, counter, DIGITS)), given)) return counter;
  }
  return null;
}
