import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { OvIdentify } from '../../../src/components/ov-identify/ov-identify.js';
import { FakeClient } from '../fixtures/fake-client.js';
import { flowAt } from '../fixtures/host.js';
import * as idx from '../fixtures/idx.js';
import { heading, rendered, resetLocale, signinAt } from './support.js';

function frame(el: Element): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;
}

describe('right-to-left', () => {
  afterEach(resetLocale);

  it('sets dir=rtl on the frame for Arabic, and back to ltr for a left-to-right locale', async () => {
    const { el } = await signinAt(idx.identify, 'ar');
    await rendered(el, 'ar');
    expect(heading(el)).to.equal('تسجيل الدخول');
    expect(frame(el).getAttribute('dir')).to.equal('rtl');
    const identify = el.shadowRoot!.querySelector('ov-identify')!;
    expect(getComputedStyle(identify.shadowRoot!.querySelector('h2')!).direction).to.equal('rtl');
    // The steps inside inherit the frame's direction instead of setting their own.
    expect(frame(identify).hasAttribute('dir')).to.equal(false);
    el.parentElement!.setAttribute('lang', 'de');
    await rendered(el, 'de');
    expect(frame(el).getAttribute('dir')).to.equal('ltr');
  });

  it('keeps the direction the page set for the language it gave', async () => {
    const { el } = await signinAt(idx.identify, 'ar');
    await rendered(el, 'ar');
    el.parentElement!.setAttribute('dir', 'rtl');
    await waitUntil(() => !frame(el).hasAttribute('dir'), 'the frame to leave dir to the page', { interval: 5 });
    expect(getComputedStyle(frame(el)).direction).to.equal('rtl');
  });

  it('sets ltr for a widget in German on a right-to-left page', async () => {
    document.documentElement.lang = 'ar';
    document.documentElement.dir = 'rtl';
    try {
      const { el } = await signinAt(idx.identify, 'de');
      await rendered(el, 'de');
      expect(frame(el).getAttribute('dir')).to.equal('ltr');
    } finally {
      document.documentElement.removeAttribute('dir');
    }
  });

  it('sets dir on the frame of a step element used alone', async () => {
    const { controller } = await flowAt(new FakeClient(), idx.identify);
    const div = await fixture<HTMLDivElement>(
      html`<div lang="ar"><ov-identify .controller=${controller}></ov-identify></div>`,
    );
    const identify = div.querySelector<OvIdentify>('ov-identify')!;
    await rendered(identify, 'ar');
    expect(frame(identify).getAttribute('dir')).to.equal('rtl');
  });
});
