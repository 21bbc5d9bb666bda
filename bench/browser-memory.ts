/**
 * Memory: <ov-signin> mounted and removed 100 times while a push waits (each new element resumes
 * the saved transaction and starts polling; it is removed as soon as its waiting screen shows).
 * JS heap after forced GC (Chromium with --expose-gc) after 100 cycles, against after 1.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'puppeteer-core';
import { ControlApi } from '../test/sim/support/control-api.ts';
import type { BrowserBench } from './lib/browser-setup.ts';
import { waitForText } from './lib/page-actions.ts';
import { ovSigninDriver } from './lib/widget-drivers.ts';

export interface MemoryFigure {
  cycles: number;
  afterOne: number;
  afterMany: number;
  /** Poll requests in the 3 refresh intervals after the last removal: a leaked poller would show here. */
  pollsAfterward: number;
}

async function heapAfterGc(page: Page): Promise<number> {
  for (let i = 0; i < 3; i++) await page.evaluate(() => (window as unknown as { gc(): void }).gc());
  return (await page.metrics()).JSHeapUsedSize ?? Number.NaN;
}

async function cycle(page: Page): Promise<void> {
  await page.evaluate(() => window.bench.mount());
  await waitForText(page, 'h2[data-heading]', 'Get a push notification');
  await page.evaluate(() => document.querySelectorAll('ov-signin').forEach((widget) => widget.remove()));
}

export async function measureMemory(bench: BrowserBench, cycles: number, refreshMs: number): Promise<MemoryFigure> {
  const control = new ControlApi(bench.sim);
  await control.reset();
  await control.patchSettings({ challengePollRefreshMs: refreshMs });
  const context = await bench.browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.goto(bench.url('ov-signin'));
    await ovSigninDriver.toPushWaiting(page, 'push@example.com');
    await page.evaluate(() => document.querySelectorAll('ov-signin').forEach((widget) => widget.remove()));
    await cycle(page);
    const afterOne = await heapAfterGc(page);
    for (let i = 1; i < cycles; i++) await cycle(page);
    const afterMany = await heapAfterGc(page);
    const { requests } = await control.call<{ requests: Array<{ seq: number; path: string }> }>('GET', '/requests');
    const mark = requests.at(-1)?.seq ?? 0;
    await sleep(3 * refreshMs);
    const later = await control.call<{ requests: Array<{ path: string; method: string }> }>('GET', `/requests?since=${mark}`);
    const pollsAfterward = later.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/poll')).length;
    return { cycles, afterOne, afterMany, pollsAfterward };
  } finally {
    await context.close();
  }
}
