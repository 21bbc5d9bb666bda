/** Property: whatever the server or the network does, in any order, the widget shows something usable. */
import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import '../../../src/define.js';
import type { OvSignin } from '../../../src/components/ov-signin/ov-signin.js';
import { FakeClient } from '../fixtures/fake-client.js';
import * as idx from '../fixtures/idx.js';
import type { OvTransaction } from '../../../src/controller/types.js';

const recorded = [
  ...Object.values(idx.STEPS),
  idx.terminalExpired,
  idx.terminalTimedOut,
  idx.success,
  idx.canceled,
  idx.unsupported,
] as OvTransaction[];

/** A recorded transaction with one field deleted or replaced by a value of another type, at any depth. */
function mutate(tx: OvTransaction, path: number[], replacement: unknown): OvTransaction {
  const copy = structuredCloneKeepingFunctions(tx);
  let node: unknown = copy;
  for (const step of path) {
    if (!node || typeof node !== 'object') break;
    const keys = Object.keys(node);
    if (!keys.length) break;
    const key = keys[step % keys.length]!;
    const child = (node as Record<string, unknown>)[key];
    if (!child || typeof child !== 'object' || step % 3 === 0) {
      if (replacement === undefined) delete (node as Record<string, unknown>)[key];
      else (node as Record<string, unknown>)[key] = replacement;
      break;
    }
    node = child;
  }
  return copy;
}

function structuredCloneKeepingFunctions<T>(value: T): T {
  if (Array.isArray(value)) return value.map(structuredCloneKeepingFunctions) as T;
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, structuredCloneKeepingFunctions(v)])) as T;
}

type Answer = { tx: OvTransaction } | { error: unknown };

const answer: fc.Arbitrary<Answer> = fc.oneof(
  fc.constantFrom(...recorded).map((tx) => ({ tx })),
  fc
    .tuple(
      fc.constantFrom(...recorded),
      fc.array(fc.nat(50), { minLength: 1, maxLength: 6 }),
      fc.oneof(fc.constant(undefined), fc.anything()),
    )
    .map(([tx, path, replacement]) => ({ tx: mutate(tx, path, replacement) })),
  fc.anything().map((junk) => ({ tx: junk as OvTransaction })),
  fc
    .constantFrom<unknown>(
      new TypeError('Failed to fetch'),
      new SyntaxError('Unexpected end of JSON input'),
      Object.assign(new Error('Failed to fetch'), { name: 'AuthApiError', errorSummary: 'Failed to fetch' }),
      Object.assign(new Error('x'), { name: 'AuthApiError', xhr: { status: 429, headers: { 'retry-after': '1' } } }),
      Object.assign(new Error('x'), { name: 'AuthApiError', xhr: { status: 401 } }),
      'a string thrown',
      undefined,
    )
    .map((error) => ({ error })),
);

describe('any sequence of responses', () => {
  it('leaves <ov-signin> showing a step or a problem, never blank, never throwing', async () => {
    const uncaught: unknown[] = [];
    const onError = (e: ErrorEvent | PromiseRejectionEvent) => uncaught.push('reason' in e ? e.reason : e.error);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(answer, { minLength: 1, maxLength: 5 }), async (answers) => {
          const client = new FakeClient();
          for (const a of answers) {
            if ('tx' in a) client.answer(a.tx);
            else client.fail(a.error);
          }
          const el = await fixture<OvSignin>(html`<ov-signin .authClient=${client}></ov-signin>`);
          try {
            for (let i = 0; i < answers.length; i++) {
              if (i > 0) el.controller.restart();
              await el.controller.settled;
              await el.updateComplete;
              // CANCELED starts a new sign-in by itself, so a request may be in flight: "Loading…" is a screen too.
              const { step, problem, busy } = el.controller.state;
              expect(step !== undefined || problem !== undefined || busy, 'a step, a problem or loading').to.equal(
                true,
              );
              expect(
                el.shadowRoot!.textContent!.trim().length + el.shadowRoot!.querySelectorAll('*').length,
                'something on screen',
              ).to.be.greaterThan(0);
            }
          } finally {
            el.remove();
          }
        }),
        { numRuns: 60 },
      );
      expect(uncaught).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onError);
    }
  });
});
