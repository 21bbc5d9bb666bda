/**
 * Sessions in a store of the app's choosing: the records are plain JSON under digests of the
 * cookie, the store may lock across processes, and the default memory store forgets and evicts.
 */
import assert from 'node:assert/strict';
import { after, beforeEach, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startSimulator } from 'ov-sim';
import { MemorySessionStore } from '../../src/server/index.ts';
import type { SessionRecord, SessionStore } from '../../src/server/index.ts';
import { ControlApi } from 'ov-sim/client';
import { BrowserSession } from './support/browser-session.ts';
import { expectStep, totpEntered } from './support/flows.ts';
import { startServer } from './support/servers.ts';

const sim = await startSimulator({ port: 0, config: { testing: true } });
after(() => sim.close());
const control = new ControlApi(sim);
beforeEach(() => control.reset());

/** What a Redis-backed store does: strings in, strings out, asynchronously, and a lock per key. */
class JsonStore implements SessionStore {
  readonly values = new Map<string, string>();
  readonly locked: string[] = [];
  #held = new Set<string>();

  async get(key: string): Promise<SessionRecord | undefined> {
    const value = this.values.get(key);
    return value === undefined ? undefined : (JSON.parse(value) as SessionRecord);
  }

  async set(key: string, record: SessionRecord): Promise<void> {
    this.values.set(key, JSON.stringify(record));
  }

  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }

  async withLock<T>(key: string, task: () => Promise<T>): Promise<T> {
    assert.ok(!this.#held.has(key), 'the handler never nests a lock');
    this.#held.add(key);
    this.locked.push(key);
    try {
      return await task();
    } finally {
      this.#held.delete(key);
    }
  }
}

test('a store of the app’s own: a whole sign-in through JSON records, each POST under its lock, keys that are not the cookie', async (t) => {
  const store = new JsonStore();
  const server = await startServer('node', sim, { store });
  t.after(() => server.close());
  const browser = new BrowserSession(server.base);
  await expectStep(totpEntered(browser, control, 'totp@example.com'), 'success');

  const posts = browser.answers.filter((a) => a.route !== 'session').length;
  assert.equal(store.locked.length, posts, 'each POST under its lock');
  // Start and identify gave the session new ids: three keys in all, none of them a cookie's value.
  const keys = [...new Set(store.locked)];
  const cookies = browser.answers.flatMap((a) => a.headers.getSetCookie()).map((c) => c.split(';')[0]!);
  assert.equal(cookies.length, 3, 'GET session, start and identify set the cookie');
  assert.equal(keys.length, 3);
  for (const key of keys) {
    assert.match(key, /^[A-Za-z0-9_-]{43}$/);
    assert.ok(!cookies.some((cookie) => cookie.includes(key)), 'the store key is a digest, not the cookie value');
  }
  assert.equal(store.values.size, 0, 'the finished sign-in’s record is deleted');
});

test('the memory store forgets a session its lifetime after the last write', () => {
  let now = 1000;
  const store = new MemorySessionStore({ now: () => now });
  const record: SessionRecord = { csrfToken: 't', sdkStorage: {} };
  store.set('a', record, 500);
  now += 499;
  assert.equal(store.get('a'), record);
  store.set('a', record, 500);
  now += 499;
  assert.equal(store.get('a'), record, 'a write extends the lifetime');
  now += 1;
  assert.equal(store.get('a'), undefined);
  assert.equal(store.size, 0);
});

test('the memory store, when full, drops expired sessions first, then the least recently written', () => {
  let now = 0;
  const store = new MemorySessionStore({ maxSessions: 3, now: () => now });
  const record: SessionRecord = { csrfToken: 't', sdkStorage: {} };
  store.set('short', record, 10);
  store.set('old', record, 1000);
  store.set('newer', record, 1000);
  now = 20;
  store.set('d', record, 1000);
  assert.deepEqual(
    ['short', 'old', 'newer', 'd'].map((k) => store.get(k) !== undefined),
    [false, true, true, true],
  );
  store.set('old', record, 1000);
  store.set('e', record, 1000);
  assert.deepEqual(
    ['old', 'newer', 'd', 'e'].map((k) => store.get(k) !== undefined),
    [true, false, true, true],
  );
  assert.equal(store.size, 3);
});

test('an idle session ends: its POSTs find no transaction, and a resume begins a new one', async (t) => {
  // The session must outlive its setup (open, then start) before it goes idle: the lifetime starts
  // short and doubles for as long as a loaded machine takes longer than it to set up.
  let ttlMs = 300;
  let browser: BrowserSession;
  for (;;) {
    const attempt = await startServer('node', sim, { sessionTtlMs: ttlMs });
    t.after(() => attempt.close());
    browser = new BrowserSession(attempt.base);
    const began = Date.now();
    await browser.open();
    const started = await browser.post('start');
    if (Date.now() - began < ttlMs) {
      await expectStep(started, 'identify');
      break;
    }
    ttlMs *= 2;
  }
  const { cookie } = browser;
  await sleep(ttlMs + 100);
  assert.deepEqual((await browser.post('poll', { step: 'challenge-poll' })).status, 404);
  // A reload: the widget's resume begins a new sign-in, under a new session id.
  await browser.open();
  await expectStep(browser.post('start', { resume: true }), 'identify');
  assert.notEqual(browser.cookie, cookie);
});
