/**
 * Memory, JS heap after forced GC (Chromium with --expose-gc), after many mount/unmount cycles
 * against after 1:
 * - mid-poll (ov-signin): each new element resumes the saved push transaction and starts polling; it
 *   is removed as soon as its waiting screen shows;
 * - first screen (both widgets): mounted, removed once the username field is on screen.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'puppeteer-core';
import { ControlApi } from 'ov-sim/client';
import type { BrowserBench, PageName } from './lib/browser-setup.ts';
import { waitForText, waitForUsernameField } from './lib/page-actions.ts';
import { ovSigninDriver } from './lib/widget-drivers.ts';

/** Cycles after which compiled code and caches have settled: growth after them is what stays. */
export const WARM_UP_CYCLES = 10;

export interface MemoryFigure {
  cycles: number;
  afterOne: number;
  afterWarmUp: number;
  afterMany: number;
  /** Poll requests in the 3 refresh intervals after the last removal: a leaked poller would show here. */
  pollsAfterward?: number;
}

async function heapAfterGc(page: Page): Promise<number> {
  for (let i = 0; i < 3; i++) await page.evaluate(() => (window as unknown as { gc(): void }).gc());
  return (await page.metrics()).JSHeapUsedSize ?? Number.NaN;
}

async function heapOverCycles(
  page: Page,
  cycles: number,
  cycle: () => Promise<void>,
): Promise<Omit<MemoryFigure, 'pollsAfterward'>> {
  await cycle();
  const afterOne = await heapAfterGc(page);
  for (let i = 1; i < WARM_UP_CYCLES; i++) await cycle();
  const afterWarmUp = await heapAfterGc(page);
  for (let i = WARM_UP_CYCLES; i < cycles; i++) await cycle();
  return { cycles, afterOne, afterWarmUp, afterMany: await heapAfterGc(page) };
}

export async function measurePollMemory(bench: BrowserBench, cycles: number, refreshMs: number): Promise<MemoryFigure> {
  const control = new ControlApi(bench.sim);
  await control.reset();
  await control.patchSettings({ challengePollRefreshMs: refreshMs });
  const context = await bench.browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.goto(bench.url('ov-signin'));
    await ovSigninDriver.toPushWaiting(page, 'push@example.com');
    await page.evaluate(() => window.bench.unmount());
    const figure = await heapOverCycles(page, cycles, async () => {
      await page.evaluate(() => window.bench.mount());
      await waitForText(page, 'h2[data-heading]', 'Get a push notification');
      await page.evaluate(() => window.bench.unmount());
    });
    const { requests } = await control.call<{ requests: Array<{ seq: number; path: string }> }>('GET', '/requests');
    const mark = requests.at(-1)?.seq ?? 0;
    await sleep(3 * refreshMs);
    const later = await control.call<{ requests: Array<{ path: string; method: string }> }>(
      'GET',
      `/requests?since=${mark}`,
    );
    const pollsAfterward = later.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/poll')).length;
    return { ...figure, pollsAfterward };
  } finally {
    await context.close();
  }
}

export async function measureFirstScreenMemory(
  bench: BrowserBench,
  pageName: PageName,
  cycles: number,
): Promise<MemoryFigure> {
  await new ControlApi(bench.sim).reset();
  const context = await bench.browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.goto(bench.url(pageName));
    await waitForUsernameField(page);
    await page.evaluate(() => window.bench.unmount());
    return await heapOverCycles(page, cycles, async () => {
      await page.evaluate(() => window.bench.mount());
      await waitForUsernameField(page);
      await page.evaluate(() => window.bench.unmount());
    });
  } finally {
    await context.close();
  }
}
