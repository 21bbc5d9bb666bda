import { expect } from '@open-wc/testing';
import type { OvTransaction } from '../../../src/controller/types.js';
import * as idx from '../fixtures/idx.js';
import { heading, rendered, resetLocale, signinAt } from './support.js';

/** The main screens, with the English heading each would have. */
const SCREENS: Array<[name: string, tx: OvTransaction, english: string]> = [
  ['identify', idx.identify, 'Sign in'],
  ['authenticator picker', idx.selectAuthenticatorAuthenticate, 'Verify it’s you with a security method'],
  ['QR enrolment', idx.qrEnroll, 'Set up Okta Verify'],
  ['push poll', idx.pushPoll, 'Get a push notification'],
  ['TOTP entry', idx.totpChallenge, 'Enter a code'],
  ['number challenge not approved', idx.numberPushRejected, 'Push notification not approved'],
];

/** The widget's own words for a number challenge not approved, where Okta's would blame the user. */
const NUMBER_REJECTED: Record<string, string> = {
  de: 'Diese Anmeldung wurde auf Ihrem Mobilgerät nicht bestätigt.',
  ar: 'لم تتم الموافقة على تسجيل الدخول هذا على جهازك المحمول.',
};

describe('accessibility in other languages', () => {
  afterEach(resetLocale);

  for (const locale of ['de', 'ar']) {
    for (const [name, tx, english] of SCREENS) {
      it(`${name} in ${locale}`, async () => {
        const { el, client } = await signinAt(tx, locale);
        // A polling screen's next poll stays in flight, so the screen stays as it is.
        client.hold();
        await rendered(el, locale);
        expect(heading(el)).to.not.equal(english);
        if (tx === idx.numberPushRejected) {
          const screen = el.shadowRoot!.querySelector('[data-screen]')!.shadowRoot!;
          expect(screen.querySelector('[role="alert"]')!.textContent!.trim()).to.contain(NUMBER_REJECTED[locale]);
        }
        await expect(el).to.be.accessible();
      });
    }
  }
});
