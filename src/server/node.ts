/// <reference types="node" />
/**
 * Node's `http` for the fetch-style handler: an IncomingMessage becomes a `Request`, the `Response`
 * is written to the ServerResponse. Express and Fastify build on these helpers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SignInHandler } from './handler.js';
import { WireError } from '../transport/protocol.js';
import { BodyTooLargeError } from './errors.js';
import { failure } from './responses.js';

/** Bodies are small JSON objects; a larger one is refused before it is read whole. */
export const MAX_BODY_BYTES = 16 * 1024;

export interface NodeContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
}

export interface NodeAdapterOptions {
  /**
   * Take the client's protocol from `X-Forwarded-Proto` (https behind a TLS-terminating proxy).
   * Only behind a proxy you trust: it decides whether the cookie is Secure.
   */
  trustProxy?: boolean;
}

/** The request body, up to `MAX_BODY_BYTES`. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function requestUrl(req: IncomingMessage, protocol: string, path = req.url ?? '/'): string {
  return `${protocol}://${req.headers.host ?? 'localhost'}${path}`;
}

export function nodeProtocol(req: IncomingMessage, { trustProxy = false }: NodeAdapterOptions = {}): string {
  const forwarded = trustProxy
    ? String(req.headers['x-forwarded-proto'] ?? '')
        .split(',')[0]
        ?.trim()
    : '';
  if (forwarded === 'https' || forwarded === 'http') return forwarded;
  return (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
}

export function toFetchRequest(req: IncomingMessage, url: string, body?: Uint8Array): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(':') || value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD' && body !== undefined && body.length > 0;
  // Copied into a plain Uint8Array: what `Request` accepts (a Buffer may share a larger pool).
  return new Request(url, { method, headers, ...(hasBody && { body: new Uint8Array(body) }) });
}

export async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) if (name !== 'set-cookie') res.setHeader(name, value);
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader('set-cookie', cookies);
  res.end(Buffer.from(await response.arrayBuffer()));
}

/** The request body, or the 413 answer when it is too large. */
export async function bodyOrRefusal(req: IncomingMessage): Promise<Buffer | Response> {
  try {
    return await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return failure(WireError.PAYLOAD_TOO_LARGE);
    throw error;
  }
}

/**
 * A listener for `http.createServer()`, or a Connect-style middleware when given `next`: requests
 * outside the handler's base path go to `next` (or get a 404).
 */
export function nodeSignIn(handler: SignInHandler<NodeContext>, options: NodeAdapterOptions = {}) {
  return async (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): Promise<void> => {
    try {
      if (!handler.handles(req.url ?? '/')) {
        if (next) next();
        else await writeResponse(failure(WireError.NOT_FOUND), res);
        return;
      }
      const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await bodyOrRefusal(req);
      const response =
        body instanceof Response
          ? body
          : await handler.handle(toFetchRequest(req, requestUrl(req, nodeProtocol(req, options)), body), { req, res });
      await writeResponse(response, res);
    } catch (error) {
      if (next) next(error);
      else res.destroy(error as Error);
    }
  };
}
