// Light and dark: the defaults follow prefers-color-scheme; `theme` or the page's color-scheme
// overrides it; the screens inside follow the frame; dark stays aXe-clean (contrast included).
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import * as idx from '../fixtures/idx.js';
import { darkPalette, lightPalette } from '../../../src/styles/palette.js';
import type { OvPalette } from '../../../src/styles/palette.js';
import { frame, inScreen, mountAt, settledStyle } from './mount.js';
import type { Mounted } from './mount.js';
import { engine, itInChromium } from '../support/engine.js';

function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

/** The colours on screen are those of `palette`: frame, text inside a screen, a field. */
async function expectPalette(mounted: Mounted, palette: OvPalette): Promise<void> {
  expect(getComputedStyle(frame(mounted)).backgroundColor, 'surface').to.equal(rgb(palette.surface));
  expect(getComputedStyle(inScreen(mounted, 'h2')).color, 'text').to.equal(rgb(palette.text));
  const input = getComputedStyle(inScreen(mounted, 'input'));
  expect(input.backgroundColor, 'input background').to.equal(rgb(palette.inputBackground));
  const button = await settledStyle(inScreen(mounted, 'button[type="submit"]'));
  expect(button.backgroundColor, 'accent').to.equal(rgb(palette.accent));
}

describe('theming: light and dark', () => {
  let style: HTMLStyleElement | undefined;
  afterEach(async () => {
    style?.remove();
    style = undefined;
    if (engine === 'chromium') await emulateMedia({ colorScheme: 'light' });
  });

  itInChromium('light by default under a light preference [Chromium: CDP media emulation]', async () => {
    await emulateMedia({ colorScheme: 'light' });
    await expectPalette(await mountAt(idx.identify), lightPalette);
  });

  itInChromium('dark under a dark preference, screens included [Chromium: CDP media emulation]', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    await expectPalette(await mountAt(idx.identify), darkPalette);
  });

  itInChromium(
    'theme="light" and theme="dark" override the preference, and can change at run time [Chromium: CDP media emulation]',
    async () => {
      await emulateMedia({ colorScheme: 'dark' });
      const mounted = await mountAt(idx.identify, 'light');
      await expectPalette(mounted, lightPalette);
      await emulateMedia({ colorScheme: 'light' });
      mounted.signin.theme = 'dark';
      await mounted.signin.updateComplete;
      await expectPalette(mounted, darkPalette);
      mounted.signin.theme = 'auto';
      await mounted.signin.updateComplete;
      await expectPalette(mounted, lightPalette);
    },
  );

  it("the page's own color-scheme on the element wins", async () => {
    style = document.createElement('style');
    style.textContent = 'ov-signin { color-scheme: dark; }';
    document.head.append(style);
    await expectPalette(await mountAt(idx.identify), darkPalette);
  });

  for (const [name, tx] of Object.entries(idx.STEPS)) {
    it(`${name}: aXe-clean in dark`, async () => {
      const { signin } = await mountAt(tx, 'dark');
      await expect(signin).to.be.accessible();
    });
  }
});
