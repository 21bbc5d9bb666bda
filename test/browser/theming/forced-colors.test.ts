/**
 * Forced colours (Windows High Contrast and other user palettes): the page's and the widget's colours
 * give way to the user's system colours, and nothing the widget shows may vanish with them: every
 * control keeps a visible edge, focus shows in the Highlight colour, a busy button reads as disabled.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import * as idx from '../fixtures/idx.js';
import { inScreen, mountAt } from './mount.js';
import { describeInChromium } from '../support/engine.js';

/**
 * What `color` computes to for a CSS system colour keyword beside `element`: system colours depend
 * on the colour scheme in force there (the widget's may be dark while the page's is light).
 */
function systemColour(keyword: string, element: Element): string {
  const probe = document.createElement('span');
  probe.style.color = keyword;
  // Kept as given: a forced span would take the system's text colour instead.
  probe.style.forcedColorAdjust = 'none';
  element.after(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
}

// Firefox and WebKit have no forced-colours emulation their drivers reach.
describeInChromium('theming: forced colours (Chromium: CDP forced-colors emulation)', () => {
  before(() => executeServerCommand('forced-colors', true));
  after(() => executeServerCommand('forced-colors', false));

  it('is on for these tests', () => {
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
  });

  it('buttons, choices and fields keep a visible border', async () => {
    const identify = await mountAt(idx.identify);
    for (const selector of ['input[name="username"]', 'button[type="submit"]']) {
      const style = getComputedStyle(inScreen(identify, selector));
      expect(`${style.borderTopStyle} ${style.borderTopWidth}`, selector).to.equal('solid 1px');
    }
    const picker = await mountAt(idx.selectAuthenticatorAuthenticate);
    const option = getComputedStyle(inScreen(picker, 'button[data-option]'));
    expect(`${option.borderTopStyle} ${option.borderTopWidth}`, 'a choice').to.equal('solid 1px');
  });

  it('focus shows as a 2px ring in the Highlight colour', async () => {
    const mounted = await mountAt(idx.identify);
    const input = inScreen<HTMLInputElement>(mounted, 'input[name="username"]');
    input.focus();
    await sendKeys({ press: 'Shift' }); // keyboard modality, so :focus-visible applies
    const style = getComputedStyle(input);
    expect(style.outlineStyle).to.equal('solid');
    expect(style.outlineWidth).to.equal('2px');
    expect(style.outlineColor).to.equal(systemColour('Highlight', input));
  });

  it('a busy button reads as disabled: GrayText, not faded', async () => {
    const mounted = await mountAt(idx.identify);
    const submit = inScreen<HTMLButtonElement>(mounted, 'button[type="submit"]');
    submit.setAttribute('aria-disabled', 'true');
    // Colours change with a short transition: read them once it is over.
    await Promise.all(submit.getAnimations().map((animation) => animation.finished));
    const style = getComputedStyle(submit);
    expect(style.color).to.equal(systemColour('GrayText', submit));
    expect(style.opacity).to.equal('1');
  });

  it('passes aXe', async () => {
    const mounted = await mountAt(idx.numberChallenge);
    await expect(mounted.signin).to.be.accessible();
  });
});
