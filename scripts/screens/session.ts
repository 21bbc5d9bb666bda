/**
 * The simulator, a static server for the pages and Chromium, started together for the screenshots.
 * The benchmark's pages (bench/pages/) mount either widget against the simulator named in the
 * query string; Okta's widget is fetched only when its screens are wanted.
 */
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { startSimulator, type RunningSimulator } from 'ov-sim';
import { ControlApi } from 'ov-sim/client';
import { launchChromium } from '../../bench/lib/chromium.ts';
import { oktaWidgetPackage } from '../../bench/lib/okta-widget-package.ts';
import { serveStatic, type StaticServer } from '../../bench/lib/static-server.ts';

const ROOT = join(import.meta.dirname, '..', '..');

export type WidgetPage = 'ov-signin' | 'okta-sign-in.oie' | 'hostile';

export interface ScreensSession {
  control: ControlApi;
  browser: Browser;
  url(page: WidgetPage): string;
  close(): Promise<void>;
}

export async function startSession({ okta }: { okta: boolean }): Promise<ScreensSession> {
  const sim: RunningSimulator = await startSimulator({ port: 0 });
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await serveStatic({
      '/pages/': join(ROOT, 'bench', 'pages'),
      '/ov-signin/': join(ROOT, 'dist', 'bundle'),
      // The hostile-page tests' CMS imitation, which loads the bundle from /dist/bundle/.
      '/hostile/': join(ROOT, 'test', 'browser', 'hostile', 'pages'),
      '/dist/bundle/': join(ROOT, 'dist', 'bundle'),
      ...(okta && { '/okta/': join(oktaWidgetPackage().dir, 'dist') }),
    });
    const control = new ControlApi(sim);
    // Both pages use `${location.origin}/callback`; the simulator matches redirect URIs exactly.
    await control.registerRedirectUris(sim.clientId, [`${server.origin}/callback`]);
    browser = await launchChromium();
    const query = `issuer=${encodeURIComponent(sim.issuer)}&clientId=${encodeURIComponent(sim.clientId)}`;
    const origin = server.origin;
    const opened = { server, browser };
    return {
      control,
      browser,
      url: (page) =>
        page === 'hostile'
          ? `${origin}/hostile/hostile.html?issuer=${encodeURIComponent(sim.issuer)}&client-id=${encodeURIComponent(sim.clientId)}&redirect-uri=${encodeURIComponent(`${origin}/callback`)}`
          : `${origin}/pages/${page}.html?${query}`,
      close: async () => {
        await opened.browser.close();
        await opened.server.close();
        await sim.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await server?.close();
    await sim.close();
    throw error;
  }
}
