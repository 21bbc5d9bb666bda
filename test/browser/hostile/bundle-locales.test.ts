/**
 * The one-file build (dist/bundle/ov-signin.js) loads a language other than English from its own
 * file beside the script (`ov-signin.locale.<locale>.js`), on a page under a strict
 * Content-Security-Policy with Trusted Types enforced (`script-src 'self'`): English needs no
 * second request, Arabic exactly one, and neither breaks the policy.
 */
import { expect } from '@open-wc/testing';
import { startFresh } from '../e2e/support/widget.js';
import { eventually, queryAllDeep } from '../e2e/support/screen.js';
import { openPage } from './support/page-frame.js';

/** The locale files the framed page fetched so far. */
function localeFilesFetched(frame: HTMLIFrameElement): string[] {
  return frame
    .contentWindow!.performance.getEntriesByType('resource')
    .map((entry) => /\/dist\/bundle\/ov-signin\.locale\.([\w-]+)\.js/.exec(entry.name)?.[1])
    .filter((locale): locale is string => locale !== undefined);
}

function headingOf(widget: Element): string {
  return queryAllDeep(widget, 'h2[data-heading]')[0]?.textContent?.trim() ?? '';
}

describe('the one-file build’s locale files', () => {
  it('fetches none for English and one for Arabic, under a strict policy with Trusted Types', async () => {
    await startFresh();
    const page = await openPage('clean', { trustedTypes: true });
    try {
      expect(headingOf(page.widget)).to.equal('Sign in');
      expect(localeFilesFetched(page.frame)).to.deep.equal([]);

      page.frame.contentDocument!.documentElement.setAttribute('lang', 'ar');
      await eventually(() => headingOf(page.widget) === 'تسجيل الدخول', 'the Arabic heading');
      const base = queryAllDeep(page.widget, '[part~="base"]')[0];
      expect(base?.getAttribute('dir')).to.equal('rtl');
      expect(localeFilesFetched(page.frame)).to.deep.equal(['ar']);

      // Back to English and to Arabic again: nothing more is fetched.
      page.frame.contentDocument!.documentElement.setAttribute('lang', 'en');
      await eventually(() => headingOf(page.widget) === 'Sign in', 'the English heading');
      page.frame.contentDocument!.documentElement.setAttribute('lang', 'ar');
      await eventually(() => headingOf(page.widget) === 'تسجيل الدخول', 'the Arabic heading again');
      expect(localeFilesFetched(page.frame)).to.deep.equal(['ar']);

      expect(page.violations()).to.deep.equal([]);
      expect(page.errors()).to.deep.equal([]);
    } finally {
      page.close();
    }
  });
});
