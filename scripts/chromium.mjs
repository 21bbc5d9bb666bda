// Debian's Chromium, launched the same way by the tests and the benchmarks. npm tools cannot
// download browsers here. As root it needs --no-sandbox; without its background and update traffic
// (refused on this network) runs are quieter and timings measure the page, not the browser.
export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
