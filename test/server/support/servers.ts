/** The sign-in handler mounted with each adapter on a free port, pointed at a simulator. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import Fastify from 'fastify';
import type { Tokens } from '@okta/okta-auth-js';
import type { RunningSimulator } from 'ov-sim';
import { createSignInHandler, expressSignIn, fastifySignIn, nodeSignIn } from '../../../src/server/index.ts';
import type { SignInHandlerOptions } from '../../../src/server/index.ts';
import { REDIRECT_URI } from '../../sim/support/sdk-client.ts';

export type AdapterKind = 'node' | 'express' | 'fastify';

export interface SignedIn {
  readonly tokens: Tokens;
  readonly request: Request;
}

export interface RunningServer {
  /** The API's base URL, e.g. `http://127.0.0.1:1234/auth`. */
  readonly base: string;
  /** Every onSuccess call, in order. */
  readonly signIns: SignedIn[];
  /** Everything the handler reported through onError. */
  readonly errors: unknown[];
  close(): Promise<void>;
}

export type HandlerOverrides = Partial<SignInHandlerOptions<unknown>>;

export function oktaSettings(sim: Pick<RunningSimulator, 'issuer' | 'clientId'>) {
  return {
    issuer: sim.issuer,
    clientId: sim.clientId,
    redirectUri: REDIRECT_URI,
    scopes: ['openid', 'profile', 'email'],
  };
}

export async function startServer(
  kind: AdapterKind,
  sim: Pick<RunningSimulator, 'issuer' | 'clientId'>,
  overrides: HandlerOverrides = {},
): Promise<RunningServer> {
  const signIns: SignedIn[] = [];
  const errors: unknown[] = [];
  const handler = createSignInHandler({
    okta: oktaSettings(sim),
    // What a typical app shares: who signed in, read from the verified id token. Never a token.
    onSuccess: (tokens, { request }) => {
      signIns.push({ tokens, request });
      return { email: tokens.idToken?.claims.email, name: tokens.idToken?.claims.name };
    },
    onError: (error) => errors.push(error),
    ...overrides,
  });
  const { port, close } = await listen(kind, handler);
  return { base: `http://127.0.0.1:${port}${handler.basePath}`, signIns, errors, close };
}

async function listen(
  kind: AdapterKind,
  handler: ReturnType<typeof createSignInHandler>,
): Promise<{ port: number; close(): Promise<void> }> {
  if (kind === 'fastify') {
    const app = Fastify();
    await app.register(fastifySignIn(handler));
    await app.listen({ port: 0, host: '127.0.0.1' });
    return { port: (app.server.address() as AddressInfo).port, close: () => app.close() };
  }
  let server: http.Server;
  if (kind === 'express') {
    const app = express();
    // An app-wide JSON parser runs first, as in most Express apps: the adapter must cope with a read body.
    app.use(express.json());
    app.use(expressSignIn(handler));
    server = http.createServer(app);
  } else {
    server = http.createServer(nodeSignIn(handler));
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
