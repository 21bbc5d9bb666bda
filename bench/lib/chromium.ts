/** Headless Debian Chromium through puppeteer-core, set up the same way for every browser figure. */
import puppeteer, { type Browser } from 'puppeteer-core';

// Debian's Chromium, as the browser tests launch it (their flags are in the test support, which
// the benchmarks do not import). As root it needs --no-sandbox; without its background and update
// traffic (refused on this network) timings measure the page, not the browser.
const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** `exposeGc` adds `window.gc()` so the memory figure reads the heap after a full collection. */
export function launchChromium({ exposeGc = false } = {}): Promise<Browser> {
  const args = exposeGc ? [...CHROMIUM_ARGS, '--js-flags=--expose-gc'] : CHROMIUM_ARGS;
  return puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, args });
}
