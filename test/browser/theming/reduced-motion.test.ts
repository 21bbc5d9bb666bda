// The activity indicator stands still for a user whose system asks for reduced motion, in every
// engine: this file runs in the `reduced-motion` group (web-test-runner.config.mjs), whose browser is
// launched with the preference set as the user's system would set it (test/support/browsers.mjs:
// Chromium's --force-prefers-reduced-motion, Firefox's ui.prefersReducedMotion, GTK's
// gtk-enable-animations=false for WebKitGTK), not emulated through a protocol only Chromium has.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import * as idx from '../fixtures/idx.js';
import { mountAt } from './mount.js';

const group = await executeServerCommand<string, undefined>('session-group');
const inReducedMotionGroup = group === 'reduced-motion';

(inReducedMotionGroup ? describe : describe.skip)(
  `activity indicator, the browser launched with prefers-reduced-motion: reduce${
    inReducedMotionGroup ? '' : ' [not in the reduced-motion group: run it with --group reduced-motion]'
  }`,
  () => {
    it('the browser reports the preference', () => {
      expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(true);
      expect(matchMedia('(prefers-reduced-motion: no-preference)').matches).to.equal(false);
    });

    for (const [name, tx] of [
      ['push', idx.pushPoll],
      ['number challenge', idx.numberChallenge],
      ['QR enrolment', idx.qrEnroll],
    ] as const) {
      it(`${name}: the indicator stands still, still shown beside the progress line`, async () => {
        const mounted = await mountAt(tx);
        const spinner = mounted.screen.shadowRoot!.querySelector<HTMLElement>('[part~="activity"]')!;
        expect(spinner, 'an indicator').to.not.equal(null);
        expect(getComputedStyle(spinner).animationName).to.equal('none');
        expect(spinner.getAnimations()).to.deep.equal([]);
        expect(spinner.getBoundingClientRect().width, 'still shown').to.be.above(0);
        expect(spinner.nextElementSibling!.getAttribute('role'), 'the progress line says what happens').to.equal(
          'status',
        );
        await expect(mounted.signin).to.be.accessible();
      });
    }
  },
);
