/**
 * The Redis session store against a real redis-server: the lock serializes two clients (two
 * processes, as Redis sees them), a dead holder's lock expires, waiters give up after a bounded
 * time, a stale write is refused, lifetimes and prefixes reach Redis, and a whole sign-in runs on it.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from 'redis';
import { startSimulator } from 'ov-sim';
import type { RunningSimulator } from 'ov-sim';
import { ControlApi } from 'ov-sim/client';
import { RedisSessionStore, SessionStoreUnavailableError, StaleSessionError } from '../../src/server/redis.ts';
import type { SessionRecord, SessionStore } from '../../src/server/index.ts';
import { BrowserSession } from './support/browser-session.ts';
import { expectStep, totpEntered } from './support/flows.ts';
import { redisSkip, startRedis } from './support/redis-server.ts';
import type { RunningRedis } from './support/redis-server.ts';
import { tokenStrings, transactionSecrets } from './support/secrets.ts';
import { startServer } from './support/servers.ts';

let redis: RunningRedis;
const clients: Array<{ readonly isOpen: boolean; destroy(): void }> = [];
const record = (csrfToken: string): SessionRecord => ({ csrfToken, sdkStorage: {} });

/** A promise resolved from outside: the tests order two clients' requests by it, not by timing. */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

async function client() {
  const connected = await createClient({ url: redis.url }).connect();
  clients.push(connected);
  return connected;
}

before(async () => {
  if (!redisSkip) redis = await startRedis();
});
after(async () => {
  for (const c of clients) if (c.isOpen) c.destroy();
  await redis?.stop();
});

test(
  'the lock serializes the requests of one session across two clients; other sessions run meanwhile',
  { skip: redisSkip },
  async () => {
    const one = new RedisSessionStore({ client: await client() });
    const two = new RedisSessionStore({ client: await client() });
    let inside = 0;
    let most = 0;
    const order: number[] = [];
    const task = (n: number) => async () => {
      inside++;
      most = Math.max(most, inside);
      // A round trip inside the lock, so an overlap would show.
      await one.get('other');
      order.push(n);
      inside--;
      return n;
    };
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, n) => (n % 2 ? one : two).withLock('shared', task(n))),
    );
    assert.deepEqual(
      results,
      Array.from({ length: 20 }, (_, n) => n),
    );
    assert.equal(most, 1, 'never two holders at once');
    assert.equal(order.length, 20);

    // A session's lock does not hold up another session's.
    let release!: () => void;
    const held = one.withLock('a', () => new Promise<void>((resolve) => (release = resolve)));
    assert.equal(await two.withLock('b', async () => 'b ran'), 'b ran');
    release();
    await held;
  },
);

test(
  'a holder that dies keeps the lock only until it expires; a waiter gives up after its bounded wait',
  { skip: redisSkip },
  async () => {
    const dying = await client();
    const holder = new RedisSessionStore({ client: dying, lockTtlMs: 600 });
    let acquired!: () => void;
    const inLock = new Promise<void>((resolve) => (acquired = resolve));
    // The holder takes the lock, then its connection dies: nothing will release the lock.
    void holder.withLock('k', async () => {
      acquired();
      dying.destroy();
    });
    await inLock;
    const heldSince = Date.now();

    const impatient = new RedisSessionStore({ client: await client(), lockWaitMs: 100 });
    await assert.rejects(
      impatient.withLock('k', async () => 'never'),
      (error: Error) => {
        assert.ok(error instanceof SessionStoreUnavailableError);
        assert.match(error.message, /lock stayed taken for 100 ms/);
        return true;
      },
    );

    const waiter = new RedisSessionStore({ client: await client(), lockWaitMs: 5000 });
    assert.equal(await waiter.withLock('k', async () => 'after expiry'), 'after expiry');
    assert.ok(Date.now() - heldSince >= 550, `the lock was taken over after ${Date.now() - heldSince} ms`);
  },
);

test(
  'compare-and-set: a request that outlived its lock cannot write over a newer state, nor bring back an ended session',
  { skip: redisSkip },
  async () => {
    const slow = new RedisSessionStore({ client: await client(), lockTtlMs: 200 });
    const fast = new RedisSessionStore({ client: await client(), lockWaitMs: 5000 });
    await slow.set('s', record('v1'), 60_000);

    // The slow request reads, then pauses past its lock's lifetime; the next request moves the session on.
    const paused = signal();
    let slowRead = signal();
    const stale = slow.withLock('s', async () => {
      assert.equal((await slow.get('s'))?.csrfToken, 'v1');
      slowRead.resolve();
      await paused.promise;
      await slow.set('s', record('stale'), 60_000);
    });
    await slowRead.promise;
    await fast.withLock('s', async () => {
      await fast.get('s');
      await fast.set('s', record('v2'), 60_000);
    });
    paused.resolve();
    await assert.rejects(stale, StaleSessionError);
    assert.equal((await fast.get('s'))?.csrfToken, 'v2', 'the newer state stays');

    // Ended: the record is deleted while a stale request still holds what it read.
    const pausedAgain = signal();
    slowRead = signal();
    const late = slow.withLock('s', async () => {
      await slow.get('s');
      slowRead.resolve();
      await pausedAgain.promise;
      await slow.set('s', record('resurrected'), 60_000);
    });
    await slowRead.promise;
    await fast.withLock('s', async () => {
      await fast.get('s');
      await fast.delete('s');
    });
    pausedAgain.resolve();
    await assert.rejects(late, StaleSessionError);
    assert.equal(await fast.get('s'), undefined, 'the ended session stays ended');

    // Nor can it end (and so answer for) a sign-in that another request moved on.
    await fast.set('d', record('v1'), 60_000);
    const pausedDelete = signal();
    slowRead = signal();
    const lateDelete = slow.withLock('d', async () => {
      await slow.get('d');
      slowRead.resolve();
      await pausedDelete.promise;
      await slow.delete('d');
    });
    await slowRead.promise;
    await fast.withLock('d', async () => {
      await fast.get('d');
      await fast.set('d', record('v2'), 60_000);
    });
    pausedDelete.resolve();
    await assert.rejects(lateDelete, StaleSessionError);
    assert.equal((await fast.get('d'))?.csrfToken, 'v2');

    // A session the request did not read (a new id) is created only if it does not exist.
    await fast.set('taken', record('first'), 60_000);
    await assert.rejects(
      fast.withLock('x', () => fast.set('taken', record('blind'), 60_000)),
      StaleSessionError,
    );
    await fast.withLock('x', () => fast.set('fresh', record('new'), 60_000));
    assert.equal((await fast.get('fresh'))?.csrfToken, 'new');
  },
);

