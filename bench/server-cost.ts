/**
 * What server mode (`ov-signin/server`) costs on top of okta-auth-js: the same push sign-in, call by
 * call, once through the handler (mounted with nodeSignIn on a loopback port, driven over HTTP as
 * `<ov-signin endpoint>` drives it) and once with okta-auth-js called directly in this process,
 * one long-lived OktaAuth per sign-in (its discovery cache shared by all, as server mode shares
 * it). Both talk to the simulator in its own process and take the same steps with the same values
 * (the widget's snapshot of each answer). Also: this process's CPU per completed sign-in on each
 * path, the heap an in-progress session holds (in the memory store, and in the handler's live
 * okta-auth-js kept between requests), what it takes in Redis (the RedisSessionStore, on Debian's
 * redis-server started here), and the loopback HTTP hop alone (a trivial server answering the same
 * JSON), which no handler can remove.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { createClient } from 'redis';
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
import { RedisSessionStore } from '../src/server/redis.ts';
import { BrowserSession } from '../test/server/support/browser-session.ts';
import { redisSkip, startRedis } from '../test/server/support/redis-server.ts';
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
/** Sessions brought to their poll before a handler's sessions are weighed. */
const SESSION_WARM_UP = 50;

export interface CallFigures {
  call: CallType;
  direct: { p50: number; p99: number };
  handler: { p50: number; p99: number };
}

/** Heap per in-progress session (at challenge-poll), bytes: the store's records alone, and the whole process. */
export interface SessionBytes {
  store: number;
  process: number;
}

export interface ServerCost {
  signIns: number;
  calls: CallFigures[];
  cpuMsPerSignIn: { direct: number; handler: number };
  /** The loopback hop alone: fetch to a Node server answering a poll's JSON at once, ms. */
  hop: { p50: number; p99: number; cpuMs: number };
  sessions: number;
  /** With the handler's default (okta-auth-js rebuilt per request), and with `liveSessions: 1000` (kept alive). */
  bytesPerSession: { live: SessionBytes; recordOnly: SessionBytes };
  /** JSON size of one such session record, bytes. */
  recordJsonBytes: number;
  /** The same sessions in Redis, bytes each; undefined without redis-server. */
  redis:
    | { usedMemoryPerSession: number; recordKeyBytes: number; tombstoneKeyBytes: number; tombstonesPerSession: number }
    | undefined;
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

/** The last poll answer the handler gave: the loopback hop is measured with one like it. */
let lastPollAnswer = '';

/** Through the handler's HTTP API, as the widget's endpoint client sends it. */
function handlerSender(base: string) {
  const browser = new BrowserSession(base);
  let current: OvStep | undefined;
  return async (step: string, values: Record<string, unknown> = {}): Promise<OvStep> => {
    if (step === 'start') {
      await browser.open();
      return (current = stepOf(await browser.post('start')));
    }
    if (step === 'poll') {
      const answer = await browser.post('poll', { step: current!.name });
      lastPollAnswer = answer.text;
      return (current = stepOf(answer));
    }
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

/** A sign-in handler on `store`, mounted with nodeSignIn on a loopback port of its own. */
async function serveHandler(sim: SimAddress, store: SessionStore, liveSessions: number | undefined) {
  const handler = createSignInHandler({
    okta: oktaSettings(sim),
    store,
    onSuccess: () => ({}),
    onError: () => {},
    ...(liveSessions !== undefined && { liveSessions }),
  });
  const server = createServer(nodeSignIn(handler, { trustProxy: false }));
  return { server, base: `http://127.0.0.1:${await listen(server)}${handler.basePath}` };
}

/**
 * Brings `sessions` sign-ins to their push poll through a handler of their own and weighs what they
 * hold: the whole process's heap growth, and what emptying the store gives back.
 */
async function weighSessions(
  sim: SimAddress,
  sessions: number,
  liveSessions: number | undefined,
): Promise<{ bytes: SessionBytes; record: SessionRecord | undefined }> {
  const store = new WeighableStore();
  const { server, base } = await serveHandler(sim, store, liveSessions);
  try {
    // Sign-ins first, so discovery is cached and the code as warm as in the runs above.
    for (let i = 0; i < SESSION_WARM_UP; i++)
      await pushSignIn(handlerSender(base), async () => {}, loginOf(i), emptyTimings(), { stopAtPoll: true });
    store.inner = new MemorySessionStore();
    store.keys.clear();
    const before = gcHeap();
    for (let i = 0; i < sessions; i++)
      await pushSignIn(handlerSender(base), async () => {}, loginOf(i), emptyTimings(), { stopAtPoll: true });
    const withSessions = gcHeap();
    const record = [...store.keys].map((key) => store.inner.get(key)).find((r) => r?.transactionId);
    store.inner = new MemorySessionStore();
    const emptied = gcHeap();
    return {
      bytes: { store: (withSessions - emptied) / sessions, process: (withSessions - before) / sessions },
      record,
    };
  } finally {
    server.close();
    server.closeAllConnections();
  }
}

/** What `sessions` sign-ins at their push poll take in Redis: `used_memory` growth and `MEMORY USAGE` of a key, per session. */
async function weighRedisSessions(sim: SimAddress, sessions: number): Promise<ServerCost['redis']> {
  if (redisSkip) return undefined;
  const redis = await startRedis();
  const client = await createClient({ url: redis.url }).connect();
  const { server, base } = await serveHandler(sim, new RedisSessionStore({ client }), undefined);
  const usedMemory = async () => Number(/used_memory:(\d+)/.exec(await client.info('memory'))?.[1]);
  try {
    for (let i = 0; i < SESSION_WARM_UP; i++)
      await pushSignIn(handlerSender(base), async () => {}, loginOf(i), emptyTimings(), { stopAtPoll: true });
    await client.flushAll();
    const before = await usedMemory();
    for (let i = 0; i < sessions; i++)
      await pushSignIn(handlerSender(base), async () => {}, loginOf(i), emptyTimings(), { stopAtPoll: true });
    const grown = (await usedMemory()) - before;
    // A session's hash holds its record (`r`); the identify rotation leaves a tombstone (its version only).
    const records: number[] = [];
    const tombstones: number[] = [];
    for (const key of await client.keys('*')) {
      if (key.endsWith(':lock')) continue;
      const bytes = (await client.memoryUsage(key)) ?? 0;
      ((await client.hExists(key, 'r')) ? records : tombstones).push(bytes);
    }
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
    return {
      usedMemoryPerSession: grown / sessions,
      recordKeyBytes: mean(records),
      tombstoneKeyBytes: mean(tombstones),
      tombstonesPerSession: tombstones.length / sessions,
    };
  } finally {
    server.close();
    server.closeAllConnections();
    await client.close();
    await redis.stop();
  }
}

/** The loopback hop alone: the same request and a poll's answer, to a server that does nothing else. */
async function measureHop(answer: string, calls = 400): Promise<ServerCost['hop']> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(answer);
    });
  });
  const url = `http://127.0.0.1:${await listen(server)}/auth/poll`;
  const hop = async () =>
    (
      await fetch(url, {
        method: 'POST',
        headers: {
          'sec-fetch-site': 'same-origin',
          'content-type': 'application/json',
          'x-ov-csrf': 'x'.repeat(43),
          cookie: `__Host-ov-session=${'x'.repeat(43)}.${'x'.repeat(43)}`,
        },
        body: JSON.stringify({ step: 'challenge-poll' }),
      })
    ).text();
  try {
    for (let i = 0; i < 50; i++) await hop();
    const times: number[] = [];
    const since = process.cpuUsage();
    for (let i = 0; i < calls; i++) await timed(times, hop);
    return { p50: percentile(times, 50), p99: percentile(times, 99), cpuMs: cpuMs(since) / calls };
  } finally {
    server.close();
    server.closeAllConnections();
  }
}

