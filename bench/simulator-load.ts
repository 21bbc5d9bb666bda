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
import { IdxTransaction, type Transport } from 'ov-sim/idx-driver';
import { keepAliveTransport, type KeepAliveTransport } from './lib/keep-alive-transport.ts';
import { startSimProcess, type SimAddress } from './lib/sim-process.ts';
import { percentile } from './lib/stats.ts';

const POLLS_BEFORE_APPROVAL = 3;

export interface LoadLevel {
  /** 0: polls back to back (capacity); else each poll waits this long, as a client at Okta's refresh. */
  refreshMs: number;
  concurrency: number;
  signIns: number;
  seconds: number;
  signInsPerSecond: number;
  pollP50: number;
  pollP99: number;
  /** CPU time (user + system) of the simulator's process per completed sign-in. */
  simCpuMsPerSignIn: number;
  /** The same for this process, the load driver (its requests, the control API's). */
  driverCpuMsPerSignIn: number;
  /** Requests the driver sent again after a reused connection was reset (see keep-alive-transport.ts). */
  resent: number;
}

const loginOf = (worker: number) => `load-${worker}@example.com`;

function cpuMsSince(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

async function timedPoll(tx: IdxTransaction, pollTimes: number[]): Promise<void> {
  const started = performance.now();
  const reply = await tx.proceed('challenge-poll');
  pollTimes.push(performance.now() - started);
  if (reply.status !== 200) throw new Error(`poll answered ${reply.status}`);
}

/**
 * `refreshMs`: the wait before each poll (0: back to back). Polls before the approval: 3 back to
 * back, else as many as fill `pacedPolls` refresh intervals.
 */
async function signIn(
  sim: SimAddress,
  transport: Transport,
  deviceId: string,
  login: string,
  pollTimes: number[],
  refreshMs = 0,
  pacedPolls = POLLS_BEFORE_APPROVAL,
): Promise<void> {
  // The driver reads only url, issuer and clientId of the simulator it is given.
  const tx = await IdxTransaction.start(sim as RunningSimulator, transport);
  await tx.proceed('identify', { identifier: login, credentials: { passcode: DEMO_PASSWORD } });
  await tx.proceed('select-authenticator-authenticate', {
    authenticator: { id: tx.oktaVerifyId(), methodType: 'push' },
  });
  for (let i = 0; i < pacedPolls; i++) {
    if (refreshMs) await sleep(refreshMs);
    await timedPoll(tx, pollTimes);
  }
  const phone = new ControlApi(sim, transport);
  const [push] = await phone.pushes(deviceId);
  if (!push) throw new Error(`no push on ${deviceId}`);
  await phone.answer(deviceId, push.id, 'approve');
  if (refreshMs) await sleep(refreshMs);
  await timedPoll(tx, pollTimes);
  const token = await tx.token();
  if (token.status !== 200) throw new Error(`token answered ${token.status}`);
}

async function runLevel(
  sim: SimAddress & { cpuMs(): number },
  driver: KeepAliveTransport,
  concurrency: number,
  signInsPerWorker: number,
  refreshMs = 0,
  pacedPolls = POLLS_BEFORE_APPROVAL,
): Promise<LoadLevel> {
  const devices = await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      const [device] = await new ControlApi(sim).deviceIds(loginOf(worker));
      if (!device) throw new Error(`${loginOf(worker)} has no device`);
      return device;
    }),
  );
  const pollTimes: number[] = [];
  const resentBefore = driver.resent();
  const cpuBefore = sim.cpuMs();
  const driverBefore = process.cpuUsage();
  const started = performance.now();
  // Each worker is one user signing in again and again: its device has one push pending at a time.
  await Promise.all(
    devices.map(async (deviceId, worker) => {
      // Starts spread over the first second, as arrivals are: not 1,000 connects in one instant.
      await sleep((worker / concurrency) * 1000);
      for (let i = 0; i < signInsPerWorker; i++)
        await signIn(sim, driver.transport, deviceId, loginOf(worker), pollTimes, refreshMs, pacedPolls);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const signIns = concurrency * signInsPerWorker;
  return {
    refreshMs,
    concurrency,
    signIns,
    seconds,
    signInsPerSecond: signIns / seconds,
    pollP50: percentile(pollTimes, 50),
    pollP99: percentile(pollTimes, 99),
    simCpuMsPerSignIn: (sim.cpuMs() - cpuBefore) / signIns,
    driverCpuMsPerSignIn: cpuMsSince(driverBefore) / signIns,
    resent: driver.resent() - resentBefore,
  };
}

export interface LoadOptions {
  /** Flags for the simulator's Node, e.g. `--cpu-prof` (bench/simulator-profile.ts). */
  nodeArgs?: string[];
  /** Users polling at a realistic refresh after the capacity levels: [users, refresh ms, polls each]. */
  paced?: readonly [users: number, refreshMs: number, polls: number];
}

/** `levels`: [concurrency, sign-ins per worker]; 200 sign-ins of warm-up first, so both JITs are warm before any level. */
export async function measureSimulatorLoad(
  levels: ReadonlyArray<readonly [number, number]>,
  { nodeArgs = [], paced }: LoadOptions = {},
): Promise<LoadLevel[]> {
  const users = Math.max(...levels.map(([concurrency]) => concurrency), paced?.[0] ?? 0);
  const driver = keepAliveTransport();
  const sim = await startSimProcess(
    {
      users: Array.from({ length: users }, (_, worker) => ({
        login: loginOf(worker),
        methods: ['push' as const],
        enrolled: true,
      })),
    },
    nodeArgs,
  );
  try {
    await runLevel(sim, driver, 100, 2);
    const results: LoadLevel[] = [];
    for (const [concurrency, perWorker] of levels) results.push(await runLevel(sim, driver, concurrency, perWorker));
    if (paced) results.push(await runLevel(sim, driver, paced[0], 1, paced[1], paced[2]));
    return results;
  } finally {
    driver.close();
    await sim.close();
  }
}
