/**
 * The app's own sessions (who signed in, and their tokens): in this process's memory, or in Redis
 * when the app runs as several processes, so any of them can answer `/api/me`.
 */
import type { Tokens } from '@okta/okta-auth-js';
import type { RedisScripting } from '../../src/server/redis.ts';

export interface AppSession {
  readonly name: string;
  readonly email: string;
  readonly tokens: Tokens;
}

export interface AppSessions {
  set(id: string, session: AppSession): Promise<void>;
  get(id: string): Promise<AppSession | undefined>;
}

/** What the app uses of a connected `redis` client: the session store's scripts, `get` and `set`. */
export type RedisClient = RedisScripting & {
  get(key: string): Promise<unknown>;
  set(key: string, value: string, options: { EX: number }): Promise<unknown>;
};

/** An app session lasts as long as its access token, an hour when it says nothing. */
function lifetimeSeconds(session: AppSession): number {
  const expiresAt = session.tokens.accessToken?.expiresAt;
  return expiresAt ? Math.max(1, expiresAt - Math.floor(Date.now() / 1000)) : 3600;
}

export function memoryAppSessions(): AppSessions {
  const sessions = new Map<string, AppSession>();
  return {
    set: async (id, session) => {
      sessions.set(id, session);
    },
    get: async (id) => sessions.get(id),
  };
}

export function redisAppSessions(client: RedisClient, prefix = 'example-app:'): AppSessions {
  return {
    set: async (id, session) => {
      await client.set(`${prefix}${id}`, JSON.stringify(session), { EX: lifetimeSeconds(session) });
    },
    get: async (id) => {
      const stored = await client.get(`${prefix}${id}`);
      return typeof stored === 'string' ? (JSON.parse(stored) as AppSession) : undefined;
    },
  };
}
