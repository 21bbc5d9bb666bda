/**
 * One app process of the scale tests and benchmark: the Node adapter on a free loopback port, its
 * sessions in Redis (`OV_REDIS_URL`) or in its memory. It tells its parent over IPC when it listens,
 * each `onSuccess` (the user's email and a digest of the access token, so the parent can tie every
 * sign-in to exactly one call) and, when asked, how many requests it served.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from 'redis';
import { createSignInHandler, nodeSignIn } from '../../../../src/server/index.ts';
import { RedisSessionStore } from '../../../../src/server/redis.ts';
import type { AppMessage } from './messages.ts';

const env = process.env;
const send = (message: AppMessage) => process.send?.(message);

let store: RedisSessionStore | undefined;
if (env.OV_REDIS_URL) {
  // A bounded command time: while Redis is away, requests fail with "try again" rather than hang.
  // Generous: a saturated event loop reads replies late, and a restart is over well before.
  const client = createClient({ url: env.OV_REDIS_URL, commandOptions: { timeout: 10_000 } });
  // The client reconnects on its own; without a listener its errors would end the process.
  client.on('error', () => undefined);
  await client.connect();
  store = new RedisSessionStore({
    client,
    ...(env.OV_LOCK_TTL_MS && { lockTtlMs: Number(env.OV_LOCK_TTL_MS), lockWaitMs: 3 * Number(env.OV_LOCK_TTL_MS) }),
  });
}

let served = 0;
const handler = createSignInHandler({
  okta: {
    issuer: env.OV_ISSUER!,
    clientId: env.OV_CLIENT_ID!,
    redirectUri: env.OV_REDIRECT_URI!,
    scopes: ['openid', 'profile', 'email'],
  },
  csrfSecret: env.OV_CSRF_SECRET!,
  ...(store && { store }),
  onSuccess(tokens) {
    const email = String(tokens.idToken?.claims.email ?? '');
    const digest = createHash('sha256')
      .update(tokens.accessToken?.accessToken ?? '')
      .digest('base64url')
      .slice(0, 22);
    send({ type: 'success', email, digest });
    return { email, digest };
  },
  onError: (error) => send({ type: 'error', message: String((error as Error)?.message ?? error) }),
});
const listener = nodeSignIn(handler);
const server = http.createServer((req, res) => {
  served++;
  void listener(req, res);
});
// A deep accept queue: 1,000 sign-ins at once open more connections than Node's default 511.
server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () =>
  send({ type: 'listening', port: (server.address() as AddressInfo).port }),
);
process.on('message', (message) => {
  if (message === 'stats') send({ type: 'stats', served });
});
process.on('disconnect', () => process.exit(0));
