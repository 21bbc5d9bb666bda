/** What a user does on either widget, through shadow roots, with real mouse clicks and key presses. */
import type { ElementHandle, Page } from 'puppeteer-core';
import './page-state.ts';

const TIMEOUT = 15_000;

/** The first element matching `selector` (through shadow roots) whose text or value starts with `text`. */
async function deepElement(page: Page, selector: string, text = ''): Promise<ElementHandle<Element>> {
  const handle = await page.waitForFunction(
    (selector, text) =>
      window.bench.findAllDeep(document, selector).find((element) => {
        const label = (element as HTMLInputElement).value || element.textContent || '';
        return label.trim().startsWith(text) && element.getBoundingClientRect().width > 0;
      }),
    { timeout: TIMEOUT, polling: 20 },
    selector,
    text,
  );
  return handle as ElementHandle<Element>;
}

export async function click(page: Page, selector: string, text = ''): Promise<void> {
  const element = await deepElement(page, selector, text);
  await element.click();
  await element.dispose();
}

export async function type(page: Page, selector: string, text: string): Promise<void> {
  const field = await deepElement(page, selector);
  await field.click();
  await field.type(text);
  await field.dispose();
}

/**
 * Waits for an element (e.g. a heading) whose text starts with `text`. The handle is disposed: an
 * undisposed handle keeps its element (and the widget around it) alive, which the memory figure would count.
 */
export async function waitForText(page: Page, selector: string, text: string): Promise<void> {
  await (await deepElement(page, selector, text)).dispose();
}

/**
 * Waits for either widget's username field to be on screen, on Okta's first step: `<ov-signin>`
 * shows its form before Okta has answered (`state.provisional`), and the first screen counted is
 * the one after that answer, as for Okta's widget.
 */
export async function waitForUsernameField(page: Page): Promise<void> {
  await (await deepElement(page, 'input[autocomplete="username"], input[name="identifier"]')).dispose();
  await page.waitForFunction(
    () => {
      const widget = document.querySelector('ov-signin') as {
        controller?: { state: { provisional?: boolean } };
      } | null;
      return !widget?.controller?.state.provisional;
    },
    { timeout: TIMEOUT, polling: 20 },
  );
}

/** Waits for a `window.bench` event of `type` and returns when it happened (page Date.now()). */
export async function waitForEvent(page: Page, type: string, timeout = TIMEOUT): Promise<number> {
  const at = await page.waitForFunction(
    (type) => window.bench.events.find((e) => e.type === type)?.at,
    { timeout, polling: 10 },
    type,
  );
  return (await at.jsonValue()) as number;
}

/** Round trips of the page's requests to `pathPart`, as the browser timed them (Resource Timing). */
export function roundTrips(page: Page, pathPart: string): Promise<number[]> {
  return page.evaluate(
    (pathPart) =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.includes(pathPart))
        .map((entry) => entry.duration),
    pathPart,
  );
}
