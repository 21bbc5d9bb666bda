/** Mounting and removing the widget in the middle of a poll, 100 times, leaves nothing running behind. */
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define.js';
import type { OvSignin } from '../../../src/components/ov-signin/ov-signin.js';
import { FakeClient } from '../fixtures/fake-client.js';
import { TimerSpy } from '../fixtures/timers.js';
import * as idx from '../fixtures/idx.js';

const REFRESH = 40;
const CYCLES = 100;

/** Net listeners added on `target` while installed (added minus removed, by type). */
function listenerCounter(target: EventTarget) {
  const add = target.addEventListener;
  const remove = target.removeEventListener;
  const net = new Map<string, number>();
  target.addEventListener = function (this: EventTarget, type: string, ...rest: unknown[]) {
    net.set(type, (net.get(type) ?? 0) + 1);
    return (add as (...args: unknown[]) => void).call(this, type, ...rest);
  } as typeof add;
  target.removeEventListener = function (this: EventTarget, type: string, ...rest: unknown[]) {
    net.set(type, (net.get(type) ?? 0) - 1);
    return (remove as (...args: unknown[]) => void).call(this, type, ...rest);
  } as typeof remove;
  return {
    left: () => [...net].filter(([, n]) => n > 0).map(([type, n]) => `${type}×${n}`),
    restore: () => {
      target.addEventListener = add;
      target.removeEventListener = remove;
    },
  };
}

describe('no leaks', () => {
  it(`${CYCLES} mount/unmount cycles mid-poll: no timers, listeners or requests left`, async () => {
    const timers = new TimerSpy().install();
    const onDocument = listenerCounter(document);
    const onWindow = listenerCounter(window);
    const clients: FakeClient[] = [];
    try {
      for (let i = 0; i < CYCLES; i++) {
        const client = new FakeClient();
        for (let n = 0; n < 5; n++) client.answer(idx.pushPollWithRefresh(REFRESH));
        clients.push(client);
        const el = await fixture<OvSignin>(html`<ov-signin .authClient=${client}></ov-signin>`);
        await waitUntil(() => timers.pendingWith(REFRESH) === 1, `cycle ${i}: polling`, { interval: 2 });
        // Half the cycles leave while a poll is in flight, half while one is scheduled.
        if (i % 2)
          await waitUntil(() => client.inFlight === 1 || client.calls.length > 1, `cycle ${i}: a poll sent`, {
            interval: 2,
          });
        el.remove();
      }
      const callsAtEnd = clients.map((c) => c.calls.length);
      await aTimeout(REFRESH * 5);
      expect(timers.pendingWith(REFRESH), 'poll timers left').to.equal(0);
      expect(
        clients.map((c) => c.calls.length),
        'requests after removal',
      ).to.deep.equal(callsAtEnd);
      expect(
        clients.every((c) => c.inFlight === 0),
        'requests still open',
      ).to.equal(true);
      expect([...onDocument.left(), ...onWindow.left()], 'listeners left').to.deep.equal([]);
    } finally {
      timers.uninstall();
      onDocument.restore();
      onWindow.restore();
    }
  });
});
