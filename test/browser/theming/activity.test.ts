// The polling screens show an activity indicator beside their progress line: hidden from assistive
// technology (the line is the polite live region), turning, and still under prefers-reduced-motion.
// Still under the preference in every engine: reduced-motion.test.ts, in a browser launched with it;
// here, in Chromium, the indicator also follows the preference as it changes (CDP emulation).
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { OvTransaction } from '../../../src/controller/types.js';
import * as idx from '../fixtures/idx.js';
import { engine, itInChromium } from '../support/engine.js';
import { mountAt } from './mount.js';
import type { Mounted } from './mount.js';

const POLLING: Array<[string, OvTransaction]> = [
  ['push', idx.pushPoll],
  ['number challenge', idx.numberChallenge],
  ['QR enrolment', idx.qrEnroll],
  ['link sent', idx.emailLinkSent],
  ['same-device enrolment', idx.sameDeviceEnroll],
  ['FastPass', idx.fastPassCustomUri],
];

function indicator({ screen }: Mounted): HTMLElement | null {
  return screen.shadowRoot!.querySelector<HTMLElement>('[part~="activity"]');
}

describe('activity indicator while waiting', () => {
  afterEach(async () => {
    if (engine === 'chromium') await emulateMedia({ reducedMotion: 'no-preference' });
  });

  for (const [name, tx] of POLLING) {
    it(`${name}: turns beside the progress line, hidden from assistive technology, aXe clean`, async () => {
      const mounted = await mountAt(tx);
      const spinner = indicator(mounted);
      expect(spinner, 'an indicator').to.not.equal(null);
      expect(spinner!.getAttribute('aria-hidden')).to.equal('true');
      expect(spinner!.nextElementSibling!.getAttribute('role'), 'beside the status line').to.equal('status');
      const box = spinner!.getBoundingClientRect();
      expect(box.width > 0 && box.height > 0, 'visible').to.equal(true);
      const turning = spinner!.getAnimations();
      expect(turning.map((a) => (a as CSSAnimation).animationName)).to.deep.equal(['ov-activity']);
      expect(turning[0]!.playState).to.equal('running');
      await expect(mounted.signin).to.be.accessible();
    });
  }

  it('is not on screens that do not wait (sign-in, picker, code, resend)', async () => {
    for (const tx of [idx.identify, idx.selectAuthenticatorAuthenticate, idx.totpChallenge]) {
      const mounted = await mountAt(tx);
      expect(indicator(mounted)).to.equal(null);
      mounted.signin.remove();
    }
  });

  itInChromium('stands still under prefers-reduced-motion: reduce [Chromium: CDP media emulation]', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const mounted = await mountAt(idx.pushPoll);
    const spinner = indicator(mounted)!;
    expect(getComputedStyle(spinner).animationName).to.equal('none');
    expect(spinner.getAnimations()).to.deep.equal([]);
    expect(spinner.getBoundingClientRect().width, 'still shown').to.be.above(0);
    await emulateMedia({ reducedMotion: 'no-preference' });
    await mounted.screen.updateComplete;
    expect(spinner.getAnimations().length, 'turns again without the preference').to.equal(1);
  });
});
