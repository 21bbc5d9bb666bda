/**
 * Randomness and hashing through Node's crypto, synchronously: a request needs a SHA-256 and an
 * HMAC, and Web Crypto's promise-based jobs cost about ten times as much CPU for such small inputs
 * (issue 17: server mode's own cost).
 */
import { createHash, createHmac, createSecretKey, randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

/** An unguessable token: 32 random bytes, base64url (43 characters). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** SHA-256 of `text`, base64url: the store keys sessions by this, never by the cookie's value. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/** An HMAC-SHA256 key for hmacSha256(). */
export function hmacKey(secret: string | Uint8Array): KeyObject {
  return createSecretKey(typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret);
}

/** HMAC-SHA256 of `text`, base64url (43 characters). */
export function hmacSha256(key: KeyObject, text: string): string {
  return createHmac('sha256', key).update(text).digest('base64url');
}

/** Compares two strings in time that does not depend on where they differ (CSRF tokens). */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = new TextEncoder().encode(a);
  const right = new TextEncoder().encode(b);
  let difference = left.length ^ right.length;
  for (let i = 0; i < left.length; i++) difference |= (left[i] ?? 0) ^ (right[i % Math.max(right.length, 1)] ?? 0);
  return difference === 0;
}
