// Screenshots for the hostile-page tests, compared in Node. @web/test-runner-commands 0.9 has no
// screenshot command, so `screenshot` asks the puppeteer page behind the test session
// (chromeLauncher's getPage) for a PNG of a rectangle of the viewport; `pixel-diff` decodes two
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
  for (let y = 0; y < first.height; y++) {
    for (let x = 0; x < first.width; x++) {
      if (inside(ignore, x, y)) continue;
      const i = (y * first.width + x) * 4;
      const delta = Math.max(...[0, 1, 2, 3].map((c) => Math.abs(first.data[i + c] - second.data[i + c])));
      if (delta > CHANNEL_TOLERANCE) differing++;
    }
  }
  return { sameSize: true, sizes: [`${first.width}x${first.height}`], differing, total: first.width * first.height };
}

export function screenshotPlugin() {
  return {
    name: 'ov-screenshot',
    async executeCommand({ command, payload, session }) {
      if (command === 'screenshot') {
        const page = session.browser.getPage(session.id);
        return page.screenshot({ clip: payload, encoding: 'base64' });
      }
      if (command === 'pixel-diff') return pixelDiff(payload);
      return undefined;
    },
  };
}
