/**
 * Walks every screen of `<ov-signin>` (and, optionally, the matching screens of Okta's widget) and
 * writes one PNG per screen and look: `<screen>-<variant>.png` and `okta-<screen>.png` in `out`.
 * Each walk runs in a fresh browser context against a freshly reset simulator; one that fails is
 * reported and the others go on.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'puppeteer-core';
import type { SimSettings } from 'ov-sim';
import { applyVariant, preparePage, shootElement, VARIANT_NAMES, type VariantName } from './capture.ts';
import { OKTA_WALKS } from './okta-walks.ts';
import { OV_WALKS } from './ov-walks.ts';
import { startSession, type ScreensSession, type WidgetPage } from './session.ts';
import type { WalkContext } from './walk.ts';

export interface GenerateOptions {
  out: string;
  /** Screen names to walk (default: all). */
  only?: readonly string[];
  variants?: readonly VariantName[];
  /** Also Okta's widget (fetches it from the registry once, into bench/.cache). */
  okta?: boolean;
  log?: (line: string) => void;
}

export interface GenerateResult {
  written: string[];
  failed: Array<{ walk: string; error: string }>;
}

interface Walk {
  name: string;
  settings?: Partial<SimSettings>;
  prepare?(control: WalkContext['control']): Promise<unknown>;
  reach(context: WalkContext): Promise<void>;
}

/** The element each page's widget draws in: `<ov-signin>`'s frame, Okta's container. */
const WIDGET_SELECTOR: Record<WidgetPage, string> = {
  'ov-signin': 'ov-signin',
  'okta-sign-in.oie': '#okta-sign-in',
  hostile: 'ov-signin',
};

async function openPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  // tsx names the functions it compiles with esbuild's `__name`, which the page does not have.
  await page.evaluateOnNewDocument('globalThis.__name = (f) => f;');
  await page.goto(url);
  await preparePage(page);
  return page;
}

async function walkOne(
  session: ScreensSession,
  defaults: SimSettings,
  walk: Walk,
  widget: WidgetPage,
  shoot: (page: Page) => Promise<string[]>,
): Promise<string[]> {
  const { control } = session;
  await control.reset();
  await control.clearFaults();
  await control.patchSettings({ ...defaults, ...walk.settings });
  await walk.prepare?.(control);
  const context = await session.browser.createBrowserContext();
  try {
    const page = await openPage(context, session.url(widget));
    await walk.reach({ page, control });
    return await shoot(page);
  } finally {
    await context.close();
  }
}

export async function generateScreens(options: GenerateOptions): Promise<GenerateResult> {
  const { out, only, variants = VARIANT_NAMES, okta = false, log = () => undefined } = options;
  const wanted = (walk: Walk) => !only || only.includes(walk.name);
  mkdirSync(out, { recursive: true });
  const result: GenerateResult = { written: [], failed: [] };
  const session = await startSession({ okta });
  try {
    const defaults = await session.control.settings();
    const run = async (walk: Walk, widget: WidgetPage, label: string, shoot: (page: Page) => Promise<string[]>) => {
      try {
        const files = await walkOne(session, defaults, walk, widget, shoot);
        result.written.push(...files);
        log(`${label}: ${files.length} image(s)`);
      } catch (error) {
        result.failed.push({ walk: label, error: (error as Error).message });
        log(`${label}: FAILED ${(error as Error).message}`);
      }
    };
    for (const walk of OV_WALKS.filter(wanted)) {
      await run(walk, 'ov-signin', walk.name, async (page) => {
        const files: string[] = [];
        for (const variant of variants) {
          await applyVariant(page, variant);
          const file = join(out, `${walk.name}-${variant}.png`);
          writeFileSync(file, await shootElement(page, WIDGET_SELECTOR['ov-signin']));
          files.push(file);
        }
        return files;
      });
    }
    if (okta) {
      for (const walk of OKTA_WALKS.filter(wanted)) {
        await run(walk, 'okta-sign-in.oie', `okta-${walk.name}`, async (page) => {
          const file = join(out, `okta-${walk.name}.png`);
          writeFileSync(file, await shootElement(page, WIDGET_SELECTOR['okta-sign-in.oie']));
          return [file];
        });
      }
    }
  } finally {
    await session.close();
  }
  return result;
}
