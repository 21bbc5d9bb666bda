/** A simulator, the static page server and Chromium, started together for the browser figures. */
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { startSimulator, type RunningSimulator, type SimSettings } from 'ov-sim';
import { ControlApi } from 'ov-sim/client';
import { launchChromium } from './chromium.ts';
import { oktaWidgetPackage } from './okta-widget-package.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/** The pages in bench/pages/. */
export type PageName = 'ov-signin' | 'okta-sign-in' | 'okta-sign-in.oie';

export interface BrowserBench {
  sim: RunningSimulator;
  server: StaticServer;
  browser: Browser;
  /** The page pointed at this run's simulator. */
  url(page: PageName): string;
  close(): Promise<void>;
}

/** Realistic settings (Okta's recorded refresh intervals) unless `settings` says otherwise. */
export async function startBrowserBench({
  exposeGc = false,
  settings = {} as Partial<SimSettings>,
} = {}): Promise<BrowserBench> {
  const sim = await startSimulator({ port: 0, config: { settings } });
  const server = await serveStatic({
    '/pages/': join(ROOT, 'bench', 'pages'),
    '/ov-signin/': join(ROOT, 'dist', 'bundle'),
    '/okta/': join(oktaWidgetPackage().dir, 'dist'),
  });
  // Both widgets' pages use `${location.origin}/callback`; the simulator matches redirect URIs exactly.
  await new ControlApi(sim).registerRedirectUris(sim.clientId, [`${server.origin}/callback`]);
  const browser = await launchChromium({ exposeGc });
  const query = `issuer=${encodeURIComponent(sim.issuer)}&clientId=${encodeURIComponent(sim.clientId)}`;
  return {
    sim,
    server,
    browser,
    url: (page) => `${server.origin}/pages/${page}.html?${query}`,
    close: async () => {
      await browser.close();
      await server.close();
      await sim.close();
    },
  };
}