test('lifetimes, prefix, delete: what reaches Redis', { skip: redisSkip }, async () => {
  const raw = await client();
  const store = new RedisSessionStore({ client: raw, prefix: 'app1:' });
  await store.set('t', record('x'), 5000);
  const ttl = await raw.pTTL('app1:{t}');
  assert.ok(ttl > 0 && ttl <= 5000, `PTTL ${ttl}`);
  assert.deepEqual(await raw.keys('app1:*'), ['app1:{t}']);

  await store.set('gone', record('x'), 50);
  const deadline = Date.now() + 5000;
  while ((await store.get('gone')) !== undefined) {
    assert.ok(Date.now() < deadline, 'the session outlived its lifetime');
    await sleep(20);
  }

  await store.delete('t');
  assert.equal(await store.get('t'), undefined);
  assert.deepEqual(await raw.hGetAll('app1:{t}'), { v: '2' }, 'only a version is left, no data');
  assert.ok((await raw.pTTL('app1:{t}')) > 0, 'and it expires');
  await store.delete('never-was');
  assert.equal(await raw.exists('app1:{never-was}'), 0);
});

test(
  'a Redis that stops answering: the store fails with "try again", the API answers 502',
  { skip: redisSkip },
  async (t) => {
    const sim = await startSimulator({ port: 0, config: { testing: true } });
    t.after(() => sim.close());
    const lost = await createClient({ url: redis.url, disableOfflineQueue: true }).connect();
    const store = new RedisSessionStore({ client: lost });
    const server = await startServer('node', sim, { store });
    t.after(() => server.close());
    const browser = new BrowserSession(server.base);
    await browser.open();
    await expectStep(browser.post('start'), 'identify');

    lost.destroy();
    await assert.rejects(store.get('k'), SessionStoreUnavailableError);
    const answer = await browser.post('start', { resume: true });
    assert.equal(answer.status, 502);
    assert.deepEqual(answer.json, { error: 'upstream' });
    assert.ok(
      server.errors.some((e) => e instanceof SessionStoreUnavailableError),
      'reported to onError',
    );
  },
);

test(
  'a whole sign-in on the Redis store; what stays in Redis afterwards holds no token',
  { skip: redisSkip },
  async (t) => {
    const sim: RunningSimulator = await startSimulator({ port: 0, config: { testing: true } });
    t.after(() => sim.close());
    const raw = await client();
    const store = new RedisSessionStore({ client: raw, prefix: 'signin:' });
    const server = await startServer('node', sim, { store });
    t.after(() => server.close());
    const browser = new BrowserSession(server.base);
    const control = new ControlApi(sim);
    await expectStep(totpEntered(browser, control, 'totp@example.com'), 'success');
    assert.equal(server.signIns.length, 1);

    const stored = await Promise.all((await raw.keys('signin:*')).map((key) => raw.hGetAll(key)));
    const text = JSON.stringify(stored);
    for (const token of tokenStrings(server.signIns[0]!.tokens))
      assert.ok(!text.includes(token), 'a token was left in Redis');
    for (const entry of stored)
      if (entry.r)
        assert.deepEqual(transactionSecrets(JSON.parse(entry.r) as SessionRecord), [], 'no transaction secret');
  },
);

test('through the handler: a request whose write lost the race answers 404 expired', { skip: redisSkip }, async (t) => {
  const sim = await startSimulator({ port: 0, config: { testing: true } });
  t.after(() => sim.close());
  const store = new RedisSessionStore({ client: await client() });
  const intruder = new RedisSessionStore({ client: await client() });
  let race = false;
  // Another request moves the session on between this request's read and its write.
  const racing: SessionStore = {
    get: (key) => store.get(key),
    delete: (key) => store.delete(key),
    withLock: (key, task) => store.withLock(key, task),
    async set(key, value, ttlMs) {
      if (race) await intruder.set(key, value, ttlMs);
      await store.set(key, value, ttlMs);
    },
  };
  const server = await startServer('node', sim, { store: racing });
  t.after(() => server.close());
  const browser = new BrowserSession(server.base);
  await browser.open();
  await expectStep(browser.post('start'), 'identify');
  race = true;
  const answer = await browser.post('start');
  assert.equal(answer.status, 404);
  assert.deepEqual(answer.json, { error: 'expired' });
  assert.ok(server.errors.some((e) => e instanceof StaleSessionError));
});
