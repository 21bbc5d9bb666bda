import type { OvAuthClient } from '../controller/types.js';
import { retryAfterHeader, tapHttpRequests } from './http-tap.js';

const lastRetryAfter = new WeakMap<object, string>();

/**
 * okta-auth-js drops response headers when it turns a 429 into a transaction, so the clients the
 * widget creates keep the `Retry-After` of the last refused request here. A page's own client is left
 * untouched; polling then backs off on its own.
 */
export function recordRetryAfter<T extends OvAuthClient>(client: T): T {
  tapHttpRequests(client, () => ({ failure }) => {
    const value = retryAfterHeader(failure);
    if (value !== undefined) lastRetryAfter.set(client, value);
  });
  return client;
}

/** The `Retry-After` value recorded for this client, once. */
export function takeRetryAfter(client: OvAuthClient | undefined): string | undefined {
  if (!client) return undefined;
  const value = lastRetryAfter.get(client);
  lastRetryAfter.delete(client);
  return value;
}

/**
 * What the server asked for with `Retry-After` (on a 429 or a 503), in milliseconds: from the error
 * when it carries the answer (an AuthApiError's `xhr`), else the value recorded for the client.
 */
export function retryAfterOf(error: unknown, recorded?: string): number | undefined {
  const headers = (error as { xhr?: { headers?: Record<string, unknown> } } | undefined)?.xhr?.headers;
  return parseRetryAfter(headers?.['retry-after'] ?? headers?.['Retry-After'] ?? recorded);
}

/** `Retry-After` in milliseconds, from seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
