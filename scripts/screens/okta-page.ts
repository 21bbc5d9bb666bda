/**
 * What the walk does on Okta's Sign-In Widget (bench/pages/okta-sign-in.oie.html): its own markup
 * (`data-se`, field names), and its `afterRender` / `afterError` events, which the page keeps in
 * `window.bench.events` (bench/pages/okta-widget-start.js) with the form's name.
 */
import type { Page } from 'puppeteer-core';
import '../../bench/lib/page-state.ts';
import { settle } from './settle.ts';

const TIMEOUT = 20_000;

/** How many events the page has seen: the walk waits for what comes after it. */
export function mark(page: Page): Promise<number> {
  return page.evaluate(() => window.bench.events.length);
}

/**
 * Waits for the widget to render the form `formName` (or, for `'error'`, to show an error) after
 * event number `since`, then for it to settle.
 */
export async function waitForRender(page: Page, since: number, formName: string | 'error'): Promise<void> {
  try {
    await page.waitForFunction(
      (since, formName) =>
        window.bench.events
          .slice(since)
          .some((e) =>
            formName === 'error' ? e.type === 'afterError' : e.type === 'afterRender' && e.detail === formName,
          ),
      { timeout: TIMEOUT, polling: 50 },
      since,
      formName,
    );
  } catch (error) {
    const seen = await page.evaluate(() => window.bench.events.map((e) => `${e.type}:${e.detail ?? ''}`).join(' '));
    throw new Error(`waiting for Okta's widget to render ${formName}; its events: ${seen}`, { cause: error });
  }
  await settle(page);
}

export async function fill(page: Page, selector: string, text: string): Promise<void> {
  const field = await page.waitForSelector(selector, { visible: true, timeout: TIMEOUT });
  if (!field) throw new Error(`no field ${selector}`);
  await field.click({ count: 3 });
  await field.type(text);
  await field.dispose();
}

export async function click(page: Page, selector: string): Promise<void> {
  const element = await page.waitForSelector(selector, { visible: true, timeout: TIMEOUT });
  if (!element) throw new Error(`nothing matches ${selector}`);
  await element.click();
  await element.dispose();
}

/** Clicks the form's submit button and returns the event mark from just before. */
export async function submit(page: Page): Promise<number> {
  const since = await mark(page);
  await click(page, '#okta-sign-in input[type="submit"], #okta-sign-in button[type="submit"]');
  return since;
}
