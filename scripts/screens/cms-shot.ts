/**
 * docs/cms-page-themed.png, in the README's theming section: the widget on the hostile-page tests'
 * CMS imitation (test/browser/hostile/pages/hostile.html: uppercase, `!important` fonts, forced
 * flex, a reset on `*`, its own `:focus` outline on the host box), with a purple `--ov-accent`, during a
 * number challenge.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OV_WALKS } from './ov-walks.ts';
import { settle } from './settle.ts';
import { startSession } from './session.ts';

const ACCENT = '#6b21a8';

export async function shootCmsPage(out: string): Promise<string> {
  mkdirSync(out, { recursive: true });
  const walk = OV_WALKS.find((w) => w.name === 'number');
  if (!walk) throw new Error('no walk to the number challenge');
  const session = await startSession({ okta: false });
  try {
    const context = await session.browser.createBrowserContext();
    const page = await context.newPage();
    await page.evaluateOnNewDocument('globalThis.__name = (f) => f;');
    await page.setViewport({ width: 1100, height: 760, deviceScaleFactor: 1 });
    await page.goto(session.url('hostile'));
    await page.waitForSelector('ov-signin');
    await page.evaluate((accent) => {
      document.querySelector<HTMLElement>('ov-signin')?.style.setProperty('--ov-accent', accent);
    }, ACCENT);
    await walk.reach({ page, control: session.control });
    // Focus stays in the widget: the page's own `:focus` outline on the host box is part of the picture.
    await settle(page);
    const file = join(out, 'cms-page-themed.png');
    writeFileSync(file, await page.screenshot({ type: 'png' }));
    await context.close();
    return file;
  } finally {
    await session.close();
  }
}
