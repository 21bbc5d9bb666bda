import type { SimSettings } from '../config.ts';
import type { SimStore } from '../state/store.ts';

/** A request as the route handlers see it: already read, with the org's origin worked out. */
export interface SimRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
  body: string;
  /** `http://host:port` as the caller reached the simulator; every href and the issuer use it. */
  origin: string;
}

export interface SimResponse {
  status: number;
  body: string | object;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface SimContext {
  store: SimStore;
  readonly settings: SimSettings;
}

export type Route = (ctx: SimContext, req: SimRequest, params: string[]) => SimResponse | Promise<SimResponse>;

export const JSON_TYPE = 'application/json';

export function json(status: number, body: object, headers?: Record<string, string>): SimResponse {
  return { status, body, contentType: JSON_TYPE, headers };
}

/** `{error, error_description}`, the OAuth error shape Okta's /oauth2 endpoints use (fixtures 03, 06). */
export function oauthError(status: number, error: string, description: string): SimResponse {
  return json(status, { error, error_description: description });
}

/** Parses a JSON object body, or returns undefined (the caller answers with its own error shape). */
export function parseJsonObject(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
