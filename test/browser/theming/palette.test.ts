// The default palettes meet WCAG 2.2 AA: text ≥4.5:1 on what it is drawn on, edges and the focus
// ring (the accent) ≥3:1 against the surface. Figures are printed by the assertion messages.
import { expect } from '@open-wc/testing';
import { darkPalette, lightPalette } from '../../../src/styles/palette.js';
import type { OvPalette } from '../../../src/styles/palette.js';
import { contrastRatio } from './contrast.js';

type Pair = [foreground: keyof OvPalette, background: keyof OvPalette, minimum: number];

const PAIRS: Pair[] = [
  ['text', 'surface', 4.5],
  ['text', 'inputBackground', 4.5],
  ['muted', 'surface', 4.5],
  ['error', 'surface', 4.5],
  ['error', 'inputBackground', 4.5],
  ['accent', 'surface', 4.5], // links and secondary buttons
  ['accentText', 'accent', 4.5], // primary buttons
  ['border', 'surface', 3], // field and choice edges
  ['border', 'inputBackground', 3],
];

describe('default palettes', () => {
  for (const [name, palette] of [
    ['light', lightPalette],
    ['dark', darkPalette],
  ] as const) {
    for (const [foreground, background, minimum] of PAIRS) {
      it(`${name}: ${foreground} on ${background} ≥ ${minimum}:1`, () => {
        const ratio = contrastRatio(palette[foreground], palette[background]);
        expect(ratio, `${palette[foreground]} on ${palette[background]}: ${ratio.toFixed(2)}:1`).to.be.at.least(
          minimum,
        );
      });
    }
  }

  it('the contrast helper matches the WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).to.be.closeTo(21, 0.01);
    expect(contrastRatio('rgb(118, 118, 118)', '#ffffff')).to.be.closeTo(4.54, 0.01);
  });
});
