// Browser tests run in Debian's Chromium, Firefox ESR and WebKitGTK (test/support/browsers.mjs): one
// engine per run, chosen by BROWSERS (Chromium when unset); `npm run test:browser` runs all three.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { fileURLToPath } from 'node:url';
import { browsersFromEnv, engineNamesFromEnv, reducedMotionBrowsersFromEnv } from './test/support/browsers.mjs';
import { simulatorPlugin } from './test/support/simulator-plugin.mjs';
import { cspPagesMiddleware } from './test/support/csp-pages-middleware.mjs';
import { screenshotPlugin } from './test/support/screenshot-plugin.mjs';
import { serverModePlugin } from './test/support/server-mode-plugin.mjs';
import { forcedColorsPlugin } from './test/support/forced-colors-plugin.mjs';
import { reactEnvPlugin } from './test/support/react-env-plugin.mjs';
import { keyboardShortcutPlugin } from './test/support/keyboard-shortcut-plugin.mjs';
import { patientWaitPlugin } from './test/support/patient-wait-plugin.mjs';
import { sessionPlugin } from './test/support/session-plugin.mjs';

const commonjs = fromRollup(rollupCommonjs);
const simulator = simulatorPlugin();
// Server mode's API (ov-signin/server) at /auth on this same origin (test/browser/server-mode/).
// WebKitGTK keeps no Secure cookie from plain http://localhost (Chromium and Firefox treat loopback as
// secure): there the session cookie is a plain one, by the handler's `insecureCookiesOnHttp` opt-out.
const serverMode = serverModePlugin(simulator, { insecureCookiesOnHttp: engineNamesFromEnv().includes('webkit') });

// Tests that need the browser launched as for a user whose system asks for reduced motion: a group
// of their own, with a second browser of the same engine (one file, so the run barely grows). Left
// out when `--files` names other files only; `--group reduced-motion` runs it alone.
const REDUCED_MOTION_FILES = ['test/browser/theming/reduced-motion.test.ts'];
const filesGiven = process.argv.includes('--files');
const reducedMotionGroup =
  !filesGiven || process.argv.some((arg) => REDUCED_MOTION_FILES.some((file) => arg.includes(file)))
    ? [{ name: 'reduced-motion', files: REDUCED_MOTION_FILES, browsers: reducedMotionBrowsersFromEnv() }]
    : [];

export default {
  files: ['test/browser/**/*.test.ts', ...REDUCED_MOTION_FILES.map((file) => `!${file}`)],
  groups: reducedMotionGroup,
  nodeResolve: { browser: true, exportConditions: ['browser'] },
  concurrency: 1,
  // A bound, not a schedule: tests wait on their conditions; a loaded machine may take longer.
  testFramework: { config: { timeout: 60_000 } },
  // Every test page loads test/browser/support/setup.ts first (axe waits for animations to end).
  testRunnerHtml: (testFramework) =>
    `<!doctype html><html><body><script type="module" src="/test/browser/support/setup.ts"></script><script type="module" src="${testFramework}"></script></body></html>`,
  testsFinishTimeout: 30 * 60 * 1000,
  middleware: [cspPagesMiddleware(() => simulator.url), serverMode.middleware],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    // React ships only CommonJS (test/browser/react/). Its files `require` one another and each is
    // turned into a module on its own, so a `require` must return the other's default export (its
    // module.exports), not its namespace. First, so that it also serves those requires' proxies.
    reactEnvPlugin(),
    commonjs({
      include: ['**/node_modules/react/**', '**/node_modules/react-dom/**', '**/node_modules/scheduler/**'],
      strictRequires: false,
      requireReturnsDefault: 'preferred',
    }),
    // okta-auth-js pulls in tiny-emitter, which ships only CommonJS.
    commonjs({ include: ['**/node_modules/tiny-emitter/**'], strictRequires: false }),
    simulator,
    serverMode.plugin,
    screenshotPlugin(),
    forcedColorsPlugin(),
    keyboardShortcutPlugin(),
    patientWaitPlugin(),
    sessionPlugin(),
  ],
  browsers: browsersFromEnv(),
};
