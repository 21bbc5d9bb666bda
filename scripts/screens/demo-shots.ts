/**
 * The pictures of the demo page in the README and docs/inspector.md, taken the way a newcomer sees
 * the demo: the simulator and vite's demo server (as `npm start` runs them, on free ports), the
 * widget walked with the same steps as the screen walk.
 *
 * - demo-enroll-qr.png: the Okta Verify QR code, the virtual phone beside it (the first screenful).
 * - inspector-push.png: a push waiting, the flow inspector open under the demo (the whole page).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { createServer } from 'vite';
import { startSimulator } from 'ov-sim';
import { ControlApi } from 'ov-sim/client';
import { launchChromium } from '../../bench/lib/chromium.ts';
import { OV_WALKS } from './ov-walks.ts';
import { dropFocus } from './capture.ts';
import { settle } from './settle.ts';

const ROOT = join(import.meta.dirname, '..', '..');

interface DemoShot {
  file: string;
  /** The walk of scripts/screens/ov-walks.ts that brings the widget to the screen. */
  walk: string;
  query: string;
  fullPage: boolean;
  /** Text the virtual phone shows once it has caught up (it asks the simulator every second or so). */
  phoneShows: string;
  /** Polls the inspector has listed (docs/inspector.md describes two), if it is open. */
  polls?: number;
}

const SHOTS: readonly DemoShot[] = [
  { file: 'demo-enroll-qr.png', walk: 'enroll-qr', query: '', fullPage: false, phoneShows: 'push@example.com' },
  { file: 'inspector-push.png', walk: 'push', query: '?inspector', fullPage: true, phoneShows: 'Yes, it', polls: 2 },
];

export async function shootDemo(out: string, log: (line: string) => void = () => undefined): Promise<string[]> {
  mkdirSync(out, { recursive: true });
  const sim = await startSimulator({ port: 0 });
  // vite.config.ts hands the simulator's address to the demo page, as scripts/demo.ts does.
  process.env.OV_SIM_URL = sim.url;
  const vite = await createServer({
    configFile: join(ROOT, 'vite.config.ts'),
    server: { port: 0 },
    logLevel: 'warn',
  });
  const browser = await launchChromium();
  const written: string[] = [];
  try {
    await vite.listen();
    const demoUrl = vite.resolvedUrls?.local[0];
    if (!demoUrl) throw new Error('vite did not say where the demo is');
    const control = new ControlApi(sim);
    await control.registerRedirectUris(sim.clientId, [new URL('/login/callback', demoUrl).href]);
    for (const shot of SHOTS) {
      const walk = OV_WALKS.find((w) => w.name === shot.walk);
      if (!walk) throw new Error(`no walk ${shot.walk}`);
      await control.reset();
      const context = await browser.createBrowserContext();
      try {
        const page: Page = await context.newPage();
        await page.evaluateOnNewDocument('globalThis.__name = (f) => f;');
        await page.setViewport({ width: 1280, height: 900, deviceScaleFactor: 1 });
        await page.goto(new URL(shot.query, demoUrl).href);
        await walk.reach({ page, control });
        await page.waitForFunction(
          (text) => document.querySelector('demo-phone')?.shadowRoot?.textContent?.includes(text),
          { timeout: 15_000, polling: 100 },
          shot.phoneShows,
        );
        if (shot.polls) {
          await page.waitForFunction(
            (polls) => {
              const text = document.querySelector('ov-flow-inspector')?.shadowRoot?.textContent ?? '';
              return text.split('no change').length - 1 >= polls;
            },
            { timeout: 15_000, polling: 100 },
            shot.polls,
          );
        }
        await dropFocus(page);
        await settle(page);
        const file = join(out, shot.file);
        writeFileSync(file, await page.screenshot({ type: 'png', fullPage: shot.fullPage }));
        written.push(file);
        log(`demo ${shot.file}`);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await vite.close();
    await sim.close();
  }
  return written;
}
