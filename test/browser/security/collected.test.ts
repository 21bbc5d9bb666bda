/**
 * Memory stays flat: widgets removed in the middle of a poll, with the real okta-auth-js against the
 * simulator, are garbage-collected: nothing of the page (timers, listeners, locks, the SDK) keeps them.
 * Chromium runs with --expose-gc for this (test/support/browsers.mjs); Firefox and WebKit expose no
 * gc() to a page, so the test runs in Chromium only.
 */
import { aTimeout, expect, fixtureCleanup } from '@open-wc/testing';
import '../../../src/define.js';
import { CLIENT_ID, mountSignin, startFresh } from '../e2e/support/widget.js';
import { verifyWithOktaVerify } from '../e2e/support/steps.js';
import { queryAllDeep, screenTitled, textOf } from '../e2e/support/screen.js';
import { issuer } from '../e2e/support/control-api.js';
import { POLL_REFRESH_MS } from '../e2e/support/polls.js';
import { itInChromium } from '../support/engine.js';

const CYCLES = 10;

/**
 * Like screenTitled, but leaves no timer behind: @open-wc's waitUntil keeps its timeout timer (and
 * with it the widget) for the full timeout after it resolved, which would count as a leak here.
 */
async function showsHeading(widget: Element, heading: string): Promise<void> {
  for (let waited = 0; waited < 5000; waited += 20) {
    if (queryAllDeep(widget, 'h2[data-heading]').map(textOf).join(' | ') === heading) return;
    await aTimeout(20);
  }
  throw new Error(`the screen "${heading}" did not come`);
}

/** A widget that resumes the saved push, removed once it shows it (`afterAPoll`: a poll later, often mid-request). */
async function mountAndRemove(afterAPoll: boolean): Promise<WeakRef<Element>> {
  const widget = document.createElement('ov-signin');
  widget.setAttribute('issuer', await issuer());
  widget.setAttribute('client-id', CLIENT_ID);
  widget.setAttribute('redirect-uri', `${location.origin}/callback`);
  document.body.append(widget);
  await showsHeading(widget, 'Get a push notification');
  if (afterAPoll) await aTimeout(POLL_REFRESH_MS);
  widget.remove();
  return new WeakRef(widget);
}

async function collectGarbage(): Promise<void> {
  const { gc } = globalThis as unknown as { gc?: () => void };
  if (!gc) throw new Error('Chromium was started without --js-flags=--expose-gc');
  // Several rounds: finalizers and microtasks of one round release more for the next.
  for (let i = 0; i < 5; i++) {
    gc();
    await aTimeout(50);
  }
}

describe('removed widgets are garbage-collected', () => {
  beforeEach(startFresh);

  itInChromium(
    `${CYCLES} widgets removed while polling a push, each resumed from storage, none left in memory [Chromium: gc()]`,
    async () => {
      const first = await mountSignin();
      await verifyWithOktaVerify(first, 'push@example.com', 'Get a push notification');
      await screenTitled(first.widget, 'Get a push notification');
      fixtureCleanup();

      const removed: WeakRef<Element>[] = [];
      // In a function of its own: a loop variable would stay in this function's frame, and alive.
      for (let i = 0; i < CYCLES; i++) removed.push(await mountAndRemove(i % 2 === 1));
      // A poll in flight when its widget left holds it until it is answered, later on a busy
      // machine: collect until none is left, or until long after any request would have ended.
      const alive = () => removed.filter((ref) => ref.deref() !== undefined).length;
      for (const deadline = Date.now() + 15_000; Date.now() < deadline; await aTimeout(POLL_REFRESH_MS)) {
        await collectGarbage();
        if (alive() === 0) break;
      }
      expect(alive(), 'removed widgets still in memory').to.equal(0);
    },
  );
});
