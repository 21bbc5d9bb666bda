/**
 * What server mode (`ov-signin/server`) costs on top of okta-auth-js: the same push sign-in, call by
 * call, once through the handler (mounted with nodeSignIn on a loopback port, driven over HTTP as
 * `<ov-signin endpoint>` drives it) and once with okta-auth-js called directly in this process,
 * one long-lived OktaAuth per sign-in (its discovery cache shared by all, as server mode shares
 * it). Both talk to the simulator in its own process and take the same steps with the same values
 * (the widget's snapshot of each answer). Also: this process's CPU per completed sign-in on each
 * path, and the heap an in-progress session holds in the memory store.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { IdxTransaction } from '@okta/okta-auth-js';
import { DEMO_PASSWORD } from 'ov-sim';
import { ControlApi, VirtualDevice } from 'ov-sim/client';
import { toSnapshot } from '../src/controller/snapshot.ts';
import type { OvStep } from '../src/controller/types.ts';
import {
  createSignInHandler,
  MemorySessionStore,
  nodeSignIn,
  type SessionRecord,
  type SessionStore,
} from '../src/server/index.ts';
import { BrowserSession } from '../test/server/support/browser-session.ts';
import { stepOf } from '../test/server/support/flows.ts';
import { OktaAuth } from '@okta/okta-auth-js/idx';
import { MapStorage } from '../test/sim/support/sdk-client.ts';
import { oktaSettings } from '../test/server/support/servers.ts';
import { startSimProcess, type SimAddress } from './lib/sim-process.ts';
import { percentile } from './lib/stats.ts';

export type CallType = 'start' | 'identify' | 'poll' | 'token';
const CALL_TYPES: CallType[] = ['start', 'identify', 'poll', 'token'];
const POLLS_BEFORE_APPROVAL = 3;
const WARM_UP = 5;

export interface CallFigures {
  call: CallType;
  direct: { p50: number; p99: number };
  handler: { p50: number; p99: number };
}

export interface ServerCost {
  signIns: number;
  calls: CallFigures[];
  cpuMsPerSignIn: { direct: number; handler: number };
  sessions: number;
  /** Heap per in-progress session (at challenge-poll), bytes: the store's records alone, and the whole process. */
  bytesPerSession: { store: number; process: number };
  /** JSON size of one such session record, bytes (what a Redis store would hold). */
  recordJsonBytes: number;
}

type Timings = Record<CallType, number[]>;
const emptyTimings = (): Timings => ({ start: [], identify: [], poll: [], token: [] });

async function timed<T>(into: number[], call: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await call();
  into.push(performance.now() - started);
  return result;
}

/** The widget's choice of Okta Verify push on a picker: [step, values] for each request it takes. */
function pushChoice(picker: OvStep): { step: string; values: Record<string, unknown> } {
  const option =
    picker.options.find((o) => o.authenticatorKey === 'okta_verify' && o.value.endsWith(':push')) ??
    picker.options.find((o) => o.authenticatorKey === 'okta_verify');
  if (!option) throw new Error(`no Okta Verify on ${picker.name}`);
  return { step: picker.name, values: option.values as Record<string, unknown> };
}

/** Reaches the push poll through `send`, polls, has the phone approve, polls to success. */
async function pushSignIn(
  send: (step: string | 'start', values?: Record<string, unknown>) => Promise<OvStep>,
  approve: () => Promise<void>,
  login: string,
  times: Timings,
  { stopAtPoll = false } = {},
): Promise<void> {
  await timed(times.start, () => send('start'));
  let step = await timed(times.identify, () => send('identify', { username: login, password: DEMO_PASSWORD }));
  // Okta Verify, then its method when the picker asks for it in a second step.
  while (step.name !== 'challenge-poll') {
    const { step: name, values } = pushChoice(step);
    step = await send(name, values);
  }
  if (stopAtPoll) return;
  for (let i = 0; i < POLLS_BEFORE_APPROVAL; i++) await timed(times.poll, () => send('poll'));
  await approve();
  const done = await timed(times.token, () => send('poll'));
  if (done.name !== 'success') throw new Error(`ended at ${done.name}`);
}

const stepMode = () => ({ enableLegacyMode: false, useGenericRemediator: false }) as const;

/** Discovery documents and keys, cached once for every direct client, as server mode caches them. */
const directCache = new MapStorage();

/** okta-auth-js called directly: what the handler calls, without the handler. */
function directSender(sim: SimAddress) {
  const storage = new MapStorage();
  const auth = new OktaAuth({
    ...oktaSettings(sim),
    storageManager: Object.fromEntries(
      ['token', 'cache', 'transaction', 'shared-transaction', 'original-uri'].map((section) => [
        section,
        { storageProvider: section === 'cache' ? directCache : storage },
      ]),
    ),
  });
  let current: OvStep | undefined;
  const snapshot = (tx: IdxTransaction) => (current = toSnapshot(tx));
  return async (step: string, values: Record<string, unknown> = {}): Promise<OvStep> => {
    if (step === 'start') return snapshot(await auth.idx.start({ ...stepMode() }));
    const name = step === 'poll' ? current!.name : step;
    return snapshot(await auth.idx.proceed({ ...stepMode(), ...values, step: name }));
  };
}

