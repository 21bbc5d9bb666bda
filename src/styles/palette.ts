/**
 * The default colours, one set per colour scheme. Text colours keep ≥4.5:1 against `surface` (and
 * `inputBackground`), `accentText` against `accent`, and `border` ≥3:1 against both backgrounds
 * (WCAG 2.2 AA; checked by test/browser/theming/palette.test.ts).
 */
export interface OvPalette {
  accent: string;
  accentText: string;
  text: string;
  muted: string;
  error: string;
  border: string;
  surface: string;
  inputBackground: string;
}

export const lightPalette: Readonly<OvPalette> = {
  accent: '#1662dd',
  accentText: '#ffffff',
  text: '#1d1d21',
  muted: '#4b4f58',
  error: '#b3261e',
  border: '#6e7380',
  surface: '#ffffff',
  inputBackground: '#ffffff',
};

export const darkPalette: Readonly<OvPalette> = {
  accent: '#8ab4f8',
  accentText: '#0b1b36',
  text: '#e6e7eb',
  muted: '#b0b5bf',
  error: '#ffb4ab',
  border: '#8b909b',
  surface: '#1c1d22',
  inputBackground: '#26282e',
};
