import type { OvAuthClient } from './types.js';

type HttpRequestClient = (method: string, url: string, args: unknown) => Promise<unknown>;

const lastRetryAfter = new WeakMap<object, string>();

/**
 * okta-auth-js drops response headers when it turns a 429 into a transaction, so the clients the
 * widget creates keep the `Retry-After` of the last refused request here. A page's own client is left
 * untouched; polling then backs off on its own.
 */
export function recordRetryAfter<T extends OvAuthClient>(client: T): T {
  const options = (client as unknown as { options?: { httpRequestClient?: HttpRequestClient } }).options;
  const send = options?.httpRequestClient;
  if (!options || !send) return client;
  options.httpRequestClient = async (method, url, args) => {
    try {
      return await send(method, url, args);
    } catch (failure) {
      const headers = (failure as { headers?: Record<string, unknown> } | undefined)?.headers;
      const value = headers?.['retry-after'];
      if (typeof value === 'string') lastRetryAfter.set(client, value);
      throw failure;
    }
  };
  return client;
}

/** The `Retry-After` value recorded for this client, once. */
export function takeRetryAfter(client: OvAuthClient | undefined): string | undefined {
  if (!client) return undefined;
  const value = lastRetryAfter.get(client);
  lastRetryAfter.delete(client);
  return value;
}
