/// <reference types="node" />
/**
 * Fastify (tested with Fastify 5): `await app.register(fastifySignIn(handler))`. The plugin keeps to its own
 * encapsulated context: there it replaces the body parsers with one that keeps the raw bytes (the
 * handler parses and checks the body itself), leaving the app's parsers untouched. Typed
 * structurally, so this package needs no Fastify types.
 */
import type { IncomingMessage } from 'node:http';
import type { SignInHandler } from './handler.js';
import { badHost, MAX_BODY_BYTES, requestUrl, toFetchRequest } from './node.js';

export interface FastifyRequestLike {
  readonly raw: IncomingMessage;
  readonly url: string;
  /** Follows the app's `trustProxy` setting. */
  readonly protocol: string;
  readonly body?: unknown;
}

export interface FastifyReplyLike {
  code(statusCode: number): unknown;
  header(name: string, value: string | string[]): unknown;
  send(payload: Buffer): unknown;
}

/** The few members of a Fastify instance the plugin uses. */
export interface FastifyInstanceLike {
  removeAllContentTypeParsers(): void;
  addContentTypeParser(
    contentType: string,
    options: { parseAs: 'buffer'; bodyLimit: number },
    parser: (request: never, body: Buffer, done: (error: Error | null, body?: Buffer) => void) => void,
  ): void;
  route(options: {
    method: string[];
    url: string;
    handler: (request: FastifyRequestLike, reply: FastifyReplyLike) => Promise<unknown>;
  }): unknown;
}

export interface FastifyContext<
  Req extends FastifyRequestLike = FastifyRequestLike,
  Reply extends FastifyReplyLike = FastifyReplyLike,
> {
  readonly request: Req;
  readonly reply: Reply;
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

export function fastifySignIn<Req extends FastifyRequestLike, Reply extends FastifyReplyLike>(
  handler: SignInHandler<FastifyContext<Req, Reply>>,
) {
  // Fastify takes an async function as a plugin that needs no `done` callback.
  // eslint-disable-next-line @typescript-eslint/require-await
  return async (instance: FastifyInstanceLike): Promise<void> => {
    instance.removeAllContentTypeParsers();
    instance.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_BODY_BYTES }, (_request, body, done) =>
      done(null, body),
    );
    instance.route({
      method: METHODS,
      url: `${handler.basePath}/*`,
      handler: async (request, reply) => {
        const body = request.body instanceof Uint8Array ? request.body : undefined;
        const url = requestUrl(request.raw, request.protocol, request.url);
        // Fastify hands the route its own request and reply objects: the ones the app's types describe.
        const response =
          url === undefined
            ? badHost()
            : await handler.handle(toFetchRequest(request.raw, url, body), {
                request: request as Req,
                reply: reply as Reply,
              });
        reply.code(response.status);
        for (const [name, value] of response.headers) if (name !== 'set-cookie') reply.header(name, value);
        const cookies = response.headers.getSetCookie();
        if (cookies.length) reply.header('set-cookie', cookies);
        return reply.send(Buffer.from(await response.arrayBuffer()));
      },
    });
  };
}
