/**
 * `npm run examples:check`: installs and builds the Vue and Angular examples (each against this
 * repository's build), then signs in with an Okta Verify push on each, in Chromium, against the
 * simulator, until the app's own `ov-success` handler says who signed in. Not part of `npm test`:
 * it downloads both frameworks (about a minute).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { startSimulator } from 'ov-sim';
import { ControlApi, VirtualDevice } from 'ov-sim/client';
import { launchChromium } from '../bench/lib/chromium.ts';
import { serveStatic } from '../bench/lib/static-server.ts';

const ROOT = join(import.meta.dirname, '..');
const EXAMPLES = [
  { name: 'vue', dist: 'examples/vue/dist' },
  { name: 'angular', dist: 'examples/angular/dist/ov-signin-angular-example/browser' },
];
const LOGIN = 'push@example.com';
const PASSWORD = 'Ov-Demo-2026!';

/** A script for the page: the elements matching `selector`, through every shadow root, then `then`. */
function inEveryRoot(selector: string, then: string): string {
  return `(() => {
    const all = (root) => [...root.querySelectorAll(${JSON.stringify(selector)})].concat(
      ...[...root.querySelectorAll('*')].filter((e) => e.shadowRoot).map((e) => all(e.shadowRoot)));
    return all(document)${then};
  })()`;
}

async function waitForText(page: Page, selector: string, text: string): Promise<void> {
  const found = `.some((e) => (e.value || e.textContent || '').trim().startsWith(${JSON.stringify(text)}))`;
  await (await page.waitForFunction(inEveryRoot(selector, found), { timeout: 15_000 })).dispose();
}

async function click(page: Page, selector: string, text = ''): Promise<void> {
  const visible = `.find((e) => (e.textContent || '').trim().startsWith(${JSON.stringify(text)}) && e.getBoundingClientRect().width > 0)`;
  const element = await page.waitForFunction(inEveryRoot(selector, visible), { timeout: 15_000 });
  await (element as ElementHandle<Element>).click();
  await element.dispose();
}

async function signInWithPush(page: Page, control: ControlApi): Promise<string> {
  await waitForText(page, 'h2[data-heading]', 'Sign in');
  await click(page, 'input[autocomplete="username"]');
  await page.keyboard.type(LOGIN);
  await click(page, 'input[autocomplete="current-password"]');
  await page.keyboard.type(PASSWORD);
  await click(page, 'button[type="submit"]');
  await click(page, 'button[data-option]', 'Get a push notification');
  await waitForText(page, 'h2[data-heading]', 'Get a push notification');
  const device = await VirtualDevice.of(control, LOGIN);
  for (let tries = 0; (await device.pendingPushes()).length === 0; tries++) {
    if (tries > 100) throw new Error('no push reached the phone');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await device.approve(await device.onlyPush());
  // The app's own ov-success handler writes this line.
  await page.waitForFunction(
    (login) => document.body.innerText.includes(`Signed in as ${login}`),
    { timeout: 15_000 },
    LOGIN,
  );
  return page.evaluate(() => document.body.innerText.replace(/\s+/g, ' ').trim());
}

execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
for (const { name } of EXAMPLES) {
  const cwd = join(ROOT, 'examples', name);
  execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd, stdio: 'inherit' });
  execFileSync('npm', ['run', 'build'], { cwd, stdio: 'inherit' });
}

// The examples name the simulator's default address, as `npm run sim` serves it.
const sim = await startSimulator({ port: 8787 });
const control = new ControlApi(sim);
const browser = await launchChromium();
let failed = false;
try {
  for (const { name, dist } of EXAMPLES) {
    await control.reset();
    const server = await serveStatic({ '/': join(ROOT, dist) });
    // The examples' redirect URI is `${location.origin}/callback`, on a port chosen just now.
    await control.registerRedirectUris(sim.clientId, [`${server.origin}/callback`]);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    try {
      await page.goto(`${server.origin}/index.html`);
      const text = await signInWithPush(page, control);
      if (errors.length) throw new Error(`uncaught errors: ${errors.join('; ')}`);
      console.log(`${name}: signed in with a push; the page says "${text}"`);
    } catch (error) {
      failed = true;
      console.error(`${name}: FAILED: ${String(error)}`);
    } finally {
      await page.close();
      await server.close();
    }
  }
} finally {
  await browser.close();
  await sim.close();
}
process.exitCode = failed ? 1 : 0;
