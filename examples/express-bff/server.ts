/**
 * An Express app in server mode: the sign-in (username and password, then Okta Verify) runs on
 * this server with `ov-signin/server`; the page shows `<ov-signin endpoint="/auth">` from the
 * server-mode build, which has no okta-auth-js in it. The tokens stay here, in the app's own
 * session; the page only learns the user's name and email.
 */
import { randomBytes } from 'node:crypto';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import type { Request, Response } from 'express';
// In an app of your own: from 'ov-signin/server' and 'ov-signin/server/redis'. Here, the sources,
// so the example runs unbuilt.
import { createSignInHandler, expressSignIn } from '../../src/server/index.ts';
import type { ExpressContext } from '../../src/server/index.ts';
import { RedisSessionStore } from '../../src/server/redis.ts';
import { memoryAppSessions, redisAppSessions } from './app-sessions.ts';
import type { RedisClient } from './app-sessions.ts';

export interface ExampleOptions {
  issuer: string;
  clientId: string;
  /** A web app's secret: the server is a confidential client (Okta authenticates it at /v1/interact and /v1/token). */
  clientSecret?: string;
  /** Registered with the Okta app; in server mode nothing is ever redirected there. */
  redirectUri: string;
  /**
   * Express's `trust proxy`: which proxies' `X-Forwarded-Proto` to believe, so that `req.protocol`
   * is https behind a TLS-terminating proxy. Default `loopback` (a proxy on the same machine).
   */
  trustProxy?: boolean | string;
  /**
   * A connected `redis` client: the sign-in sessions and the app's own in Redis, so several
   * processes of the app can answer the same browsers (a load balancer, no sticky sessions).
   * Default: this process's memory.
   */
  redis?: RedisClient;
  /** The CSRF tokens' secret; several processes must share one. Default: random to this process. */
  csrfSecret?: string;
}

const APP_COOKIE = 'example-app-session';

export function createApp({
  issuer,
  clientId,
  clientSecret,
  redirectUri,
  trustProxy = 'loopback',
  redis,
  csrfSecret,
}: ExampleOptions): express.Express {
  // The app's own sessions: who signed in, and their tokens (kept here, never sent to the browser).
  const sessions = redis ? redisAppSessions(redis) : memoryAppSessions();

  const signIn = createSignInHandler<ExpressContext<Request, Response>>({
    basePath: '/auth',
    okta: {
      issuer,
      clientId,
      ...(clientSecret ? { clientSecret } : {}),
      redirectUri,
      scopes: ['openid', 'profile', 'email'],
    },
    ...(redis && { store: new RedisSessionStore({ client: redis }) }),
    ...(csrfSecret && { csrfSecret }),
    async onSuccess(tokens, { headers, context }) {
      const claims = tokens.idToken?.claims;
      const user = { name: String(claims?.name ?? ''), email: String(claims?.email ?? '') };
      // The app signs the user in its own way: here, a session of its own behind an HttpOnly cookie.
      const id = randomBytes(32).toString('base64url');
      await sessions.set(id, { ...user, tokens });
      // Secure over https, so the browser never sends it over plain http.
      const secure = context?.req.protocol === 'https' ? '; Secure' : '';
      headers.append('set-cookie', `${APP_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax${secure}`);
      // What the page may know: it arrives as ov-success's `detail.shared`.
      return user;
    },
  });

  const app = express();
  app.set('trust proxy', trustProxy);
  app.use(expressSignIn(signIn));

  app.get('/api/me', async (req, res) => {
    const id = /(?:^|;\s*)example-app-session=([\w-]+)/.exec(req.headers.cookie ?? '')?.[1];
    const session = id ? await sessions.get(id) : undefined;
    if (!session) {
      res.json({ signedIn: false });
      return;
    }
    // Proof that the server holds the tokens, without showing them.
    res.json({
      signedIn: true,
      name: session.name,
      email: session.email,
      accessTokenExpiresAt: session.tokens.accessToken?.expiresAt,
    });
  });

  const bundle = fileURLToPath(import.meta.resolve('ov-signin/bundle/server-mode'));
  app.get('/ov-signin-server-mode.js', (_req, res) => {
    // Given as a root and a name: with an absolute path alone, Express refuses (404) any path with a
    // dot-directory in it, such as a clone under ~/.cache; with a root it checks only the name.
    res.sendFile(basename(bundle), { root: dirname(bundle) });
  });
  app.use(
    express.static(fileURLToPath(new URL('./public/', import.meta.url)), {
      setHeaders: (res) => {
        // The widget needs no inline script or style, and its QR code is a data: image.
        res.setHeader(
          'Content-Security-Policy',
          "default-src 'self'; img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'",
        );
      },
    }),
  );
  return app;
}
