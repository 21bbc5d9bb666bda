// The three engines the browser tests run in, all from Debian (npm tools cannot download browsers
// here): Chromium and Firefox ESR driven by puppeteer-core (Chromium over the DevTools protocol,
// Firefox over WebDriver BiDi: no geckodriver), WebKitGTK's MiniBrowser driven by webdriverio
// through WebKitWebDriver (classic WebDriver) inside a virtual X server. `BROWSERS=firefox` (a
// comma-separated list; `chromium` when unset) picks the engines of one web-test-runner run;
// scripts/test-browsers.mjs runs each engine in turn.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER_PATH = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
// Shipped by libwebkit2gtk-4.1-0 (`dpkg -L libwebkit2gtk-4.1-0 | grep MiniBrowser`).
export const MINIBROWSER_PATH = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

function chromium({ reducedMotion = false } = {}) {
  return chromeLauncher({
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      headless: true,
      // --expose-gc: the memory test (test/browser/security/collected.test.ts) collects garbage on demand.
      args: [
        ...CHROMIUM_ARGS,
        '--js-flags=--expose-gc',
        // What the system's "reduce motion" setting gives Chromium.
        ...(reducedMotion ? ['--force-prefers-reduced-motion'] : []),
      ],
    },
  });
}

function firefox({ reducedMotion = false } = {}) {
  return chromeLauncher({
    // Given its own puppeteer, the launcher passes `browser: 'firefox'` through and names the engine.
    puppeteer: puppeteerCore,
    launchOptions: {
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      extraPrefsFirefox: {
        // navigator.clipboard.readText without the paste prompt (test/browser/inspector/ reads back
        // what the page copied); Firefox's own tests use the same switch.
        'dom.events.testing.asyncClipboard': true,
        // No update, telemetry or remote-settings traffic (refused on this network).
        'app.update.disabledForTesting': true,
        'datareporting.policy.dataSubmissionEnabled': false,
        'toolkit.telemetry.reportingpolicy.firstRun': false,
        // Firefox's own override of the system's "reduce motion" setting (1: reduce).
        ...(reducedMotion ? { 'ui.prefersReducedMotion': 1 } : {}),
      },
    },
  });
}

