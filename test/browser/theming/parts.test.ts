// A page restyles the screens from outside, through ov-signin::part() and the --ov-* properties.
import { expect } from '@open-wc/testing';
import * as idx from '../fixtures/idx.js';
import { frame, inScreen, mountAt, settledStyle } from './mount.js';

/** A stylesheet on the page for the length of one test. */
function pageStyle(text: string): HTMLStyleElement {
  const style = document.createElement('style');
  style.textContent = text;
  document.head.append(style);
  return style;
}

describe('theming: parts and custom properties', () => {
  let style: HTMLStyleElement | undefined;
  afterEach(() => {
    style?.remove();
    style = undefined;
  });

  it('a page styles the parts of a screen through ov-signin::part()', async () => {
    style = pageStyle(`
      ov-signin::part(base) { border-color: rgb(9, 9, 9); }
      ov-signin::part(heading) { color: rgb(1, 2, 3); }
      ov-signin::part(form) { row-gap: 7px; }
      ov-signin::part(label) { font-weight: 300; }
      ov-signin::part(input) { background-color: rgb(4, 5, 6); }
      ov-signin::part(button) { border-radius: 11px; }
      ov-signin::part(button-primary) { background-color: rgb(7, 8, 9); }
    `);
    const mounted = await mountAt(idx.identify);
    const computed = (selector: string) => getComputedStyle(inScreen(mounted, selector));
    expect(getComputedStyle(frame(mounted)).borderTopColor).to.equal('rgb(9, 9, 9)');
    expect(computed('h2').color).to.equal('rgb(1, 2, 3)');
    expect(computed('form').rowGap).to.equal('7px');
    expect(computed('label').fontWeight).to.equal('300');
    expect(computed('input[name="username"]').backgroundColor).to.equal('rgb(4, 5, 6)');
    expect(computed('button[type="submit"]').borderTopLeftRadius).to.equal('11px');
    expect(computed('button[type="submit"]').backgroundColor).to.equal('rgb(7, 8, 9)');
  });

  it('the number, the status line, the options and the link buttons are parts too', async () => {
    style = pageStyle(`
      ov-signin::part(number) { color: rgb(1, 1, 1); }
      ov-signin::part(status) { color: rgb(2, 2, 2); }
      ov-signin::part(link-button) { color: rgb(3, 3, 3); }
      ov-signin::part(option) { color: rgb(4, 4, 4); }
    `);
    const number = await mountAt(idx.numberChallenge);
    expect(getComputedStyle(inScreen(number, '.number')).color).to.equal('rgb(1, 1, 1)');
    expect(getComputedStyle(inScreen(number, '[role="status"]')).color).to.equal('rgb(2, 2, 2)');
    expect(getComputedStyle(inScreen(number, '[data-cancel]')).color).to.equal('rgb(3, 3, 3)');
    const picker = await mountAt(idx.selectAuthenticatorAuthenticate);
    expect(getComputedStyle(inScreen(picker, '[data-option]')).color).to.equal('rgb(4, 4, 4)');
  });

  for (const [name, tx] of Object.entries(idx.STEPS)) {
    it(`${name}: every part the screen renders is exported by ov-signin`, async () => {
      const { screen } = await mountAt(tx);
      const exported = new Set(
        screen
          .getAttribute('exportparts')!
          .split(',')
          .map((entry) => entry.split(':')[0]!.trim()),
      );
      const rendered = [...screen.shadowRoot!.querySelectorAll('[part]')].flatMap((el) => [...el.part]);
      expect(rendered.filter((part) => !exported.has(part))).to.deep.equal([]);
    });
  }

  it('--ov-accent colours the primary button, and the focus ring with it', async () => {
    const mounted = await mountAt(idx.identify);
    mounted.signin.style.setProperty('--ov-accent', '#0a7d32');
    expect((await settledStyle(inScreen(mounted, 'button[type="submit"]'))).backgroundColor).to.equal(
      'rgb(10, 125, 50)',
    );
    const input = inScreen(mounted, 'input[name="username"]');
    input.focus(); // a text field shows its ring on any focus
    expect(getComputedStyle(input).outlineColor).to.equal('rgb(10, 125, 50)');
  });

  it('--ov-focus-ring, --ov-input-background and --ov-radius reach the controls', async () => {
    const mounted = await mountAt(idx.identify);
    mounted.signin.style.setProperty('--ov-focus-ring', '#ff00ff');
    mounted.signin.style.setProperty('--ov-input-background', '#fafafa');
    mounted.signin.style.setProperty('--ov-radius', '0px');
    const input = inScreen(mounted, 'input[name="username"]');
    input.focus();
    expect(getComputedStyle(input).outlineColor).to.equal('rgb(255, 0, 255)');
    expect(getComputedStyle(input).backgroundColor).to.equal('rgb(250, 250, 250)');
    expect(getComputedStyle(input).borderTopLeftRadius).to.equal('0px');
  });

  it('--ov-space scales gaps and padding', async () => {
    const mounted = await mountAt(idx.identify);
    const form = inScreen(mounted, 'form');
    expect(getComputedStyle(form).rowGap).to.equal('12px');
    expect(getComputedStyle(frame(mounted)).paddingTop).to.equal('24px');
    mounted.signin.style.setProperty('--ov-space', '0.5rem');
    expect(getComputedStyle(form).rowGap).to.equal('6px');
    expect(getComputedStyle(frame(mounted)).paddingTop).to.equal('12px');
  });

  it('keeps the user’s text size on a page that shrinks the root font (html { font-size: 62.5% })', async () => {
    style = pageStyle('html { font-size: 62.5%; } body { font-size: 1.4rem; }');
    const mounted = await mountAt(idx.identify);
    expect(getComputedStyle(document.documentElement).fontSize, 'the page’s rem').to.equal('10px');
    expect(getComputedStyle(inScreen(mounted, 'input[name="username"]')).fontSize).to.equal('16px');
    expect(getComputedStyle(inScreen(mounted, 'h2')).fontSize).to.equal('20px');
    expect(getComputedStyle(inScreen(mounted, 'form')).rowGap).to.equal('12px');
    expect(getComputedStyle(frame(mounted)).paddingTop).to.equal('24px');
    expect(mounted.signin.getBoundingClientRect().width, 'the card’s 25em').to.equal(400);
  });
});
