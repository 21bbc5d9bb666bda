/** The demo page (demo/index.html and demo/main.ts, as `npm start` serves them) in a test page, against the run's simulator. */
import type { OvSignin } from '../../../src/components/ov-signin/ov-signin.js';
import { simulator, resetSimulator } from '../e2e/support/control-api.js';
import type { MountedSignin } from '../e2e/support/widget.js';
import { firstScreen } from '../e2e/support/screen.js';

const DEMO_PAGE = '/demo/index.html';

/**
 * The demo's markup in this page (its body, and the stylesheet and icon links of its head, which name
 * files beside it), then its script (once: it is a module), which wires the widget to the simulator.
 */
export async function openDemo(): Promise<MountedSignin> {
  sessionStorage.clear();
  localStorage.clear();
  await resetSimulator();
  const sim = await simulator();
  // The demo's redirect URI, as `npm start` registers it when vite is not on 5173.
  await sim.registerRedirectUris('ov-demo', [`${location.origin}/login/callback`]);
  // What vite's `define` gives the demo (vite.config.ts); here, a global set before its script runs.
  Object.assign(globalThis, { __OV_SIM_URL__: sim.url });
  const demo = new DOMParser().parseFromString(await (await fetch(DEMO_PAGE)).text(), 'text/html');
  for (const link of demo.head.querySelectorAll('link[rel="stylesheet"], link[rel="icon"]')) {
    const copy = document.importNode(link, true) as HTMLLinkElement;
    copy.href = new URL(link.getAttribute('href')!, new URL(DEMO_PAGE, location.href)).href;
    document.head.append(copy);
  }
  document.body.replaceChildren(...[...demo.body.childNodes].map((node) => document.importNode(node, true)));
  const widget = document.querySelector<OvSignin>('#signin')!;
  await import('../../../demo/main.ts');
  await firstScreen(widget);
  return { widget, events: [], eventsOf: () => [], stepNames: () => [] };
}
