/**
 * A page that loads the widget twice (two copies of the bundle, or the bundle and the npm package's
 * `define` entry): nothing throws, the first copy's tags stay registered, and the sign-in works.
 */
import { expect } from '@open-wc/testing';
import { startFresh } from '../e2e/support/widget.js';
import { screenTitled } from '../e2e/support/screen.js';
import { openPage } from './support/page-frame.js';
import type { PageName } from './support/page-frame.js';
import { push } from './support/flows.js';

describe('the widget loaded twice on a page', () => {
  beforeEach(startFresh);

  for (const [page, what] of [
    ['bundle-twice', 'two copies of the bundle'],
    ['bundle-and-define', 'the bundle, then ov-signin/define'],
  ] as const satisfies ReadonlyArray<readonly [PageName, string]>) {
    it(`${what}: no error, and a push sign-in completes`, async () => {
      const opened = await openPage(page);
      try {
        const registry = opened.frame.contentWindow!.customElements;
        expect(opened.widget).to.be.instanceOf(registry.get('ov-signin')!);
        await push(opened.widget, (heading) => screenTitled(opened.widget, heading).then(() => undefined));
        expect(opened.errors()).to.deep.equal([]);
        expect(opened.violations()).to.deep.equal([]);
      } finally {
        opened.close();
      }
    });
  }
});
