/**
 * Simulator throughput: complete push sign-ins over raw HTTP (ov-sim/idx-driver, sim/idx-driver.ts), as
 * many at once as the concurrency level, each: interact, introspect, identify with password, select
 * Okta Verify push, polls back to back (no refresh wait: the server's cost per poll is what is
 * measured), the phone's approval through the control API, the final poll, the token.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { RunningSimulator } from 'ov-sim';
import { DEMO_PASSWORD } from 'ov-sim';
import { ControlApi } from 'ov-sim/client';
import { IdxTransaction } from 'ov-sim/idx-driver';
import { startSimProcess, type SimAddress } from './lib/sim-process.ts';
import { percentile } from './lib/stats.ts';

const POLLS_BEFORE_APPROVAL = 3;

export interface LoadLevel {
  concurrency: number;
  signIns: number;
  seconds: number;
  signInsPerSecond: number;
  pollP50: number;
  pollP99: number;
}

const loginOf = (worker: number) => `load-${worker}@example.com`;

/**
 * One connection per request. A server saturated for seconds runs its keep-alive timers before it
 * reads the request already waiting on that socket, and resets it; browsers retry such a request,
 * Node's fetch does not. The driver's fetch calls get `Connection: close` for the run, no more.
 */
async function withoutKeepAlive<T>(run: () => Promise<T>): Promise<T> {
  const keepAliveFetch = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('Connection', 'close');
    return keepAliveFetch(input, { ...init, headers });
  };
  try {
    return await run();
  } finally {
    globalThis.fetch = keepAliveFetch;
  }
}

async function timedPoll(tx: IdxTransaction, pollTimes: number[]): Promise<void> {
  const started = performance.now();
  const reply = await tx.proceed('challenge-poll');
  pollTimes.push(performance.now() - started);
  if (reply.status !== 200) throw new Error(`poll answered ${reply.status}`);
}

async function signIn(sim: SimAddress, deviceId: string, login: string, pollTimes: number[]): Promise<void> {
  // The driver reads only url, issuer and clientId of the simulator it is given.
  const tx = await IdxTransaction.start(sim as RunningSimulator);
  await tx.proceed('identify', { identifier: login, credentials: { passcode: DEMO_PASSWORD } });
  await tx.proceed('select-authenticator-authenticate', {
    authenticator: { id: tx.oktaVerifyId(), methodType: 'push' },
  });
  for (let i = 0; i < POLLS_BEFORE_APPROVAL; i++) await timedPoll(tx, pollTimes);
  const phone = new ControlApi(sim);
  const [push] = await phone.pushes(deviceId);
  if (!push) throw new Error(`no push on ${deviceId}`);
  await phone.answer(deviceId, push.id, 'approve');
  await timedPoll(tx, pollTimes);
  const token = await tx.token();
  if (token.status !== 200) throw new Error(`token answered ${token.status}`);
}

async function runLevel(sim: SimAddress, concurrency: number, signInsPerWorker: number): Promise<LoadLevel> {
  const devices = await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      const [device] = await new ControlApi(sim).deviceIds(loginOf(worker));
      if (!device) throw new Error(`${loginOf(worker)} has no device`);
      return device;
    }),
  );
  const pollTimes: number[] = [];
  const started = performance.now();
  // Each worker is one user signing in again and again: its device has one push pending at a time.
  await Promise.all(
    devices.map(async (deviceId, worker) => {
      // Starts spread over the first second, as arrivals are: not 1,000 connects in one instant.
      await sleep((worker / concurrency) * 1000);
      for (let i = 0; i < signInsPerWorker; i++) await signIn(sim, deviceId, loginOf(worker), pollTimes);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const signIns = concurrency * signInsPerWorker;
  return {
    concurrency,
    signIns,
    seconds,
    signInsPerSecond: signIns / seconds,
    pollP50: percentile(pollTimes, 50),
    pollP99: percentile(pollTimes, 99),
  };
}

/** `levels`: [concurrency, sign-ins per worker]; 200 sign-ins of warm-up first, so both JITs are warm before any level. */
export async function measureSimulatorLoad(levels: ReadonlyArray<readonly [number, number]>): Promise<LoadLevel[]> {
  const users = Math.max(...levels.map(([concurrency]) => concurrency));
  const sim = await startSimProcess({
    users: Array.from({ length: users }, (_, worker) => ({
      login: loginOf(worker),
      methods: ['push' as const],
      enrolled: true,
    })),
  });
  try {
    return await withoutKeepAlive(async () => {
      await runLevel(sim, 100, 2);
      const results: LoadLevel[] = [];
      for (const [concurrency, perWorker] of levels) results.push(await runLevel(sim, concurrency, perWorker));
      return results;
    });
  } finally {
    sim.close();
  }
}
