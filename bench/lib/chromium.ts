/** Headless Debian Chromium through puppeteer-core, set up the same way for every browser figure. */
import puppeteer, { type Browser } from 'puppeteer-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Without the background and update traffic, timings measure the page, not the browser. */
const QUIET_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** `exposeGc` adds `window.gc()` so the memory figure reads the heap after a full collection. */
export function launchChromium({ exposeGc = false } = {}): Promise<Browser> {
  const args = exposeGc ? [...QUIET_ARGS, '--js-flags=--expose-gc'] : QUIET_ARGS;
  return puppeteer.launch({ executablePath: CHROMIUM, headless: true, args });
}