/** A TCP port nobody listens on now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A virtual X server on a display number it picks itself (-displayfd), for MiniBrowser's window. */
function startXvfb() {
  return new Promise((resolve, reject) => {
    const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    xvfb.stderr.on('data', (chunk) => (err += chunk));
    xvfb.stdio[3].on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve({ process: xvfb, display: `:${out.trim()}` });
    });
    xvfb.once('error', reject);
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it started: ${err.trim()}`)));
  });
}

/** Resolves once WebKitWebDriver answers /status (the process starts listening a moment after it spawns). */
async function waitForDriver(port, driver) {
  let exited = false;
  driver.once('exit', () => (exited = true));
  for (;;) {
    if (exited) throw new Error(`WebKitWebDriver exited before it listened on port ${port}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * WebKitGTK: starts Xvfb (unless a DISPLAY is set) and WebKitWebDriver, then hands over to
 * @web/test-runner-webdriver. Classic WebDriver: webdriverio 9 would otherwise ask for BiDi, which
 * WebKitWebDriver does not speak.
 */
class WebKitLauncher extends WebdriverLauncher {
  #children = [];
  #stopping = false;
  #reducedMotion;
  #configHome;

  /**
   * `reducedMotion`: MiniBrowser runs with GTK's `gtk-enable-animations=false`, which WebKitGTK
   * reports as `prefers-reduced-motion: reduce`; set in a settings.ini of a temporary
   * XDG_CONFIG_HOME, on an X server of its own (a desktop's XSETTINGS daemon would override it).
   */
  constructor({ reducedMotion = false } = {}) {
    super({
      hostname: '127.0.0.1',
      port: 0,
      path: '/',
      logLevel: 'error',
      // One command may wait on a page that a loaded machine renders slowly.
      connectionRetryTimeout: 120_000,
      capabilities: {
        browserName: 'MiniBrowser',
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation'] },
      },
    });
    this.#reducedMotion = reducedMotion;
  }

  async initialize(config) {
    await super.initialize(config);
    this.name = this.#reducedMotion ? reducedMotionName('WebKit') : 'WebKit';
    const env = { ...process.env };
    if (this.#reducedMotion) {
      this.#configHome = await mkdtemp(join(tmpdir(), 'ov-webkit-reduced-motion-'));
      await mkdir(join(this.#configHome, 'gtk-3.0'));
      await writeFile(join(this.#configHome, 'gtk-3.0', 'settings.ini'), '[Settings]\ngtk-enable-animations=false\n');
      env.XDG_CONFIG_HOME = this.#configHome;
      delete env.DISPLAY;
    }
    if (!env.DISPLAY) {
      const xvfb = await startXvfb();
      this.#watch('Xvfb', xvfb.process);
      env.DISPLAY = xvfb.display;
    }
    const port = await freePort();
    const driver = spawn(WEBKIT_DRIVER_PATH, [`--port=${port}`, '--host=127.0.0.1'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#watch('WebKitWebDriver', driver);
    await waitForDriver(port, driver);
    this.options.port = port;
  }

  /**
   * One key pressed and released at a time. webdriverio's keys() presses all the keys given, then
   * releases them all, so a doubled letter (the rr of "correct") is typed once.
   */
  async sendKeys(sessionId, keys) {
    for (const key of keys) await super.sendKeys(sessionId, [key]);
  }

  /**
   * Keeps the last output of a helper process and says, on the runner's stderr, when it ends before
   * the run does: otherwise a driver or X server that dies stops the run with no word of why.
   */
  #watch(name, child) {
    this.#children.push(child);
    let tail = '';
    const keep = (chunk) => (tail = (tail + chunk).slice(-4000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.once('exit', (code, signal) => {
      if (this.#stopping) return;
      const how = signal ? `killed by ${signal}` : `exit code ${code}`;
      process.stderr.write(`\nWebKit: ${name} ended during the run (${how}). Its last output:\n${tail || '(none)'}\n`);
    });
  }

  async stop() {
    this.#stopping = true;
    await super.stop();
    for (const child of this.#children.reverse()) child.kill();
    this.#children = [];
    if (this.#configHome) await rm(this.#configHome, { recursive: true, force: true });
  }
}

const LAUNCHERS = { chromium, firefox, webkit: (options) => new WebKitLauncher(options) };

/** The engines named by BROWSERS (comma-separated), Chromium alone when it is unset. */
export function engineNamesFromEnv(env = process.env) {
  const names = (env.BROWSERS ?? 'chromium')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of names) {
    if (!LAUNCHERS[name]) throw new Error(`BROWSERS: unknown engine ${name} (known: ${ENGINES.join(', ')})`);
  }
  return names;
}

/** The launchers of the engines named by BROWSERS. */
export function browsersFromEnv(env = process.env) {
  return engineNamesFromEnv(env).map((name) => LAUNCHERS[name]());
}

/**
 * The same engines, each launched as for a user whose system asks for reduced motion (no CDP
 * emulation, which only Chromium has): for the `reduced-motion` group of web-test-runner.config.mjs.
 */
export function reducedMotionBrowsersFromEnv(env = process.env) {
  return engineNamesFromEnv(env).map((name) => {
    const launcher = LAUNCHERS[name]({ reducedMotion: true });
    // Its own line in the runner's progress (WebKit names itself once initialized).
    if (name !== 'webkit') launcher.name = reducedMotionName(launcher.name);
    return launcher;
  });
}

/** How the progress names a browser launched with reduced motion: "Firefox, reduced motion". */
function reducedMotionName(engine) {
  return `${engine}, reduced motion`;
}
