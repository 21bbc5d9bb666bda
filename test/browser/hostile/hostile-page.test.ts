/**
 * The bundle (dist/bundle/ov-signin.js) on a CMS page that styles everything globally, served with a
 * strict Content-Security-Policy (and a variant enforcing Trusted Types): the push and QR enrolment
 * flows finish with no policy violation and every screen looks as it does on a clean page.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '../support/viewport.js';
import { engine } from '../support/engine.js';
import { startFresh } from '../e2e/support/widget.js';
import { boxInTopPage, eventually, screenTitled } from '../e2e/support/screen.js';
import { openPage, pixelDiff, screenshotOf } from './support/page-frame.js';
import type { PageName, PageOptions, Rect, Screenshot } from './support/page-frame.js';
import { push, qrEnrolment } from './support/flows.js';
import type { Flow } from './support/flows.js';

/**
 * Pixels allowed to differ per screen: the card's rounded corners, its edge anti-aliased there, show
 * the page behind them (up to 50 pixels a screen). WebKit also anti-aliases the rounded corners of
 * the fields and buttons inside a shade apart on the two pages (about 20 pixels a screen); a style
 * leaking in changes thousands.
 */
const CORNER_PIXELS = engine === 'webkit' ? 120 : 80;

interface Shot {
  screenshot: Screenshot;
  /** Part of the screen unique to each run (the QR code), relative to the screenshot. */
  unique?: Rect;
}

/** Runs `flow` on a fresh page; returns a screenshot of each screen and the policy violations seen. */
async function run(
  flow: Flow,
  page: PageName,
  options?: PageOptions,
): Promise<{ shots: Map<string, Shot>; violations: string[] }> {
  await startFresh();
  const opened = await openPage(page, options);
  const shots = new Map<string, Shot>();
  try {
    await flow(opened.widget, async (heading, unique) => {
      await screenTitled(opened.widget, heading);
      const screenshot = await screenshotOf(opened.widget);
      shots.set(heading, { screenshot, ...(unique && { unique: relativeTo(unique, opened.widget) }) });
    });
    return { shots, violations: opened.violations() };
  } finally {
    opened.close();
  }
}

function relativeTo(element: Element, widget: Element): Rect {
  const [box, origin] = [boxInTopPage(element), boxInTopPage(widget)];
  return {
    x: Math.floor(box.x - origin.x),
    y: Math.floor(box.y - origin.y),
    width: Math.ceil(box.width) + 1,
    height: Math.ceil(box.height) + 1,
  };
}

/** The screens of `actual` that differ from the same screen of `reference` by more than the corners. */
async function screensThatDiffer(reference: Map<string, Shot>, actual: Map<string, Shot>): Promise<string[]> {
  expect([...actual.keys()]).to.deep.equal([...reference.keys()]);
  const differing: string[] = [];
  for (const [heading, { screenshot, unique }] of reference) {
    const diff = await pixelDiff(screenshot, actual.get(heading)!.screenshot, unique);
    if (!diff.sameSize) differing.push(`${heading}: ${diff.sizes.join(' vs ')}`);
    else if (diff.differing > CORNER_PIXELS)
      differing.push(`${heading}: ${diff.differing} of ${diff.total} pixels, in ${diff.area}`);
  }
  return differing;
}

describe('hostile CMS page under a strict CSP (the one-file bundle)', () => {
  before(() => setViewport({ width: 1000, height: 1000 }));

  for (const [name, flow] of [
    ['push', push],
    ['QR enrolment', qrEnrolment],
  ] as const) {
    it(`${name}: no CSP violation, with or without Trusted Types, and every screen as on a clean page`, async () => {
      const clean = await run(flow, 'clean');
      const hostile = await run(flow, 'hostile');
      const trustedTypes = await run(flow, 'hostile', { trustedTypes: true });
      expect(clean.violations, 'clean page').to.deep.equal([]);
      expect(hostile.violations, 'hostile page').to.deep.equal([]);
      expect(trustedTypes.violations, 'hostile page with Trusted Types').to.deep.equal([]);
      expect(await screensThatDiffer(clean.shots, hostile.shots), 'hostile vs clean').to.deep.equal([]);
      expect(
        await screensThatDiffer(clean.shots, trustedTypes.shots),
        'hostile with Trusted Types vs clean',
      ).to.deep.equal([]);
    });
  }

  // On the clean page: the CMS theme's `[part] { display: none !important }` hides a form in the
  // page's DOM, as it would any page content; that is the price of the opt-in (docs/password-managers.md).
  it('credentials in the light DOM: the push flow with no CSP violation under Trusted Types (its styles are a constructed sheet)', async () => {
    const { shots, violations } = await run(push, 'clean', { trustedTypes: true, lightDomCredentials: true });
    expect(violations).to.deep.equal([]);
    expect([...shots.keys()].at(-1)).to.equal('You are signed in');
  });

  it('the brand header: the logo and name shown, sized and unframed as on a clean page, no CSP violation', async () => {
    const headers: Record<string, { logo: DOMRect; header: DOMRect; name: string; border: string }> = {};
    for (const name of ['clean', 'hostile'] as const) {
      await startFresh();
      const page = await openPage(name, { brand: true, trustedTypes: true });
      try {
        const logo = page.widget.querySelector('img')!;
        await logo.decode();
        const header = page.widget.shadowRoot!.querySelector<HTMLElement>('[part="header"]')!;
        await eventually(() => !header.hidden, 'the header shows');
        expect(page.violations(), `${name} page`).to.deep.equal([]);
        headers[name] = {
          logo: logo.getBoundingClientRect(),
          header: header.getBoundingClientRect(),
          name: header.textContent!.trim(),
          border: getComputedStyle(logo).borderTopWidth,
        };
      } finally {
        page.close();
      }
    }
    const { clean, hostile } = headers as Record<'clean' | 'hostile', (typeof headers)[string]>;
    expect([clean.logo.width, clean.logo.height], 'the logo at --ov-logo-height, in proportion').to.deep.equal([
      160, 40,
    ]);
    expect([hostile.logo.width, hostile.logo.height], 'the same on the CMS page').to.deep.equal([160, 40]);
    expect(hostile.header.height).to.equal(clean.header.height);
    expect(hostile.logo.x - hostile.header.x, 'centred as on the clean page').to.equal(clean.logo.x - clean.header.x);
    expect([clean.border, hostile.border], 'no frame from the page’s img rule').to.deep.equal(['0px', '0px']);
    expect(hostile.name).to.equal('Example Co.');
  });

  it('the checks can fail: an inline style and an HTML string are violations, a changed colour is a difference', async () => {
    await startFresh();
    const page = await openPage('hostile', { trustedTypes: true });
    try {
      const before = await screenshotOf(page.widget);
      const document = page.frame.contentDocument!;
      document.body.setAttribute('style', 'outline: 1px solid red');
      expect(() => (document.createElement('div').innerHTML = '<b>unsafe</b>')).to.throw(
        /TrustedHTML|Sink type mismatch/,
      );
      await eventually(() => page.violations().length === 2, 'two violations reported');
      expect(page.violations().map((v) => v.split(':')[0])).to.have.members([
        'style-src-attr',
        'require-trusted-types-for',
      ]);

      // Through the CSSOM, which the policy allows: the way a page themes the widget.
      page.widget.style.setProperty('--ov-accent', '#0a7d32');
      const after = await screenshotOf(page.widget);
      expect((await pixelDiff(before, after)).differing).to.be.above(CORNER_PIXELS);
    } finally {
      page.close();
    }
  });
});