const loginOf = (i: number) => `cost-${i}@example.com`;

/** `liveSessions` of the handler whose sessions are weighed with their okta-auth-js kept alive. */
const LIVE_SESSIONS = 1000;

/** `liveSessions`: the handler option for the per-call runs (default: the handler's own). */
export async function measureServerCost(signIns = 40, sessions = 200, liveSessions?: number): Promise<ServerCost> {
  const users = Math.max(signIns, sessions, WARM_UP);
  const sim = await startSimProcess({
    users: Array.from({ length: users }, (_, i) => ({ login: loginOf(i), methods: ['push' as const], enrolled: true })),
  });
  const store = new WeighableStore();
  const { server, base } = await serveHandler(sim, store, liveSessions);
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
    // The hop, with a poll's answer as the handler gives it.
    const hop = await measureHop(lastPollAnswer);
    // In-progress sessions: each at its push poll, in a handler of its own (live SDKs kept, then the default).
    const live = await weighSessions(sim, sessions, LIVE_SESSIONS);
    const recordOnly = await weighSessions(sim, sessions, undefined);
    const redis = await weighRedisSessions(sim, sessions);
    const figures = (values: number[]) => ({ p50: percentile(values, 50), p99: percentile(values, 99) });
    return {
      signIns,
      calls: CALL_TYPES.map((call) => ({ call, direct: figures(direct[call]), handler: figures(viaHandler[call]) })),
      cpuMsPerSignIn: { direct: directCpu / signIns, handler: handlerCpu / signIns },
      hop,
      sessions,
      bytesPerSession: { live: live.bytes, recordOnly: recordOnly.bytes },
      recordJsonBytes: Buffer.byteLength(JSON.stringify(recordOnly.record ?? {})),
      redis,
    };
  } finally {
    server.close();
    await sim.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const live = process.argv[4];
  const cost = await measureServerCost(
    Number(process.argv[2] ?? 40),
    Number(process.argv[3] ?? 200),
    live === undefined ? undefined : Number(live),
  );
  for (const { call, direct, handler } of cost.calls)
    console.log(
      `${call.padEnd(9)} direct p50 ${direct.p50.toFixed(2)} p99 ${direct.p99.toFixed(2)} | handler p50 ${handler.p50.toFixed(2)} p99 ${handler.p99.toFixed(2)} | added p50 ${(handler.p50 - direct.p50).toFixed(2)} ms`,
    );
  console.log(
    `CPU per sign-in: direct ${cost.cpuMsPerSignIn.direct.toFixed(1)} ms, handler ${cost.cpuMsPerSignIn.handler.toFixed(1)} ms`,
  );
  console.log(
    `loopback hop alone: p50 ${cost.hop.p50.toFixed(2)} ms, p99 ${cost.hop.p99.toFixed(2)} ms, CPU ${cost.hop.cpuMs.toFixed(2)} ms per call`,
  );
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  for (const [name, bytes] of Object.entries(cost.bytesPerSession))
    console.log(`per session (${name}): store ${kib(bytes.store)}, process ${kib(bytes.process)}`);
  console.log(`record JSON ${kib(cost.recordJsonBytes)}`);
  if (cost.redis)
    console.log(
      `per session in Redis: used_memory ${kib(cost.redis.usedMemoryPerSession)}; MEMORY USAGE of its hash ${kib(cost.redis.recordKeyBytes)}, of ${cost.redis.tombstonesPerSession} tombstone(s) ${cost.redis.tombstoneKeyBytes.toFixed(0)} B each`,
    );
}
