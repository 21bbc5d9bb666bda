/**
 * First render: navigation start to the username field being interactive (probe.js), each run in a
 * fresh browser context (no cache, no storage) with scripts served `no-store`, as a first visit.
 */
import type { BrowserBench, PageName } from './lib/browser-setup.ts';
import { median, repeat } from './lib/stats.ts';
import './lib/page-state.ts';

export interface FirstRender {
  page: PageName;
  /** ms from navigation start, one per run. */
  runs: number[];
  median: number;
}

async function once(bench: BrowserBench, pageName: PageName): Promise<number> {
  const context = await bench.browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.goto(bench.url(pageName));
    await page.waitForFunction(() => window.bench.interactiveAt !== undefined || window.bench.errors.length > 0, {
      timeout: 20_000,
      polling: 50,
    });
    const { interactiveAt, errors } = await page.evaluate(() => ({
      interactiveAt: window.bench.interactiveAt,
      errors: window.bench.errors,
    }));
    if (interactiveAt === undefined)
      throw new Error(`${pageName}: no username field; page errors: ${errors.join('; ')}`);
    return interactiveAt;
  } finally {
    await context.close();
  }
}

export async function measureFirstRender(
  bench: BrowserBench,
  pages: readonly PageName[],
  runs: number,
): Promise<FirstRender[]> {
  // One untimed load of each page first, so no page pays for the browser's own first start.
  for (const page of pages) await once(bench, page);
  // Round robin, so a slow spell of the machine falls on every page alike.
  const times = new Map<PageName, number[]>(pages.map((page) => [page, []]));
  await repeat(runs, async () => {
    for (const page of pages) times.get(page)!.push(await once(bench, page));
  });
  return pages.map((page) => ({ page, runs: times.get(page)!, median: median(times.get(page)!) }));
}
