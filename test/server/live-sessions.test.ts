/**
 * Each session's okta-auth-js kept alive between its requests (live-sessions.ts), and the record's
 * `offers` that spare the replay of the saved response: used only while they are the truth. Two
 * handlers (two processes' worth) share one real redis-server; the SDK is the real okta-auth-js
 * against the simulator over HTTP.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createClient } from 'redis';
import { startSimulator } from 'ov-sim';
import type { RunningSimulator } from 'ov-sim';
import { ControlApi, VirtualDevice } from 'ov-sim/client';
import { MemorySessionStore } from '../../src/server/index.ts';
import type { SessionRecord, SessionStore } from '../../src/server/index.ts';
import { RedisSessionStore } from '../../src/server/redis.ts';
import { LiveSessions } from '../../src/server/live-sessions.ts';
import { RecordStorage, SdkSession } from '../../src/server/sdk-session.ts';
import { offersOf } from '../../src/server/requests.ts';
import { BrowserSession } from './support/browser-session.ts';
import {
  chooseOktaVerify,
  expectStep,
  pushApproved,
  qrScanned,
  rateLimitedPoll,
  signInWithPassword,
  stepOf,
} from './support/flows.ts';
import { RecordingStore } from './support/stores.ts';
import { redisSkip, startRedis } from './support/redis-server.ts';
import type { RunningRedis } from './support/redis-server.ts';
import { oktaSettings, startServer } from './support/servers.ts';

const CSRF_SECRET = 'a-secret-both-handlers-share-0123456789';

let sim: RunningSimulator;
let redis: RunningRedis | undefined;
const clients: Array<{ readonly isOpen: boolean; destroy(): void }> = [];

before(async () => {
  sim = await startSimulator({ port: 0, config: { testing: true } });
  if (!redisSkip) redis = await startRedis();
});
after(async () => {
  for (const client of clients) if (client.isOpen) client.destroy();
  await redis?.stop();
  await sim.close();
});

async function redisStore(): Promise<RedisSessionStore> {
  const client = await createClient({ url: redis!.url }).connect();
  clients.push(client);
  return new RedisSessionStore({ client });
}

/** A stand-in for an SdkSession: LiveSessions only keeps and hands back what it is given. */
const sdk = (name: string) => ({ name }) as unknown as SdkSession;

test('LiveSessions: handed back only at the revision it was kept with, and only once', () => {
  const live = new LiveSessions(10, 60_000);
  const one = sdk('one');
  live.keep('k', 'r1', one);
  assert.equal(live.take('k', 'r2'), undefined, 'another write: not this SDK');
  assert.equal(live.take('k', 'r1'), undefined, 'a miss forgets it');
  live.keep('k', 'r1', one);
  assert.equal(live.take('k', undefined), undefined, 'a record without a revision: not this SDK');
  live.keep('k', 'r1', one);
  assert.equal(live.take('k', 'r1'), one);
  assert.equal(live.take('k', 'r1'), undefined, 'taken out while its request runs');
  assert.equal(live.size, 0);
});

test('LiveSessions: bounded, the least recently kept go first; none outlives the session; 0 keeps none', () => {
  let now = 0;
  const live = new LiveSessions(2, 1000, () => now);
  live.keep('a', 'r', sdk('a'));
  live.keep('b', 'r', sdk('b'));
  live.keep('a', 'r2', sdk('a2'));
  live.keep('c', 'r', sdk('c'));
  assert.equal(live.size, 2);
  assert.equal(live.take('b', 'r'), undefined, 'b was kept least recently');
  assert.equal((live.take('a', 'r2') as unknown as { name: string }).name, 'a2');

  live.keep('d', 'r', sdk('d'));
  now = 1000;
  assert.equal(live.take('d', 'r'), undefined, 'idle as long as the session lives: gone');
  live.keep('e', 'r', sdk('e'));
  assert.equal(live.size, 1, 'expired ones are dropped as new ones come');

  const none = new LiveSessions(0, 1000);
  none.keep('a', 'r', sdk('a'));
  assert.equal(none.size, 0);
});

test(
  'two handlers on one Redis: after the other one moved the sign-in on, a handler does not use its stale okta-auth-js',
  { skip: redisSkip },
  async (t) => {
    await new ControlApi(sim).reset();
    const options = { csrfSecret: CSRF_SECRET, liveSessions: 100 };
    const first = await startServer('node', sim, { store: await redisStore(), ...options });
    t.after(() => first.close());
    const second = await startServer('node', sim, { store: await redisStore(), ...options });
    t.after(() => second.close());

    // The first handler serves start and identify: it keeps the session's SDK, at the picker.
    const onFirst = new BrowserSession(first.base);
    const picker = await signInWithPassword(onFirst, 'totp@example.com', 'select-authenticator-authenticate');
    // The next requests of the same browser land on the second handler (no sticky sessions).
    const onSecond = new BrowserSession(second.base);
    onSecond.cookie = onFirst.cookie;
    onSecond.csrfToken = onFirst.csrfToken;
    const oktaVerify = picker.options.filter((o) => o.authenticatorKey === 'okta_verify');
    let step = stepOf(
      await onSecond.post('proceed', {
        step: picker.name,
        values: (oktaVerify.find((o) => o.value.endsWith(':totp')) ?? oktaVerify[0])!.values,
      }),
    );
    if (step.name === 'authenticator-verification-data') {
      const totp = step.options.find((o) => o.value === 'totp')!;
      step = stepOf(await onSecond.post('proceed', { step: step.name, values: totp.values }));
    }
    assert.equal(step.name, 'challenge-authenticator');

    // Back on the first handler: its live SDK is still at the picker, the record is not.
    onFirst.cookie = onSecond.cookie;
    const code = await (await VirtualDevice.of(new ControlApi(sim), 'totp@example.com')).totp();
    await expectStep(
      onFirst.post('proceed', { step: 'challenge-authenticator', values: { verificationCode: code } }),
      'success',
    );
    assert.equal(first.signIns.length, 1);
    assert.deepEqual([...first.errors, ...second.errors], []);
  },
);

