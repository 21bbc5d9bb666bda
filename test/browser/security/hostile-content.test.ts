/** Every string the server sends is fed XSS and injection payloads: it must stay inert text. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define.js';
import type { OvSignin } from '../../../src/components/ov-signin/ov-signin.js';
import { FakeClient } from '../fixtures/fake-client.js';
import { recordEvents } from '../fixtures/events.js';
import * as idx from '../fixtures/idx.js';
import type { OvTransaction } from '../../../src/controller/types.js';
import type { OvErrorEvent } from '../../../src/events/ov-error.js';

declare global {
  interface Window {
    __ovXss?: number;
  }
}

const PAYLOADS = [
  '<img src=x onerror="window.__ovXss=1">',
  '"><script>window.__ovXss=1</script>',
  "' onmouseover='window.__ovXss=1' x='",
  '<svg onload="window.__ovXss=1"></svg>',
  'javascript:window.__ovXss=1',
  '${window.__ovXss=1}{{constructor.constructor("window.__ovXss=1")()}}',
  '<a href="javascript:window.__ovXss=1">link</a>\u202Egnp.exe',
];

/** Server-provided text fields (not names or hrefs the SDK routes on). */
const SERVER_TEXT = new Set([
  'label',
  'message',
  'displayName',
  'deviceName',
  'identifier',
  'email',
  'phoneNumber',
  'correctAnswer',
  'firstName',
  'lastName',
]);

/** A deep copy of the transaction with every server text replaced by `payload` (functions kept). */
function poisoned<T>(value: T, payload: string): T {
  if (Array.isArray(value)) return value.map((v) => poisoned(v, payload)) as T;
  if (!value || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    copy[key] = SERVER_TEXT.has(key) && typeof inner === 'string' ? payload : poisoned(inner, payload);
  }
  return copy as T;
}

function allElements(root: Element | ShadowRoot): Element[] {
  return [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? allElements(el.shadowRoot) : [])]);
}

function allText(root: Element | ShadowRoot): string {
  return allElements(root)
    .flatMap((el) => [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? ''))
    .join(' ');
}

/** What an injection would leave behind: script-capable elements, handler attributes, script URLs. */
function injected(root: Element): string[] {
  const found: string[] = [];
  for (const el of allElements(root)) {
    if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'svg'].includes(el.tagName))
      found.push(`<${el.tagName.toLowerCase()}>`);
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push(`${el.tagName.toLowerCase()}[${attr.name}]`);
      if (/^\s*javascript:/i.test(attr.value)) found.push(`${el.tagName.toLowerCase()}[${attr.name}=javascript:]`);
    }
  }
  return found;
}

const steps = Object.entries(idx.STEPS).concat([
  ['terminal', idx.terminalTimedOut],
  ['success', idx.success],
]);

describe('hostile server content', () => {
  afterEach(() => {
    delete window.__ovXss;
  });

  for (const payload of PAYLOADS) {
    it(`stays text on every screen: ${payload.slice(0, 40)}`, async () => {
      for (const [name, transaction] of steps) {
        const client = new FakeClient().answer(poisoned(transaction as OvTransaction, payload));
        const el = await fixture<OvSignin>(html`<ov-signin .authClient=${client}></ov-signin>`);
        await waitUntil(() => el.controller.state.step || el.controller.state.problem, `${name} rendered`, {
          interval: 5,
        });
        await el.updateComplete;
        await new Promise((resolve) => setTimeout(resolve, 0));
        expect(injected(el), `${name}: injected markup`).to.deep.equal([]);
        expect(window.__ovXss, `${name}: a payload ran`).to.equal(undefined);
        el.remove();
      }
    });
  }

  it('server text appears as the characters sent', async () => {
    const payload = PAYLOADS[0]!;
    const client = new FakeClient().answer(poisoned(idx.pushRejected as OvTransaction, payload));
    const el = await fixture<OvSignin>(html`<ov-signin .authClient=${client}></ov-signin>`);
    await waitUntil(() => el.controller.state.step, 'rendered', { interval: 5 });
    await el.updateComplete;
    await waitUntil(() => allText(el.shadowRoot!).includes(payload), 'the payload shown as text');
  });

  for (const href of [
    'javascript:alert(1)',
    'https://evil.example/qr.png',
    'data:text/html,<script>alert(1)</script>',
    'data:image/svg+xml,<svg onload=alert(1)>',
  ]) {
    it(`refuses a QR src that is not a PNG or GIF data URI: ${href.slice(0, 30)}`, async () => {
      const client = new FakeClient().answer(idx.qrEnrollWith(href));
      const el = await fixture<OvSignin>(html`<ov-signin .authClient=${client}></ov-signin>`);
      const errors = recordEvents(el, 'ov-error') as OvErrorEvent[];
      await waitUntil(() => errors.length > 0, 'ov-error for the QR', { interval: 5 });
      expect(errors[0]?.detail.problem.code).to.equal('qr-refused');
      expect(
        allElements(el.shadowRoot!)
          .filter((e) => e.tagName === 'IMG')
          .map((e) => e.getAttribute('src')),
      ).to.not.include(href);
      expect(allText(el.shadowRoot!)).to.contain('could not be shown safely');
    });
  }
});
