// Screenshots for the hostile-page tests, compared in Node. @web/test-runner-commands 0.9 has no
// screenshot command, so `screenshot` asks the puppeteer page behind the test session
// (chromeLauncher's getPage) or the WebDriver session for a PNG of a rectangle of the viewport; `pixel-diff` decodes two
// such PNGs with pngjs and counts the pixels that differ. Nothing is written to disk.
import { PNG } from 'pngjs';

/** Channel difference below which two pixels count as the same (anti-aliasing noise). */
const CHANNEL_TOLERANCE = 24;

function inside(rect, x, y) {
  return rect && x >= rect.x && x < rect.x + rect.width && y >= rect.y && y < rect.y + rect.height;
}

/** `ignore`: a rectangle (in the screenshots' own pixels) left out, e.g. a QR code unique to each run. */
function pixelDiff({ a, b, ignore }) {
  const [first, second] = [a, b].map((png) => PNG.sync.read(Buffer.from(png, 'base64')));
  if (first.width !== second.width || first.height !== second.height) {
    return {
      sameSize: false,
      sizes: [`${first.width}x${first.height}`, `${second.width}x${second.height}`],
      differing: -1,
    };
  }
  let differing = 0;
  // Where the differing pixels lie, so that a failure says what moved, not only how much.
  const where = { left: Infinity, top: Infinity, right: -1, bottom: -1 };
  for (let y = 0; y < first.height; y++) {
    for (let x = 0; x < first.width; x++) {
      if (inside(ignore, x, y)) continue;
      const i = (y * first.width + x) * 4;
      const delta = Math.max(...[0, 1, 2, 3].map((c) => Math.abs(first.data[i + c] - second.data[i + c])));
      if (delta <= CHANNEL_TOLERANCE) continue;
      differing++;
      Object.assign(where, {
        left: Math.min(where.left, x),
        top: Math.min(where.top, y),
        right: Math.max(where.right, x),
        bottom: Math.max(where.bottom, y),
      });
    }
  }
  const area = differing ? `x ${where.left}–${where.right}, y ${where.top}–${where.bottom}` : '';
  return {
    sameSize: true,
    sizes: [`${first.width}x${first.height}`],
    differing,
    total: first.width * first.height,
    area,
  };
}

/**
 * `viewport`: the page's viewport in CSS pixels. @web/test-runner-commands' setViewport knows
 * puppeteer and Playwright only; over WebDriver the window is sized so that its inside matches.
 */
async function setViewport(session, { width, height }) {
  if (session.browser.type !== 'webdriver') {
    await session.browser.getPage(session.id).setViewport({ width, height });
    return true;
  }
  const { driver } = session.browser;
  for (let attempt = 0; attempt < 3; attempt++) {
    const [innerWidth, innerHeight] = await driver.execute(() => [window.innerWidth, window.innerHeight]);
    if (innerWidth === width && innerHeight === height) return true;
    const outer = await driver.getWindowRect();
    await driver.setWindowRect(null, null, outer.width + width - innerWidth, outer.height + height - innerHeight);
  }
  throw new Error(`viewport: could not size the window to ${width}x${height}`);
}

/** The rectangle `clip` of a base64 PNG, as a base64 PNG. */
function crop(png, clip) {
  const source = PNG.sync.read(Buffer.from(png, 'base64'));
  const target = new PNG({ width: clip.width, height: clip.height });
  PNG.bitblt(source, target, clip.x, clip.y, clip.width, clip.height, 0, 0);
  return PNG.sync.write(target).toString('base64');
}

export function screenshotPlugin() {
  return {
    name: 'ov-screenshot',
    async executeCommand({ command, payload, session }) {
      if (command === 'screenshot') {
        if (session.browser.type === 'webdriver') {
          // WebDriver shoots the whole viewport (at one device pixel per CSS pixel here): cut the clip out.
          return crop(await session.browser.driver.takeScreenshot(), payload);
        }
        const page = session.browser.getPage(session.id);
        return page.screenshot({ clip: payload, encoding: 'base64' });
      }
      if (command === 'pixel-diff') return pixelDiff(payload);
      if (command === 'viewport') return setViewport(session, payload);
      return undefined;
    },
  };
}
