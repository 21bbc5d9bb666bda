/// <reference types="node" />
/**
 * Node's `http` for the fetch-style handler: an IncomingMessage becomes a `Request`, the `Response`
 * is written to the ServerResponse. Express and Fastify build on these helpers.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerOptions, ServerResponse } from 'node:http';
import type { SignInHandler } from './handler.js';
import { WireError } from '../transport/protocol.js';
import { BodyTimeoutError, BodyTooLargeError } from './errors.js';
import { failure } from './responses.js';

/** Bodies are small JSON objects; a larger one is refused before it is read whole. */
export const MAX_BODY_BYTES = 16 * 1024;
/** A body of at most 16 KiB that takes longer than this is not a browser's: 408. */
export const DEFAULT_BODY_TIMEOUT_MS = 10_000;

/**
 * What createSignInServer() gives Node's server: a client gets 10 s to send its headers and 30 s
 * for the whole request (Node's own defaults are 60 s and 5 minutes), so slow clients cannot hold
 * connections open for long.
 */
export const SERVER_TIMEOUTS = { headersTimeout: 10_000, requestTimeout: 30_000, keepAliveTimeout: 5_000 } as const;

/**
 * A Host header: a name or IPv4 address (underscores allowed, as container names have them), or
 * an IPv6 address in brackets, and an optional port. No user info, path, space or other character.
 */
const HOST = /^(?:[A-Za-z0-9_.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

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
  /** How long the body may take to arrive, in milliseconds; then 408. Default 10 s. */
  bodyTimeoutMs?: number;
}

/** The request body, up to `MAX_BODY_BYTES`, within `timeoutMs`. */
export function readBody(req: IncomingMessage, timeoutMs = DEFAULT_BODY_TIMEOUT_MS): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (error?: Error) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', settle);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) settle(new BodyTooLargeError());
      else chunks.push(chunk);
    };
    const onEnd = () => settle();
    const timer = setTimeout(() => settle(new BodyTimeoutError()), timeoutMs);
    req.on('data', onData).on('end', onEnd).on('error', settle);
  });
}

/**
 * The request's URL, or `undefined` when its Host header is missing or malformed (the adapters
 * answer 400) or its target is not a path.
 */
export function requestUrl(req: IncomingMessage, protocol: string, path = req.url ?? '/'): string | undefined {
  const host = req.headers.host;
  if (host === undefined || !HOST.test(host) || !path.startsWith('/')) return undefined;
  try {
    return new URL(`${protocol}://${host}${path}`).href;
  } catch {
    return undefined;
  }
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

/** The request body, or the 413 answer when it is too large, or 408 when it is too slow. */
export async function bodyOrRefusal(req: IncomingMessage, timeoutMs?: number): Promise<Buffer | Response> {
  try {
    return await readBody(req, timeoutMs);
  } catch (error) {
    // The rest of the body is never read: the connection closes after the answer.
    if (error instanceof BodyTooLargeError) return failure(WireError.PAYLOAD_TOO_LARGE, { connection: 'close' });
    if (error instanceof BodyTimeoutError) return failure(WireError.REQUEST_TIMEOUT, { connection: 'close' });
    throw error;
  }
}

/** The answer to a request whose Host header is missing or malformed. */
export const badHost = () => failure(WireError.INVALID_REQUEST, { connection: 'close' });

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
      const url = requestUrl(req, nodeProtocol(req, options));
      if (url === undefined) {
        await writeResponse(badHost(), res);
        return;
      }
      const body =
        req.method === 'GET' || req.method === 'HEAD' ? undefined : await bodyOrRefusal(req, options.bodyTimeoutMs);
      const response =
        body instanceof Response ? body : await handler.handle(toFetchRequest(req, url, body), { req, res });
      await writeResponse(response, res);
    } catch (error) {
      if (next) next(error);
      else res.destroy(error as Error);
    }
  };
}

/**
 * `http.createServer()` answering the sign-in API, with SERVER_TIMEOUTS (overridable in
 * `serverOptions`). Listen on it as on any Node server.
 */
export function createSignInServer(
  handler: SignInHandler<NodeContext>,
  options: NodeAdapterOptions = {},
  serverOptions: ServerOptions = {},
): Server {
  const listener = nodeSignIn(handler, options);
  return createServer({ ...SERVER_TIMEOUTS, ...serverOptions }, (req, res) => void listener(req, res));
}
