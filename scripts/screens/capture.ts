/**
 * The four looks of every screen, applied to the page already showing it (no second walk), and the
 * screenshot clipped to the widget: one CSS pixel per image pixel keeps the files small.
 */
import type { Page } from 'puppeteer-core';
import { settle } from './settle.ts';

export type VariantName = 'light' | 'dark' | 'rtl' | '375';

interface Variant {
  scheme: 'light' | 'dark';
  lang: string;
  dir: 'ltr' | 'rtl';
  width: number;
}

export const VARIANTS: Record<VariantName, Variant> = {
  light: { scheme: 'light', lang: 'en', dir: 'ltr', width: 1024 },
  dark: { scheme: 'dark', lang: 'en', dir: 'ltr', width: 1024 },
  rtl: { scheme: 'light', lang: 'ar', dir: 'rtl', width: 1024 },
  '375': { scheme: 'light', lang: 'en', dir: 'ltr', width: 375 },
};

export const VARIANT_NAMES = Object.keys(VARIANTS) as VariantName[];

/** Room around the widget, so a card's border and shadow show in the picture. */
const MARGIN = 16;
const VIEWPORT_HEIGHT = 900;

/**
 * A page as a site would frame the widget: the browser's own canvas colour in either scheme, and
 * no blinking caret (a field may have focus when the shot is taken).
 */
const PAGE_STYLE = `
  :root { color-scheme: light dark; }
  body { margin: 0; padding: 24px; background: Canvas; color: CanvasText; }
  * { caret-color: transparent !important; }
`;

export async function preparePage(page: Page): Promise<void> {
  await page.setViewport({ width: VARIANTS.light.width, height: VIEWPORT_HEIGHT, deviceScaleFactor: 1 });
  await page.addStyleTag({ content: PAGE_STYLE });
}

/**
 * Takes focus off whatever holds it (a heading or field the screen focused): a person who clicked
 * through sees no focus ring there, and the pictures should not depend on how the walk got there.
 */
export async function dropFocus(page: Page): Promise<void> {
  await page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    (active as HTMLElement | null)?.blur();
  });
}

/** Switches the page to `name`: colour scheme, `<html lang dir>` (the widget follows it) and width. */
export async function applyVariant(page: Page, name: VariantName): Promise<void> {
  const { scheme, lang, dir, width } = VARIANTS[name];
  await page.setViewport({ width, height: VIEWPORT_HEIGHT, deviceScaleFactor: 1 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  await page.evaluate(
    (lang, dir) => {
      document.documentElement.lang = lang;
      document.documentElement.dir = dir;
    },
    lang,
    dir,
  );
  await dropFocus(page);
  await settle(page);
}

/** A PNG of the element `selector` (through shadow roots) and `MARGIN` around it. */
export async function shootElement(page: Page, selector: string): Promise<Uint8Array> {
  const element = await page.waitForSelector(selector, { visible: true });
  if (!element) throw new Error(`nothing on the page matches ${selector}`);
  const box = await element.boundingBox();
  await element.dispose();
  if (!box || box.width === 0 || box.height === 0) throw new Error(`${selector} has no size on the page`);
  const x = Math.max(0, Math.floor(box.x - MARGIN));
  const y = Math.max(0, Math.floor(box.y - MARGIN));
  const right = Math.min(Math.ceil(box.x + box.width + MARGIN), page.viewport()?.width ?? Infinity);
  const clip = {
    x,
    y,
    width: right - x,
    height: Math.ceil(box.y + box.height + MARGIN) - y,
  };
  return page.screenshot({ clip, type: 'png', captureBeyondViewport: true });
}
