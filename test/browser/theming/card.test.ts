// The frame: a card (a surface with an edge and a shadow) in light and dark, one width on every
// screen, `appearance="plain"` without edge or shadow, and the brand header (logo slot, brand name).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../../src/define.js';
import type { OvSignin, OvTheme } from '../../../src/components/ov-signin/ov-signin.js';
import type { OvTransaction } from '../../../src/controller/types.js';
import { darkPalette, lightPalette } from '../../../src/styles/palette.js';
import { FakeClient } from '../fixtures/fake-client.js';
import * as idx from '../fixtures/idx.js';
import { contrastRatio } from './contrast.js';
import { frame, mountAt } from './mount.js';

/** A 24×24 logo, a data URI as strict pages allow (`img-src 'self' data:`). */
const LOGO = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="96" height="24" viewBox="0 0 96 24"><rect width="96" height="24" fill="#0a7d32"/></svg>',
)}`;

/** `<ov-signin>` at the step of `tx`, inside `container` (a shrink-to-fit box shows width jumps). */
async function mountIn(tx: OvTransaction, container: string): Promise<OvSignin> {
  const client = new FakeClient().answer(tx);
  client.hold();
  const wrapper = await fixture<HTMLDivElement>(
    html`<div style=${container}><ov-signin .authClient=${client}></ov-signin></div>`,
  );
  const signin = wrapper.querySelector('ov-signin')!;
  await waitUntil(() => signin.controller.state.step, 'the first screen', { interval: 5 });
  await signin.updateComplete;
  await (signin.shadowRoot!.querySelector('[data-screen]') as OvSignin).updateComplete;
  return signin;
}

/** `rgb(r, g, b)` of an opaque computed colour; fails on a transparent one. */
function opaque(colour: string): string {
  expect(colour, 'an opaque colour').to.match(/^rgb\(/);
  return colour;
}

describe('the card', () => {
  for (const [theme, palette, page] of [
    ['light', lightPalette, '#ffffff'],
    ['dark', darkPalette, '#000000'],
  ] as const) {
    it(`is a visible surface in ${theme}: the surface, an edge that stands out from it and from a ${theme} page, and a shadow`, async () => {
      const mounted = await mountAt(idx.identify, theme as OvTheme);
      const style = getComputedStyle(frame(mounted));
      const surface = palette.surface;
      expect(contrastRatio(opaque(style.backgroundColor), surface), 'the surface').to.equal(1);
      const edge = opaque(style.borderTopColor);
      expect(style.borderTopWidth).to.equal('1px');
      expect(style.borderTopStyle).to.equal('solid');
      expect(contrastRatio(edge, surface), 'edge against the card').to.be.at.least(1.4);
      expect(contrastRatio(edge, page), `edge against a ${theme} page`).to.be.at.least(1.4);
      expect(style.boxShadow, 'a shadow').to.not.equal('none');
      await expect(mounted.signin).to.be.accessible();
    });
  }

  it('appearance="plain" keeps the surface without edge or shadow; the page may still give an edge', async () => {
    const mounted = await mountAt(idx.identify, 'light');
    mounted.signin.setAttribute('appearance', 'plain');
    await mounted.signin.updateComplete;
    let style = getComputedStyle(frame(mounted));
    expect(style.backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(style.borderTopColor).to.equal('rgba(0, 0, 0, 0)');
    expect(style.boxShadow).to.equal('none');
    mounted.signin.style.setProperty('--ov-frame-border', 'rgb(10, 125, 50)');
    style = getComputedStyle(frame(mounted));
    expect(style.borderTopColor).to.equal('rgb(10, 125, 50)');
    mounted.signin.appearance = 'card';
    mounted.signin.style.removeProperty('--ov-frame-border');
    await mounted.signin.updateComplete;
    expect(getComputedStyle(frame(mounted)).boxShadow, 'the property reflects').to.not.equal('none');
  });

  it('the frame is themable: --ov-frame-border, --ov-frame-shadow, --ov-width', async () => {
    const mounted = await mountAt(idx.identify, 'light');
    mounted.signin.style.setProperty('--ov-frame-border', 'rgb(1, 2, 3)');
    mounted.signin.style.setProperty('--ov-frame-shadow', 'none');
    mounted.signin.style.setProperty('--ov-width', '300px');
    const style = getComputedStyle(frame(mounted));
    expect(style.borderTopColor).to.equal('rgb(1, 2, 3)');
    expect(style.boxShadow).to.equal('none');
    expect(mounted.signin.getBoundingClientRect().width).to.equal(300);
  });
});

describe('one width on every screen', () => {
  const screens: Array<[string, OvTransaction]> = [
    ['sign-in', idx.identify],
    ['picker', idx.selectAuthenticatorAuthenticate],
    ['push', idx.pushPoll],
    ['code', idx.totpChallenge],
    ['QR', idx.qrEnroll],
    ['success', idx.success],
  ];

  it('is 25em (400px at the default text size) in a shrink-to-fit container, whatever the screen', async () => {
    const widths: Record<string, number> = {};
    for (const [name, tx] of screens) {
      const signin = await mountIn(tx, 'display: inline-block');
      widths[name] = signin.getBoundingClientRect().width;
      signin.parentElement!.remove();
    }
    // The widget's em is the user's default text size (font: medium), the test page's too.
    const em = parseFloat(getComputedStyle(document.body).fontSize);
    expect(widths).to.deep.equal(Object.fromEntries(screens.map(([name]) => [name, 25 * em])));
  });

  it('fits a small phone: 320 and 375 px wide, every screen as wide as the container, nothing sticking out', async () => {
    for (const width of [320, 375]) {
      for (const [name, tx] of screens) {
        const signin = await mountIn(tx, `width: ${width}px`);
        expect(signin.getBoundingClientRect().width, `${name} at ${width}px`).to.equal(width);
        const screen = signin.shadowRoot!.querySelector<HTMLElement>('[data-screen]')!;
        const content = screen.shadowRoot ?? screen;
        const widest = Math.max(
          ...[...content.querySelectorAll('*')].map((element) => element.getBoundingClientRect().right),
        );
        expect(widest, `${name} at ${width}px: content within the card`).to.be.at.most(
          signin.getBoundingClientRect().right,
        );
        signin.parentElement!.remove();
      }
    }
  });
});

describe('the brand header', () => {
  async function branded(logo: boolean, brandName?: string, theme: OvTheme = 'light'): Promise<OvSignin> {
    const client = new FakeClient().answer(idx.identify);
    client.hold();
    const signin = await fixture<OvSignin>(
      html`<ov-signin .authClient=${client} theme=${theme} brand-name=${ifDefined(brandName)}
        >${logo ? html`<img slot="logo" src=${LOGO} alt="Example Co." />` : ''}</ov-signin
      >`,
    );
    await waitUntil(() => signin.controller.state.step, 'the first screen', { interval: 5 });
    await signin.updateComplete;
    return signin;
  }

  function header(signin: OvSignin): HTMLElement {
    return signin.shadowRoot!.querySelector<HTMLElement>('[part~="header"]')!;
  }

  it('shows the logo slot and the brand name in the header part, above the screen', async () => {
    const signin = await branded(true, 'Example Co.');
    const logo = signin.querySelector('img')!;
    await logo.decode();
    await waitUntil(() => !header(signin).hidden, 'the header shows');
    const slot = header(signin).querySelector('slot[name="logo"]') as HTMLSlotElement;
    expect(slot.assignedElements()).to.deep.equal([logo]);
    expect(header(signin).querySelector('[part="brand-name"]')!.textContent).to.equal('Example Co.');
    const em = parseFloat(getComputedStyle(signin).fontSize);
    expect(logo.getBoundingClientRect().height, 'the logo is --ov-logo-height tall').to.equal(2.5 * em);
    expect(logo.getBoundingClientRect().width, 'in its own proportions').to.equal(10 * em);
    const heading = signin.shadowRoot!.querySelector('[data-screen]')!.shadowRoot!.querySelector('h2')!;
    expect(header(signin).getBoundingClientRect().bottom).to.be.at.most(heading.getBoundingClientRect().top);
    await expect(signin).to.be.accessible();
  });

  it('takes the --ov-logo-height and ::part(header) a page gives it', async () => {
    const signin = await branded(true);
    await signin.querySelector('img')!.decode();
    const style = document.createElement('style');
    style.textContent = 'ov-signin { --ov-logo-height: 32px } ov-signin::part(header) { background: rgb(1, 2, 3) }';
    document.head.append(style);
    try {
      await waitUntil(() => !header(signin).hidden, 'the header shows');
      expect(signin.querySelector('img')!.getBoundingClientRect().height).to.equal(32);
      expect(getComputedStyle(header(signin)).backgroundColor).to.equal('rgb(1, 2, 3)');
    } finally {
      style.remove();
    }
  });

  it('shows a brand name alone, in dark too, and is absent with neither', async () => {
    const named = await branded(false, 'Example Co.', 'dark');
    expect(header(named).hidden).to.equal(false);
    expect(header(named).textContent!.trim()).to.equal('Example Co.');
    await expect(named).to.be.accessible();
    const plain = await branded(false);
    expect(header(plain).hidden).to.equal(true);
    expect(header(plain).getBoundingClientRect().height).to.equal(0);
  });

  it('follows a logo added or removed later', async () => {
    const signin = await branded(false);
    expect(header(signin).hidden).to.equal(true);
    const logo = Object.assign(document.createElement('img'), { slot: 'logo', src: LOGO, alt: 'Example Co.' });
    signin.append(logo);
    await waitUntil(() => !header(signin).hidden, 'the header shows the new logo');
    logo.remove();
    await waitUntil(() => header(signin).hidden, 'the header goes with the logo');
  });

  it('keeps its size and frame under a page’s global !important rules on img', async () => {
    const style = document.createElement('style');
    style.textContent = `img { display: inline !important; border: 4px solid red !important; max-inline-size: 50% !important;
      block-size: 300px !important; inline-size: 100% !important; margin: 30px !important; padding: 9px !important;
      float: right !important; filter: grayscale(1) !important; }`;
    document.head.append(style);
    try {
      const signin = await branded(true, 'Example Co.');
      const logo = signin.querySelector('img')!;
      await logo.decode();
      await waitUntil(() => !header(signin).hidden, 'the header shows');
      const computed = getComputedStyle(logo);
      const em = parseFloat(getComputedStyle(signin).fontSize);
      expect(logo.getBoundingClientRect().height).to.equal(2.5 * em);
      expect(logo.getBoundingClientRect().width).to.equal(10 * em);
      expect([
        computed.borderTopWidth,
        computed.marginTop,
        computed.paddingTop,
        computed.float,
        computed.filter,
      ]).to.deep.equal(['0px', '0px', '0px', 'none', 'none']);
    } finally {
      style.remove();
    }
  });
});