/** Through the handler's HTTP API, as the widget's endpoint client sends it. */
function handlerSender(base: string) {
  const browser = new BrowserSession(base);
  let current: OvStep | undefined;
  return async (step: string, values: Record<string, unknown> = {}): Promise<OvStep> => {
    if (step === 'start') {
      await browser.open();
      return (current = stepOf(await browser.post('start')));
    }
    if (step === 'poll') return (current = stepOf(await browser.post('poll', { step: current!.name })));
    return (current = stepOf(await browser.post('proceed', { step, values })));
  };
}

/** A MemorySessionStore that can be swapped for an empty one, so what its records hold can be weighed. */
class WeighableStore implements SessionStore {
  inner = new MemorySessionStore();
  readonly keys = new Set<string>();
  get(key: string) {
    return this.inner.get(key);
  }
  set(key: string, record: SessionRecord, ttlMs: number) {
    this.keys.add(key);
    this.inner.set(key, record, ttlMs);
  }
  delete(key: string) {
    this.keys.delete(key);
    this.inner.delete(key);
  }
}

function gcHeap(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

const loginOf = (i: number) => `cost-${i}@example.com`;

export async function measureServerCost(signIns = 40, sessions = 200): Promise<ServerCost> {
  const users = Math.max(signIns, sessions, WARM_UP);
  const sim = await startSimProcess({
    users: Array.from({ length: users }, (_, i) => ({ login: loginOf(i), methods: ['push' as const], enrolled: true })),
  });
  const store = new WeighableStore();
  const handler = createSignInHandler({ okta: oktaSettings(sim), store, onSuccess: () => ({}), onError: () => {} });
  const server = createServer(nodeSignIn(handler, { trustProxy: false }));
  const base = `http://127.0.0.1:${await listen(server)}${handler.basePath}`;
  const control = new ControlApi(sim);
  const approve = (login: string) => async () => {
    const device = await VirtualDevice.of(control, login);
    for (;;) {
      const [push] = await device.pendingPushes();
      if (push) return void (await device.approve(push));
    }
  };
  try {
    const direct = emptyTimings();
    const viaHandler = emptyTimings();
    // Warm-up: both paths, so both JITs and the connection pools are warm.
    for (let i = 0; i < WARM_UP; i++) {
      await pushSignIn(directSender(sim), approve(loginOf(i)), loginOf(i), emptyTimings());
      await pushSignIn(handlerSender(base), approve(loginOf(i)), loginOf(i), emptyTimings());
    }
    // Alternating, so load on the machine falls on both paths alike; CPU summed per path.
    let directCpu = 0;
    let handlerCpu = 0;
    for (let i = 0; i < signIns; i++) {
      let since = process.cpuUsage();
      await pushSignIn(directSender(sim), approve(loginOf(i)), loginOf(i), direct);
      directCpu += cpuMs(since);
      since = process.cpuUsage();
      await pushSignIn(handlerSender(base), approve(loginOf(i)), loginOf(i), viaHandler);
      handlerCpu += cpuMs(since);
    }
    // In-progress sessions: each at its push poll, kept in the store.
    store.inner = new MemorySessionStore();
    store.keys.clear();
    const before = gcHeap();
    for (let i = 0; i < sessions; i++)
      await pushSignIn(handlerSender(base), approve(loginOf(i)), loginOf(i), emptyTimings(), { stopAtPoll: true });
    const withSessions = gcHeap();
    const record = [...store.keys].map((key) => store.inner.get(key)).find((r) => r?.transactionId);
    for (const [k, v] of Object.entries(record!.sdkStorage)) console.log(k, v.length, v.slice(0, 300));
    store.inner = new MemorySessionStore();
    const emptied = gcHeap();
    const figures = (values: number[]) => ({ p50: percentile(values, 50), p99: percentile(values, 99) });
    return {
      signIns,
      calls: CALL_TYPES.map((call) => ({ call, direct: figures(direct[call]), handler: figures(viaHandler[call]) })),
      cpuMsPerSignIn: { direct: directCpu / signIns, handler: handlerCpu / signIns },
      sessions,
      bytesPerSession: { store: (withSessions - emptied) / sessions, process: (withSessions - before) / sessions },
      recordJsonBytes: Buffer.byteLength(JSON.stringify(record ?? {})),
    };
  } finally {
    server.close();
    await sim.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cost = await measureServerCost(Number(process.argv[2] ?? 40), Number(process.argv[3] ?? 200));
  for (const { call, direct, handler } of cost.calls)
    console.log(
      `${call.padEnd(9)} direct p50 ${direct.p50.toFixed(2)} p99 ${direct.p99.toFixed(2)} | handler p50 ${handler.p50.toFixed(2)} p99 ${handler.p99.toFixed(2)} | added p50 ${(handler.p50 - direct.p50).toFixed(2)} ms`,
    );
  console.log(
    `CPU per sign-in: direct ${cost.cpuMsPerSignIn.direct.toFixed(1)} ms, handler ${cost.cpuMsPerSignIn.handler.toFixed(1)} ms`,
  );
  console.log(
    `per session: store ${(cost.bytesPerSession.store / 1024).toFixed(1)} KiB, process ${(cost.bytesPerSession.process / 1024).toFixed(1)} KiB, record JSON ${(cost.recordJsonBytes / 1024).toFixed(1)} KiB`,
  );
}
