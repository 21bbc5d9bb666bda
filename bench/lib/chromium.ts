/** Headless Debian Chromium through puppeteer-core, set up the same way for every browser figure. */
import puppeteer, { type Browser } from 'puppeteer-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';

/** `exposeGc` adds `window.gc()` so the memory figure reads the heap after a full collection. */
export function launchChromium({ exposeGc = false } = {}): Promise<Browser> {
  const args = exposeGc ? [...CHROMIUM_ARGS, '--js-flags=--expose-gc'] : CHROMIUM_ARGS;
  return puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, args });
}