/** A memory store whose records can be read back without okta-auth-js's storage. */
class HollowingStore implements SessionStore {
  readonly inner = new MemorySessionStore();
  hollow = false;
  get(key: string) {
    const record = this.inner.get(key);
    return record && this.hollow ? { ...record, sdkStorage: {} } : record;
  }
  set(key: string, record: SessionRecord, ttlMs: number) {
    this.inner.set(key, record, ttlMs);
  }
  delete(key: string) {
    this.inner.delete(key);
  }
}

for (const liveSessions of [10, 0]) {
  test(`liveSessions: ${liveSessions}: the next request ${liveSessions ? 'uses the SDK kept alive' : 'rebuilds the SDK from the record'}`, async (t) => {
    await new ControlApi(sim).reset();
    const store = new HollowingStore();
    const server = await startServer('node', sim, { store, liveSessions });
    t.after(() => server.close());
    const browser = new BrowserSession(server.base);
    const picker = await signInWithPassword(browser, 'push@example.com', 'select-authenticator-authenticate');
    // From now on the store hands back records without okta-auth-js's storage (same revision).
    store.hollow = true;
    const oktaVerify = picker.options.find((o) => o.authenticatorKey === 'okta_verify')!;
    const answer = await browser.post('proceed', { step: picker.name, values: oktaVerify.values });
    if (liveSessions) assert.equal(answer.status, 200, answer.text);
    else assert.notEqual(answer.status, 200, 'an SDK rebuilt from an empty storage has no transaction');
  });
}

test('a kept SDK carries no Retry-After of an earlier request into the next answer', async (t) => {
  const control = new ControlApi(sim);
  await control.reset();
  const server = await startServer('node', sim, { liveSessions: 10 });
  t.after(() => server.close());
  const browser = new BrowserSession(server.base);
  await expectStep(chooseOktaVerify(browser, 'push@example.com', 'push'), 'challenge-poll');
  const limited = await rateLimitedPoll(browser, control);
  assert.equal(limited.headers.get('retry-after'), '3');
  // Okta fails the next poll without asking to wait.
  await control.call('POST', '/faults', {
    kind: 'status',
    status: 503,
    path: '/idp/idx/authenticators/poll',
    count: 1,
  });
  const failed = await browser.post('poll', { step: 'challenge-poll' });
  assert.notEqual(failed.status, 429, failed.text.slice(0, 200));
  assert.equal(failed.headers.get('retry-after'), null);
});

/** What okta-auth-js offers when it replays the response saved in `record`, as the handler did before `offers`. */
async function replayedOffers(record: SessionRecord, shared: RecordStorage) {
  const replayed = new SdkSession(oktaSettings(sim), record.sdkStorage, shared);
  return offersOf(
    await replayed.auth.idx.proceed({ enableLegacyMode: false, useGenericRemediator: false, autoRemediate: false }),
  );
}

test('the offers a record keeps are what okta-auth-js replays from its storage; none after an error answer', async (t) => {
  await new ControlApi(sim).reset();
  const store = new RecordingStore();
  const server = await startServer('node', sim, { store });
  t.after(() => server.close());
  const browser = new BrowserSession(server.base);
  await expectStep(chooseOktaVerify(browser, 'totp@example.com', 'totp'), 'challenge-authenticator');
  const wrong = await browser.post('proceed', {
    step: 'challenge-authenticator',
    values: { verificationCode: '000000' },
  });
  assert.equal(wrong.json.transaction?.requestDidSucceed, false);

  const shared = new RecordStorage();
  const withOffers = store.written.filter((record) => record.offers);
  assert.ok(withOffers.length >= 3, `${withOffers.length} records with offers`);
  for (const record of store.written)
    if (record.offers) assert.deepEqual(record.offers, await replayedOffers(record, shared));
  assert.equal(store.written.at(-1)?.offers, undefined, 'after the error answer the request is checked by a replay');
  // And that replay still lets the right code through.
  const code = await (await VirtualDevice.of(new ControlApi(sim), 'totp@example.com')).totp();
  await expectStep(
    browser.post('proceed', { step: 'challenge-authenticator', values: { verificationCode: code } }),
    'success',
  );

  // A push and a QR enrolment: their pickers, polls and actions too.
  store.written.length = 0;
  await expectStep(pushApproved(new BrowserSession(server.base), new ControlApi(sim), 'push@example.com'), 'success');
  await expectStep(qrScanned(new BrowserSession(server.base), new ControlApi(sim), 'enroll@example.com'), 'success');
  const polled = store.written.filter((record) => record.offers?.steps.some((step) => step.endsWith('-poll')));
  assert.ok(polled.length >= 2, `${polled.length} records at a poll`);
  for (const record of store.written) assert.deepEqual(record.offers, await replayedOffers(record, shared));
});
