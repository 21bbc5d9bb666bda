/// <reference types="node" />
/**
 * Express (tested with Express 5): `app.use(expressSignIn(handler))`. Typed structurally, so this package needs
 * no Express types: an Express request is an IncomingMessage with `originalUrl`, `protocol` (which
 * follows the app's `trust proxy` setting) and, after a body parser, `body`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SignInHandler } from './handler.js';
import { badHost, bodyOrRefusal, requestUrl, toFetchRequest, writeResponse } from './node.js';

export interface ExpressRequestLike extends IncomingMessage {
  readonly originalUrl?: string;
  readonly protocol?: string;
  /** Set when a body parser (`express.json()`…) ran before this middleware. */
  readonly body?: unknown;
}

export interface ExpressContext<
  Req extends ExpressRequestLike = ExpressRequestLike,
  Res extends ServerResponse = ServerResponse,
> {
  readonly req: Req;
  readonly res: Res;
}

/** The body as sent, whether or not a body parser already read the stream. */
async function rawBody(req: ExpressRequestLike): Promise<Uint8Array | Response> {
  const parsed = req.body;
  if (parsed === undefined) return bodyOrRefusal(req);
  if (parsed instanceof Uint8Array) return parsed;
  return Buffer.from(typeof parsed === 'string' ? parsed : JSON.stringify(parsed));
}

/** Middleware for the handler's base path; other requests go to `next`. Mount it at the app's root. */
export function expressSignIn<Req extends ExpressRequestLike, Res extends ServerResponse>(
  handler: SignInHandler<ExpressContext<Req, Res>>,
) {
  return async (req: Req, res: Res, next: (error?: unknown) => void): Promise<void> => {
    try {
      const path = req.originalUrl ?? req.url ?? '/';
      if (!handler.handles(path)) {
        next();
        return;
      }
      const url = requestUrl(req, req.protocol ?? 'http', path);
      if (url === undefined) {
        await writeResponse(badHost(), res);
        return;
      }
      const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await rawBody(req);
      const response =
        body instanceof Response ? body : await handler.handle(toFetchRequest(req, url, body), { req, res });
      await writeResponse(response, res);
    } catch (error) {
      next(error);
    }
  };
}
