/**
 * The scale set-up: a simulator with one push user per concurrent sign-in, one redis-server, app
 * processes sharing it, nginx in front of them; and the run of many sign-ins through nginx, with
 * the checks every scenario makes (none lost, none mixed, one onSuccess each).
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { startSimulator } from 'ov-sim';
import type { RunningSimulator } from 'ov-sim';
import { ControlApi } from 'ov-sim/client';
import { REDIRECT_URI } from '../../../sim/support/sdk-client.ts';
import { startRedis } from '../redis-server.ts';
import type { RunningRedis } from '../redis-server.ts';
import { startApps } from './apps.ts';
import type { AppProcess, AppSuccess } from './apps.ts';
import { startNginx } from './nginx.ts';
import type { RunningNginx } from './nginx.ts';
import { pushSignIn } from './push-sign-in.ts';
import type { CallTiming, SignInOutcome } from './push-sign-in.ts';

export const loginOf = (n: number) => `scale-${n}@example.com`;

/** The simulator's users: `count` of them, each with Okta Verify (push only) on one device. */
export function scaleUsers(count: number) {
  return Array.from({ length: count }, (_, n) => ({ login: loginOf(n), methods: ['push' as const], enrolled: true }));
}

export async function startScaleSimulator(users: number): Promise<RunningSimulator> {
  // Fast polls as in the other tests, but pushes that wait on a loaded machine's phone.
  return startSimulator({
    port: 0,
    config: { testing: true, settings: { pushLifetimeMs: 120_000 }, users: scaleUsers(users) },
  });
}

export type SimAddress = Pick<RunningSimulator, 'url' | 'issuer' | 'clientId'>;

export interface Stack {
  readonly sim: SimAddress;
  readonly redis: RunningRedis;
  readonly apps: AppProcess[];
  readonly nginx: RunningNginx;
  /** Every onSuccess of every app process, as they reported it. */
  readonly successes: AppSuccess[];
  close(): Promise<void>;
}

export async function startStack(sim: SimAddress, appCount: number, lockTtlMs?: number): Promise<Stack> {
  const successes: AppSuccess[] = [];
  const redis = await startRedis();
  let apps: AppProcess[] = [];
  try {
    apps = await startApps(
      appCount,
      {
        issuer: sim.issuer,
        clientId: sim.clientId,
        redirectUri: REDIRECT_URI,
        redisUrl: redis.url,
        lockTtlMs,
        csrfSecret: randomBytes(32).toString('base64url'),
      },
      successes,
    );
    const nginx = await startNginx(apps.map((app) => app.port));
    return {
      sim,
      redis,
      apps,
      nginx,
      successes,
      async close() {
        await nginx.stop();
        await Promise.all(apps.map((app) => app.stop()));
        await redis.stop();
      },
    };
  } catch (error) {
    await Promise.all(apps.map((app) => app.stop()));
    await redis.stop();
    throw error;
  }
}

export interface RunResult {
  readonly outcomes: SignInOutcome[];
  readonly timings: CallTiming[];
  readonly seconds: number;
}

/**
 * `count` sign-ins at once through nginx, user n as `loginOf(n)`, their starts spread over the
 * first second (arrivals, not one burst of connects).
 */
export interface RunOptions {
  /** Runs alongside the sign-ins: a kill, a restart. */
  readonly during?: () => Promise<void>;
  /** How long each sign-in may take before it counts as lost. Default 2 minutes. */
  readonly timeoutMs?: number;
}

export async function runSignIns(
  stack: Stack,
  count: number,
  { during, timeoutMs }: RunOptions = {},
): Promise<RunResult> {
  const control = new ControlApi(stack.sim);
  const devices = await Promise.all(
    Array.from({ length: count }, async (_, n) => (await control.deviceIds(loginOf(n)))[0]!),
  );
  const timings: CallTiming[] = [];
  const started = performance.now();
  const [outcomes] = await Promise.all([
    Promise.all(
      devices.map(async (deviceId, n) => {
        await sleep((n / count) * 1000);
        return pushSignIn({
          base: `${stack.nginx.url}/auth`,
          control,
          login: loginOf(n),
          deviceId,
          timings,
          ...(timeoutMs !== undefined && { deadline: Date.now() + timeoutMs }),
        });
      }),
    ),
    during?.(),
  ]);
  return { outcomes, timings, seconds: (performance.now() - started) / 1000 };
}

/** Resolves once `condition` holds, checking every 20 ms, or fails after `timeoutMs`. */
export async function until(condition: () => boolean, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

export interface Audit {
  /** Sign-ins that never reached success. */
  readonly lost: SignInOutcome[];
  /** Sign-ins whose page learnt another user, or a token no onSuccess of this user produced. */
  readonly mixed: string[];
  /** Successful sign-ins whose token digest did not come from exactly one onSuccess. */
  readonly notOnce: string[];
  /** onSuccess calls that no page heard of (the process died before it answered). */
  readonly orphans: AppSuccess[];
}

export function audit(result: RunResult, successes: readonly AppSuccess[]): Audit {
  const byDigest = new Map<string, AppSuccess[]>();
  for (const success of successes) byDigest.set(success.digest, [...(byDigest.get(success.digest) ?? []), success]);
  const lost = result.outcomes.filter((o) => !o.shared);
  const mixed: string[] = [];
  const notOnce: string[] = [];
  const heard = new Set<string>();
  for (const outcome of result.outcomes) {
    if (!outcome.shared) continue;
    const { email, digest = '' } = outcome.shared;
    heard.add(digest);
    const calls = byDigest.get(digest) ?? [];
    if (email !== outcome.login || calls.some((c) => c.email !== outcome.login))
      mixed.push(`${outcome.login} got ${email} (onSuccess: ${calls.map((c) => c.email).join(', ')})`);
    if (calls.length !== 1) notOnce.push(`${outcome.login}: ${calls.length} onSuccess`);
  }
  const orphans = successes.filter((s) => !heard.has(s.digest));
  return { lost, mixed, notOnce, orphans };
}
