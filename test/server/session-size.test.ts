/**
 * A session record holds this sign-in only: the discovery documents and keys okta-auth-js caches
 * are kept once per process, not copied into every session (issue 17: at most 8 KiB per
 * in-progress session in the memory store; BENCHMARKS.md weighs it).
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { startSimulator } from 'ov-sim';
import { ControlApi } from 'ov-sim/client';
import type { SessionRecord, SessionStore } from '../../src/server/index.ts';
import { BrowserSession } from './support/browser-session.ts';
import { chooseOktaVerify, expectStep } from './support/flows.ts';
import { startServer } from './support/servers.ts';

const sim = await startSimulator({ port: 0, config: { testing: true } });
after(() => sim.close());

class RecordingStore implements SessionStore {
  readonly records = new Map<string, SessionRecord>();
  get(key: string) {
    return this.records.get(key);
  }
  set(key: string, record: SessionRecord) {
    this.records.set(key, record);
  }
  delete(key: string) {
    this.records.delete(key);
  }
}

test('a session waiting on a push keeps no discovery cache and stays under 8 KiB of JSON', async () => {
  await new ControlApi(sim).reset();
  const store = new RecordingStore();
  const server = await startServer('node', sim, { store });
  try {
    const sessions = [new BrowserSession(server.base), new BrowserSession(server.base)];
    for (const browser of sessions)
      await expectStep(chooseOktaVerify(browser, 'push@example.com', 'push'), 'challenge-poll');
    assert.equal(store.records.size, 2);
    for (const record of store.records.values()) {
      assert.deepEqual(Object.keys(record.sdkStorage), ['okta-transaction-storage']);
      assert.ok(JSON.stringify(record).length <= 8 * 1024, `${JSON.stringify(record).length} characters`);
    }
  } finally {
    await server.close();
  }
});
